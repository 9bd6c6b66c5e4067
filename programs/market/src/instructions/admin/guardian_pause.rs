//! `guardian_pause`: the guardian pauses one instruction class for at most `max_pause_hours`.
//! It cannot extend its own pause: once a class is paused, only the authority changes it.

use anchor_lang::prelude::*;

use crate::constants::SEED_CONFIG;
use crate::error::MarketError;
use crate::events::PauseChanged;
use crate::state::{MarketConfig, PauseClass};

#[event_cpi]
#[derive(Accounts)]
pub struct GuardianPause<'info> {
    pub guardian: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONFIG],
        bump = config.bump,
        has_one = guardian @ MarketError::NotGuardian,
    )]
    pub config: Account<'info, MarketConfig>,
}

impl GuardianPause<'_> {
    pub fn handle(ctx: Context<Self>, class: PauseClass, hours: u32) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let config = &mut ctx.accounts.config;
        require!(
            (1..=config.params.max_pause_hours).contains(&hours),
            MarketError::PauseTooLong
        );
        let slot = &mut config.paused_until[class.index()];
        require!(*slot <= now, MarketError::PauseActive);
        let until = now
            .checked_add(
                i64::from(hours)
                    .checked_mul(3_600)
                    .ok_or(MarketError::MathOverflow)?,
            )
            .ok_or(MarketError::MathOverflow)?;
        *slot = until;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(PauseChanged {
            class,
            paused_until: until,
            by: ctx.accounts.guardian.key(),
            revision: config.revision,
        });
        Ok(())
    }
}
