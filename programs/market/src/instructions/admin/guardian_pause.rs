//! `guardian_pause`: the guardian pauses one instruction class for at most `max_pause_hours`.
//! It cannot extend its own pause (once a class is paused, only the authority changes it), and
//! once the pause ends it waits as long as the pause lasted before pausing that class again: a
//! guardian pausing as often as it may still leaves every class open half the time, so refunds
//! and withdrawals behind a pause always get through.

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::PauseChanged;
use crate::state::{MarketConfig, PauseClass};

#[event_cpi]
#[derive(Accounts)]
pub struct GuardianPause<'info> {
    pub guardian: Signer<'info>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = guardian @ MarketError::NotGuardian,
    )]
    pub config: Account<'info, MarketConfig>,
}

impl GuardianPause<'_> {
    pub fn handle(ctx: Context<Self>, class: PauseClass, hours: u32) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let config = &mut ctx.accounts.config;
        let max_hours = config.params.max_pause_hours;
        config.pauses[class.index()]
            .guardian_pause(hours, max_hours, now)
            .map_err(MarketError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(PauseChanged {
            class,
            pause: config.pauses[class.index()],
            by: ctx.accounts.guardian.key(),
            revision: config.revision,
        });
        Ok(())
    }
}
