//! `season_record_close`: once a season is swept, anyone closes a device record that was not
//! fully claimed; its rent returns to whoever paid it.

use anchor_lang::prelude::*;

use crate::error::RewardsError;
use crate::events::SeasonAccountClosed;
use crate::state::{Season, SeasonDevice, SeasonState};

#[event_cpi]
#[derive(Accounts)]
pub struct SeasonRecordClose<'info> {
    pub anyone: Signer<'info>,
    #[account(mut, dup)]
    pub season: Account<'info, Season>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = season @ RewardsError::SeasonMismatch,
        has_one = rent_payer @ RewardsError::SeasonMismatch,
    )]
    pub record: Account<'info, SeasonDevice>,
    /// CHECK: the record's rent payer (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl SeasonRecordClose<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let season = &mut ctx.accounts.season;
        require!(
            season.state == SeasonState::Swept,
            RewardsError::SeasonNotSwept
        );
        season.records_open = season
            .records_open
            .checked_sub(1)
            .ok_or(RewardsError::InvariantViolated)?;
        season.bump_revision()?;
        season.invariant()?;
        emit_cpi!(SeasonAccountClosed {
            season: season.key(),
            account: ctx.accounts.record.key(),
            records_open: season.records_open,
        });
        Ok(())
    }
}
