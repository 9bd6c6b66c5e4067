//! `guardian_pause`: the guardian pauses minting for at most 72 hours (an oracle incident, a
//! breaker that is not enough). It cannot extend its pause, and once the pause ends it waits as
//! long as the pause lasted before it may pause again. Redemption and spending are never paused.

use anchor_lang::prelude::*;
use io_common::MAX_GUARDIAN_PAUSE_HOURS;

use crate::constants::CONFIG_PDA;
use crate::error::IosdError;
use crate::events::PauseChanged;
use crate::state::IosdConfig;

#[event_cpi]
#[derive(Accounts)]
pub struct GuardianPause<'info> {
    pub guardian: Signer<'info>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = guardian @ IosdError::NotGuardian,
    )]
    pub config: Account<'info, IosdConfig>,
}

impl GuardianPause<'_> {
    pub fn handle(ctx: Context<Self>, hours: u32) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let config = &mut ctx.accounts.config;
        config
            .mint_pause
            .guardian_pause(hours, MAX_GUARDIAN_PAUSE_HOURS, now)
            .map_err(IosdError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(PauseChanged {
            pause: config.mint_pause,
            by: ctx.accounts.guardian.key(),
            revision: config.revision,
        });
        Ok(())
    }
}
