//! `guardian_pause`: the guardian pauses new payments (direct payments, session opens and
//! top-ups) for at most 72 hours, to stop money flowing into a program with a known fault. It
//! cannot extend its pause, and once the pause ends it waits as long as the pause lasted before
//! it may pause again. Settlement, closes, refunds and claims are never paused.

use anchor_lang::prelude::*;
use io_common::MAX_GUARDIAN_PAUSE_HOURS;

use crate::constants::CONFIG_PDA;
use crate::error::InferenceError;
use crate::events::PauseChanged;
use crate::state::InferenceConfig;

#[event_cpi]
#[derive(Accounts)]
pub struct GuardianPause<'info> {
    pub guardian: Signer<'info>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = guardian @ InferenceError::NotGuardian,
    )]
    pub config: Account<'info, InferenceConfig>,
}

impl GuardianPause<'_> {
    pub fn handle(ctx: Context<Self>, hours: u32) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let config = &mut ctx.accounts.config;
        config
            .payment_pause
            .guardian_pause(hours, MAX_GUARDIAN_PAUSE_HOURS, now)
            .map_err(InferenceError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(PauseChanged {
            pause: config.payment_pause,
            by: ctx.accounts.guardian.key(),
            revision: config.revision,
        });
        Ok(())
    }
}
