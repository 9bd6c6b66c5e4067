//! `season_finalize`: anyone, once the end plus the posting grace has passed, closes the points
//! and opens the claims on the pool funded at creation (IO sent to the vault since adds nothing:
//! it goes back with the clawback). A season where nobody earned a point cannot be finalised;
//! its vault waits for the clawback.

use anchor_lang::prelude::*;

use crate::error::RewardsError;
use crate::events::SeasonFinalized;
use crate::state::{Season, SeasonState};

#[event_cpi]
#[derive(Accounts)]
pub struct SeasonFinalize<'info> {
    pub anyone: Signer<'info>,
    #[account(mut, dup)]
    pub season: Account<'info, Season>,
}

impl SeasonFinalize<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let season = &mut ctx.accounts.season;
        require!(
            season.state == SeasonState::Active,
            RewardsError::SeasonFinalized
        );
        require!(
            now >= season.posting_closes_at()?,
            RewardsError::FinalizeTooEarly
        );
        require!(season.total_points > 0, RewardsError::NoPoints);
        season.state = SeasonState::Finalized;
        season.bump_revision()?;
        season.invariant()?;
        emit_cpi!(SeasonFinalized {
            season: season.key(),
            pool_io_base: season.pool_io_base,
            total_points: season.total_points,
        });
        Ok(())
    }
}
