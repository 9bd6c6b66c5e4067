//! `season_finalize`: anyone, once the end plus the posting grace has passed, fixes the pool
//! (the vault's balance now) and opens the claims. A season where nobody earned a point cannot
//! be finalised; its vault waits for the clawback.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::error::RewardsError;
use crate::events::SeasonFinalized;
use crate::state::{Season, SeasonState};

#[event_cpi]
#[derive(Accounts)]
pub struct SeasonFinalize<'info> {
    pub anyone: Signer<'info>,
    #[account(mut, has_one = vault @ RewardsError::SeasonMismatch)]
    pub season: Account<'info, Season>,
    pub vault: Account<'info, TokenAccount>,
}

impl SeasonFinalize<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let pool = ctx.accounts.vault.amount;
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
        season.pool_io_base = pool;
        season.bump_revision()?;
        season.invariant()?;
        emit_cpi!(SeasonFinalized {
            season: season.key(),
            pool_io_base: pool,
            total_points: season.total_points,
        });
        Ok(())
    }
}
