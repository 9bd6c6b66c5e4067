//! `guardian_pause`: the guardian pauses block-reward claims for at most 72 hours (signs of a
//! compromised oracle set, while the authority replaces it). It cannot extend its pause, and once
//! the pause ends it waits as long as the pause lasted before it may pause again. Season claims
//! are never paused.

use anchor_lang::prelude::*;
use io_common::MAX_GUARDIAN_PAUSE_HOURS;

use crate::constants::CONFIG_PDA;
use crate::error::RewardsError;
use crate::events::PauseChanged;
use crate::state::RewardsConfig;

#[event_cpi]
#[derive(Accounts)]
pub struct GuardianPause<'info> {
    pub guardian: Signer<'info>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = guardian @ RewardsError::NotGuardian,
    )]
    pub config: Account<'info, RewardsConfig>,
}

impl GuardianPause<'_> {
    pub fn handle(ctx: Context<Self>, hours: u32) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let config = &mut ctx.accounts.config;
        config
            .claim_pause
            .guardian_pause(hours, MAX_GUARDIAN_PAUSE_HOURS, now)
            .map_err(RewardsError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(PauseChanged {
            pause: config.claim_pause,
            by: ctx.accounts.guardian.key(),
            revision: config.revision,
        });
        Ok(())
    }
}
