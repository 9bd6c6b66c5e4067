//! `Position`: IO an owner locked until `lockup_end` for voting power.
//!
//! Power = `amount × (1 + (max multiplier − 1) × min(remaining lockup / saturation, 1))`,
//! rounded down: locking longer counts more, up to the saturation, and the power decays as the
//! end approaches. A position may vote only if its lockup ends after the vote's end plus the
//! hold-up, so votes are always backed by tokens that stay locked until a proposal executes: no
//! flash-loaned or already-leaving tokens can vote.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, MULTIPLIER_ONE_BPS};
use crate::error::GovernanceError;
use crate::state::GovernanceParams;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Position {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    pub owner: Pubkey,
    /// The owner's identifier for the position (part of the seeds).
    pub id: u64,
    /// IO base units locked.
    pub amount: u64,
    /// When the IO can be withdrawn; it can move later, never earlier.
    pub lockup_end: i64,
    /// Votes cast and not yet relinquished: withdrawal waits for zero.
    pub active_votes: u32,
    pub created_at: i64,
    /// The owner, who paid the rent.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

/// The voting power of `amount` locked for `remaining_secs` more seconds, rounded down.
pub fn voting_power(amount: u64, remaining_secs: u64, params: &GovernanceParams) -> Result<u64> {
    let saturation = u128::from(params.lockup_saturation_secs);
    let bonus_bps = params
        .max_lockup_multiplier_bps
        .checked_sub(MULTIPLIER_ONE_BPS)
        .ok_or(GovernanceError::InvariantViolated)?;
    let counted = u128::from(remaining_secs).min(saturation);
    let bonus = u128::from(amount)
        .checked_mul(u128::from(bonus_bps))
        .and_then(|v| v.checked_mul(counted))
        .ok_or(GovernanceError::MathOverflow)?
        .checked_div(
            u128::from(MULTIPLIER_ONE_BPS)
                .checked_mul(saturation)
                .ok_or(GovernanceError::MathOverflow)?,
        )
        .ok_or(GovernanceError::MathOverflow)?;
    let power = u128::from(amount)
        .checked_add(bonus)
        .ok_or(GovernanceError::MathOverflow)?;
    u64::try_from(power).map_err(|_| error!(GovernanceError::MathOverflow))
}

impl Position {
    /// Seconds of lockup left at `now` (0 once it ended).
    pub fn remaining_secs(&self, now: i64) -> u64 {
        u64::try_from(self.lockup_end.saturating_sub(now)).unwrap_or(0)
    }

    /// Voting power at `now`.
    pub fn power(&self, now: i64, params: &GovernanceParams) -> Result<u64> {
        voting_power(self.amount, self.remaining_secs(now), params)
    }

    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(GovernanceError::MathOverflow)?;
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            GovernanceError::InvariantViolated
        );
        require!(self.amount > 0, GovernanceError::InvariantViolated);
        Ok(())
    }
}
