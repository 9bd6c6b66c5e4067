//! Rate limits that drain linearly, shared by every program that caps a flow: the market's
//! settlement outflow, the block-reward claims, the IOSD mint breaker (through `io-credit`) and
//! governance's veto budget.
//!
//! A [`Bucket`] holds what flowed recently. It drains at `capacity / window` per second, so a
//! full bucket is empty again one window later, and an amount is admitted only if it fits in
//! what is left. Unlike a window that resets at its edge, two bursts on either side of an edge
//! can never pass twice the capacity: over any span of `window` seconds at most
//! `2 × capacity` passes (a full bucket, then what drains in that window), and over a long span
//! the rate is at most `capacity / window` plus one bucket.
//!
//! Draining rounds down (toward keeping more in the bucket): the limit is never looser than its
//! rate. A clock that went backwards drains nothing.
//!
//! No Solana types and no allocation: the same functions run on-chain and off-chain.

#![no_std]
#![deny(clippy::arithmetic_side_effects)]

/// What a limit has let through recently, as stored on-chain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bucket {
    /// Units in the bucket when it was last updated.
    pub level: u64,
    /// Unix time of that update.
    pub updated_at: i64,
}

/// Why an amount was not admitted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LimitError {
    /// The amount does not fit; `available` would.
    Exceeded { available: u64 },
    /// The window is zero.
    WindowZero,
}

impl Bucket {
    /// The level at `now`: the stored level less what drained since the last update,
    /// `capacity × elapsed / window` rounded down.
    pub fn drained(&self, capacity: u64, window_secs: u32, now: i64) -> Result<u64, LimitError> {
        if window_secs == 0 {
            return Err(LimitError::WindowZero);
        }
        let elapsed = u128::try_from(now.saturating_sub(self.updated_at)).unwrap_or(0);
        // u64 × (i64 range) fits u128; the division by a non-zero window cannot fail.
        let drained = u128::from(capacity)
            .saturating_mul(elapsed)
            .checked_div(u128::from(window_secs))
            .unwrap_or(u128::MAX);
        let drained = u64::try_from(drained).unwrap_or(u64::MAX);
        Ok(self.level.saturating_sub(drained))
    }

    /// What may still pass at `now`.
    pub fn available(&self, capacity: u64, window_secs: u32, now: i64) -> Result<u64, LimitError> {
        Ok(capacity.saturating_sub(self.drained(capacity, window_secs, now)?))
    }

    /// Admits `amount` at `now` and returns the bucket to store, or says how much would fit.
    pub fn admit(
        &self,
        capacity: u64,
        window_secs: u32,
        amount: u64,
        now: i64,
    ) -> Result<Bucket, LimitError> {
        let level = self.drained(capacity, window_secs, now)?;
        let available = capacity.saturating_sub(level);
        if amount > available {
            return Err(LimitError::Exceeded { available });
        }
        Ok(Bucket {
            // amount ≤ capacity − level, so the sum is at most the capacity.
            level: level.saturating_add(amount),
            updated_at: now,
        })
    }
}

#[cfg(test)]
extern crate std;

#[cfg(test)]
mod tests;
