//! The IO block-reward emission schedule, in closed form.
//!
//! Month `m` (counted from the emission start) emits `40,000,000 / 12 × 0.9898^m` IO; a month is
//! 730 hours and each of its hours emits 1/730 of it; emission stops once 300M IO have been
//! emitted (298.89M after 20 years; the cap is reached during month 243, counting from 0).
//!
//! Everything is integer fixed point with named rounding, so the rewards program and any
//! off-chain reproduction compute the same base unit:
//! - `r^m` by square-and-multiply at 10⁻¹⁸ precision, rounded down at each step;
//! - the months before `m` by the geometric series, `S(m) = M₀ (1 − r^m) / (1 − r)`, floored;
//! - month `m` emits exactly `S(m+1) − S(m)`, and its first `h` hours
//!   `⌊(S(m+1) − S(m)) × h / 730⌋`, so [`emitted_by_hour`] never decreases, not even across a
//!   month boundary, and no rounding compounds;
//! - the result is capped at [`CAP_IO_BASE`].
//!
//! Amounts are IO base units (8 decimals).

#![no_std]
#![deny(clippy::arithmetic_side_effects)]

/// IO base units per IO.
pub const IO_BASE_PER_IO: u128 = 100_000_000;
/// Hours in an emission month.
pub const HOURS_PER_MONTH: u64 = 730;
/// Seconds in an hour.
pub const SECS_PER_HOUR: i64 = 3_600;
/// Total emission ever, in IO base units (300M IO).
pub const CAP_IO_BASE: u64 = 300_000_000 * 100_000_000;
/// Month 0's emission in IO base units, `40,000,000 × 10⁸ / 12`, floored.
pub const MONTH_ZERO_IO_BASE: u128 = 40_000_000 * IO_BASE_PER_IO / 12;
/// Monthly decay `r = 0.9898` as a ratio.
const DECAY_NUMERATOR: u128 = 9_898;
const DECAY_DENOMINATOR: u128 = 10_000;
/// Fixed-point one for `r^m` (10¹⁸: a product of two fits a u128).
const ONE: u128 = 1_000_000_000_000_000_000;
/// `(1 − r)` scaled: the geometric series' denominator, `102 × 10¹⁸` over `10⁴`.
const SERIES_DENOMINATOR: u128 = (DECAY_DENOMINATOR - DECAY_NUMERATOR) * ONE;
/// [`HOURS_PER_MONTH`] as a u128 divisor.
const HOURS_PER_MONTH_WIDE: u128 = HOURS_PER_MONTH as u128;

/// `r^m` in units of 10⁻¹⁸, rounded down at every multiplication.
pub fn decay_factor_floor(month: u64) -> u128 {
    let mut result = ONE;
    // r = 0.9898 exactly in 10⁻¹⁸ units.
    let mut base = ONE / DECAY_DENOMINATOR * DECAY_NUMERATOR;
    let mut exponent = month;
    while exponent > 0 {
        if exponent & 1 == 1 {
            result = mul_fixed_floor(result, base);
        }
        base = mul_fixed_floor(base, base);
        exponent >>= 1;
    }
    result
}

/// `a × b / 10¹⁸` for `a, b ≤ 10¹⁸`, rounded down (the product stays below 10³⁶ < u128::MAX).
fn mul_fixed_floor(a: u128, b: u128) -> u128 {
    a.saturating_mul(b) / ONE
}

/// IO base units emitted by all months before `month`: `⌊M₀ (1 − r^m) / (1 − r)⌋`, uncapped.
pub fn emitted_before_month(month: u64) -> u128 {
    let remaining = ONE.saturating_sub(decay_factor_floor(month));
    // M₀ × (1 − r^m) × 10⁴ / (102 × 10¹⁸): 3.4·10¹⁴ × 10¹⁸ × 10⁴ < 3.4·10³⁸, no overflow.
    MONTH_ZERO_IO_BASE
        .saturating_mul(remaining)
        .saturating_mul(DECAY_DENOMINATOR)
        / SERIES_DENOMINATOR
}

/// IO base units month `month` emits (`S(m+1) − S(m)`, before the cap).
pub fn month_emission(month: u64) -> u128 {
    emitted_before_month(month.saturating_add(1)).saturating_sub(emitted_before_month(month))
}

/// IO base units emitted by the end of hour `hours` after the start (`hours` whole hours
/// elapsed), capped at [`CAP_IO_BASE`].
pub fn emitted_by_hour(hours: u64) -> u64 {
    let month = hours / HOURS_PER_MONTH;
    let hour_in_month = u128::from(hours % HOURS_PER_MONTH);
    let before = emitted_before_month(month);
    let this_month = month_emission(month).saturating_mul(hour_in_month) / HOURS_PER_MONTH_WIDE;
    let total = before.saturating_add(this_month);
    u64::try_from(total).unwrap_or(u64::MAX).min(CAP_IO_BASE)
}

/// IO base units emitted by unix time `now` for a schedule starting at `start` (zero before
/// the start; only whole hours count).
pub fn emitted_at(start: i64, now: i64) -> u64 {
    let elapsed = now.saturating_sub(start);
    if elapsed <= 0 {
        return 0;
    }
    emitted_by_hour(u64::try_from(elapsed / SECS_PER_HOUR).unwrap_or(0))
}

/// IO base units emitted during hour `hour` (from hour `hour` to `hour + 1`).
pub fn hour_emission(hour: u64) -> u64 {
    emitted_by_hour(hour.saturating_add(1)).saturating_sub(emitted_by_hour(hour))
}

#[cfg(test)]
mod tests;
