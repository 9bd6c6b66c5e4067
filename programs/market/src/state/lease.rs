//! `Lease`: k GPUs of one device rented at a USD rate locked at open, funded in IOSD (held in
//! the market's IOSD escrow, the iosd holder account of the market's spender PDA) or in IO at an
//! oracle quote locked at open (held in the market's lease vault).
//!
//! Every amount of a lease is in its currency's base units: IOSD micros (1 IOSD = 1 USD) or IO
//! base units (8 decimals). Money conservation, per lease: `deposited = paid + remaining`,
//! `paid = provider_paid + fees`, and after finalising `remaining` is refunded. Settlement pays
//! deltas of cumulative usage: `min(payable(cumulative), deposited) − paid`.

use anchor_lang::prelude::*;
use io_common::Currency;
use io_oracle::UsdPerIo;

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
    pub currency: Currency,
    /// IO leases: the IO price locked at open, in pico-USD per IO (the oracle's mint price,
    /// min(spot, EMA) − k·conf: IO is valued low coming in). 0 for IOSD leases.
    pub quote_pico_usd_per_io: u64,
    pub gpu_count: u16,
    /// USD micros per GPU-hour, locked at open.
    pub rate_usd_per_gpu_hour_micros: u64,
    /// The provider fee and its burned share, in bps, locked at open as the rate is: a later
    /// change of the parameters applies to new leases only.
    pub provider_fee_bps: u16,
    pub burn_share_bps: u16,
    pub opened_at: i64,
    /// When the running pause began (0: running).
    pub paused_at: i64,
    /// Seconds spent paused, excluding the running pause.
    pub paused_secs: u64,
    /// When the close was requested (0: not requested); usage stops accruing then.
    pub close_requested_at: i64,
    /// Put in escrow for this lease over its life, net of the reservation fee.
    pub deposited: u64,
    /// Reservation fee taken at open (not refundable).
    pub reservation_fee: u64,
    /// Cumulative GPU-seconds settled.
    pub settled_gpu_secs: u64,
    /// Paid out of the deposit so far: to the provider plus the provider fee.
    pub paid: u64,
    pub provider_paid: u64,
    /// Provider fees so far, `⌈paid × provider_fee_bps⌉`, and the part of them burned,
    /// `⌊fees × burn_share_bps⌋`: functions of the cumulative `paid`, so the way usage is split
    /// into settlements never changes what anyone pays.
    pub fees: u64,
    pub burned: u64,
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

    /// USD micros owed for `gpu_secs`: `gpu_secs × rate / 3600`, rounded down (in the renter's
    /// favour: a fraction of a micro is never charged).
    pub fn payable_usd(&self, gpu_secs: u64) -> Result<u64> {
        let value = u128::from(gpu_secs)
            .checked_mul(u128::from(self.rate_usd_per_gpu_hour_micros))
            .ok_or(MarketError::MathOverflow)?
            .checked_div(u128::from(SECS_PER_HOUR))
            .ok_or(MarketError::MathOverflow)?;
        u64::try_from(value).map_err(|_| error!(MarketError::MathOverflow))
    }

    /// What `gpu_secs` cost in the lease's currency, rounded down: the USD amount itself for
    /// IOSD, or its IO at the locked quote. Computed from the cumulative total every time, so
    /// the two roundings never compound across settlements.
    pub fn payable(&self, gpu_secs: u64) -> Result<u64> {
        let usd = self.payable_usd(gpu_secs)?;
        match self.currency {
            Currency::Iosd => Ok(usd),
            Currency::Io => self
                .quote()
                .io_for_iosd_floor(usd)
                .map_err(|_| error!(MarketError::MathOverflow)),
        }
    }

    /// The USD micros `amount` of the lease's currency is worth at the locked quote, rounded
    /// down (what it buys) or up (what it counts against the outflow cap).
    pub fn usd_value(&self, amount: u64, round_up: bool) -> Result<u64> {
        match self.currency {
            Currency::Iosd => Ok(amount),
            Currency::Io if round_up => self.quote().iosd_for_io_ceil(amount),
            Currency::Io => self.quote().iosd_for_io_floor(amount),
        }
        .map_err(|_| error!(MarketError::MathOverflow))
    }

    fn quote(&self) -> UsdPerIo {
        UsdPerIo(u128::from(self.quote_pico_usd_per_io))
    }

    /// Still in escrow for this lease, in its currency.
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
        let secs = u128::from(self.usd_value(self.remaining()?, false)?)
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
        let quoted = match self.currency {
            Currency::Iosd => self.quote_pico_usd_per_io == 0,
            Currency::Io => self.quote_pico_usd_per_io > 0,
        };
        require!(
            self.gpu_count > 0
                && quoted
                && self.paid <= self.deposited
                && self.provider_paid.checked_add(self.fees) == Some(self.paid)
                && self.burned <= self.fees,
            MarketError::InvariantViolated
        );
        // The fees are exactly what the cumulative total owes under the locked terms.
        let owed = crate::math::split_fee(self.paid, self.provider_fee_bps, self.burn_share_bps)?;
        require!(
            (owed.fee, owed.burn) == (self.fees, self.burned),
            MarketError::InvariantViolated
        );
        Ok(())
    }
}
