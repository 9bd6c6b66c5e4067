//! `Lease`: k GPUs of one device rented at a rate locked at open, funded in IOSD held in the
//! market's escrow (the iosd holder account of the market's spender PDA).
//!
//! Money conservation, per lease (IOSD micros): `deposited = paid + remaining`, `paid =
//! provider_paid + fees`, and after finalising `remaining` is refunded. Settlement pays deltas
//! of cumulative usage: `min(payable(cumulative), deposited) − paid`.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SECS_PER_HOUR};
use crate::error::MarketError;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Lease {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    pub renter: Pubkey,
    pub device: Pubkey,
    /// The device's `Provider` account (payout accounts, owner).
    pub provider: Pubkey,
    pub nonce: u64,
    pub gpu_count: u16,
    /// USD micros per GPU-hour, locked at open.
    pub rate_usd_per_gpu_hour_micros: u64,
    pub opened_at: i64,
    /// When the running pause began (0: running).
    pub paused_at: i64,
    /// Seconds spent paused, excluding the running pause.
    pub paused_secs: u64,
    /// When the close was requested (0: not requested); usage stops accruing then.
    pub close_requested_at: i64,
    /// IOSD micros in escrow for this lease over its life, net of the reservation fee.
    pub deposited: u64,
    /// Reservation fee taken at open (not refundable).
    pub reservation_fee: u64,
    /// Cumulative GPU-seconds settled.
    pub settled_gpu_secs: u64,
    /// Paid out of the deposit so far: to the provider plus the provider fee.
    pub paid: u64,
    pub provider_paid: u64,
    pub fees: u64,
    /// The renter, who paid the rent.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

impl Lease {
    /// End of the active period: the close request, or `now`.
    fn active_end(&self, now: i64) -> i64 {
        if self.close_requested_at != 0 {
            self.close_requested_at.min(now)
        } else {
            now
        }
    }

    /// Wall-clock seconds the lease has been active (open, not paused, before any close).
    pub fn active_secs(&self, now: i64) -> Result<u64> {
        let end = self.active_end(now);
        let running_pause = if self.paused_at != 0 {
            u64::try_from(end.saturating_sub(self.paused_at)).unwrap_or(0)
        } else {
            0
        };
        let elapsed = u64::try_from(end.saturating_sub(self.opened_at)).unwrap_or(0);
        Ok(elapsed
            .saturating_sub(self.paused_secs)
            .saturating_sub(running_pause))
    }

    /// The most GPU-seconds the lease can have used by `now`: `k × active seconds`.
    pub fn capacity_gpu_secs(&self, now: i64) -> Result<u64> {
        u64::from(self.gpu_count)
            .checked_mul(self.active_secs(now)?)
            .ok_or_else(|| error!(MarketError::MathOverflow))
    }

    /// IOSD micros owed for `gpu_secs`: `gpu_secs × rate / 3600`, rounded down (in the
    /// renter's favour: a fraction of a micro is never charged).
    pub fn payable(&self, gpu_secs: u64) -> Result<u64> {
        let value = u128::from(gpu_secs)
            .checked_mul(u128::from(self.rate_usd_per_gpu_hour_micros))
            .ok_or(MarketError::MathOverflow)?
            .checked_div(u128::from(SECS_PER_HOUR))
            .ok_or(MarketError::MathOverflow)?;
        u64::try_from(value).map_err(|_| error!(MarketError::MathOverflow))
    }

    /// IOSD micros still in escrow for this lease.
    pub fn remaining(&self) -> Result<u64> {
        self.deposited
            .checked_sub(self.paid)
            .ok_or_else(|| error!(MarketError::InvariantViolated))
    }

    /// Seconds the remaining escrow lasts at the full rate, rounded down.
    pub fn runway_secs(&self) -> Result<u64> {
        let per_hour = u128::from(self.gpu_count)
            .checked_mul(u128::from(self.rate_usd_per_gpu_hour_micros))
            .ok_or(MarketError::MathOverflow)?;
        if per_hour == 0 {
            return Ok(u64::MAX);
        }
        let secs = u128::from(self.remaining()?)
            .checked_mul(u128::from(SECS_PER_HOUR))
            .ok_or(MarketError::MathOverflow)?
            .checked_div(per_hour)
            .ok_or(MarketError::MathOverflow)?;
        Ok(u64::try_from(secs).unwrap_or(u64::MAX))
    }

    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            MarketError::InvariantViolated
        );
        require!(
            self.gpu_count > 0
                && self.paid <= self.deposited
                && self.provider_paid.checked_add(self.fees) == Some(self.paid),
            MarketError::InvariantViolated
        );
        Ok(())
    }
}
