//! The windowed mint-rate breaker: an `io_limits` bucket of the IOSD minted recently.
//!
//! Its capacity is the larger of an absolute figure and a share of the supply (so the cap grows
//! with the protocol but a fresh deployment can still mint), and it drains linearly:
//! `capacity / window` micros per second, so a full bucket is empty again after one window. A
//! mint is admitted only if it fits in what is left. Unlike a fixed window that resets, a burst
//! at a window's end followed by one at the next window's start cannot mint twice the cap.

use crate::BPS;

/// The breaker's parameters, set by the authority.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BreakerParams {
    /// Seconds a full bucket takes to drain.
    pub window_secs: u32,
    /// Capacity in IOSD micros, whatever the supply.
    pub cap_absolute_micros: u64,
    /// Capacity as basis points of the IOSD supply before the mint.
    pub cap_supply_bps: u32,
}

/// The bucket's state, stored on-chain: IOSD micros minted recently (`io_limits::Bucket`).
pub type MintBucket = io_limits::Bucket;

/// Why a mint was not admitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BreakerError {
    /// The mint does not fit; `available_micros` would.
    Exceeded { available_micros: u64 },
    /// The window is zero or an intermediate does not fit.
    Invalid,
}

impl BreakerParams {
    /// The bucket's capacity at `supply_micros`: `max(absolute, supply × bps / 10⁴)`, rounded
    /// down.
    pub fn capacity(&self, supply_micros: u64) -> Result<u64, BreakerError> {
        let share = u128::from(supply_micros)
            .checked_mul(u128::from(self.cap_supply_bps))
            .ok_or(BreakerError::Invalid)?
            .checked_div(u128::from(BPS))
            .ok_or(BreakerError::Invalid)?;
        let share = u64::try_from(share).unwrap_or(u64::MAX);
        Ok(share.max(self.cap_absolute_micros))
    }

    /// The bucket's level at `now`, after draining since its last update. A clock that went
    /// backwards drains nothing.
    pub fn drained(
        &self,
        bucket: MintBucket,
        supply_micros: u64,
        now: i64,
    ) -> Result<u64, BreakerError> {
        bucket
            .drained(self.capacity(supply_micros)?, self.window_secs, now)
            .map_err(BreakerError::from)
    }

    /// Admits a mint of `amount_micros` at `now` with `supply_micros` outstanding before it, and
    /// returns the bucket to store; or says how much would have fitted.
    pub fn admit(
        &self,
        bucket: MintBucket,
        supply_micros: u64,
        amount_micros: u64,
        now: i64,
    ) -> Result<MintBucket, BreakerError> {
        bucket
            .admit(
                self.capacity(supply_micros)?,
                self.window_secs,
                amount_micros,
                now,
            )
            .map_err(BreakerError::from)
    }
}

impl From<io_limits::LimitError> for BreakerError {
    fn from(error: io_limits::LimitError) -> Self {
        match error {
            io_limits::LimitError::Exceeded { available } => Self::Exceeded {
                available_micros: available,
            },
            io_limits::LimitError::WindowZero => Self::Invalid,
        }
    }
}
