//! Ignition-style airdrop points, in integer arithmetic with named rounding, so the rewards
//! program and any off-chain recomputation agree to the point.
//!
//! Per device and epoch an oracle posts **cumulative** inputs: GPU-seconds of jobs done and
//! seconds of uptime, with the bandwidth tier in force that epoch. Points accrue from the
//! deltas:
//!
//! ```text
//! points = (job_weight × Δjob_secs + uptime_weight × gpus × Δuptime_secs) / 3600
//!          × bandwidth_multiplier[tier] / 10⁴ × gpu_model_multiplier / 10⁴
//! ```
//!
//! with weights in points per hour (job hours count GPU-hours, uptime counts each GPU) and
//! multipliers in basis points. Each epoch's exact value `numerator / DENOMINATOR` is added with
//! the remainder carried to the next ([`DevicePoints`]), so a device's points are exactly
//! `⌊Σ numerators / DENOMINATOR⌋`: no fraction is ever lost or counted twice.
//!
//! At the season's end the pool converts pro rata, `⌊pool × points / total⌋`
//! ([`entitlement`]), released linearly between two times ([`vested`]). What rounding leaves
//! stays in the vault for the clawback.

#![no_std]
#![deny(clippy::arithmetic_side_effects)]

/// Seconds per hour: weights are in points per hour.
pub const SECS_PER_HOUR: u128 = 3_600;
/// Basis points in one.
pub const BPS: u128 = 10_000;
/// What one epoch's numerator is divided by: seconds per hour × two basis-point multipliers.
pub const DENOMINATOR: u128 = SECS_PER_HOUR * BPS * BPS;
/// Bandwidth tiers run from 0 to this.
pub const MAX_BANDWIDTH_TIER: u8 = 4;

/// Why a computation was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointsError {
    /// A cumulative input is lower than the one already counted.
    InputsDecreased,
    /// The bandwidth tier is above [`MAX_BANDWIDTH_TIER`].
    TierOutOfRange,
    /// An intermediate or a total does not fit.
    Overflow,
}

/// How a season turns inputs into points (set by the authority when it creates the season).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Formula {
    /// Points per GPU-hour of jobs done.
    pub job_weight: u64,
    /// Points per GPU-hour of uptime.
    pub uptime_weight: u64,
    /// Multiplier per bandwidth tier 0..=4, in bps.
    pub bandwidth_multipliers_bps: [u32; 5],
}

/// One device's inputs as posted for one epoch: cumulative totals and that epoch's tier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Inputs {
    pub job_secs: u64,
    pub uptime_secs: u64,
    pub bandwidth_tier: u8,
}

/// A device's running count: the cumulative inputs counted, its points, and the fraction of a
/// point carried to the next epoch (`remainder < DENOMINATOR`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DevicePoints {
    pub job_secs: u64,
    pub uptime_secs: u64,
    pub points: u64,
    pub remainder: u64,
}

impl DevicePoints {
    /// Counts `inputs` for a device of `gpus` GPUs whose model multiplier is `gpu_model_bps`;
    /// returns the points this epoch added. Cumulative inputs may stay equal (no work, no
    /// points) but never decrease.
    pub fn accrue(
        &mut self,
        formula: &Formula,
        gpu_model_bps: u32,
        gpus: u16,
        inputs: Inputs,
    ) -> Result<u64, PointsError> {
        let bandwidth = *formula
            .bandwidth_multipliers_bps
            .get(usize::from(inputs.bandwidth_tier))
            .ok_or(PointsError::TierOutOfRange)?;
        let job = inputs
            .job_secs
            .checked_sub(self.job_secs)
            .ok_or(PointsError::InputsDecreased)?;
        let uptime = inputs
            .uptime_secs
            .checked_sub(self.uptime_secs)
            .ok_or(PointsError::InputsDecreased)?;
        let weighted = mul(job, formula.job_weight)?
            .checked_add(
                mul(uptime, formula.uptime_weight)?
                    .checked_mul(u128::from(gpus))
                    .ok_or(PointsError::Overflow)?,
            )
            .ok_or(PointsError::Overflow)?;
        let numerator = weighted
            .checked_mul(u128::from(bandwidth))
            .and_then(|v| v.checked_mul(u128::from(gpu_model_bps)))
            .and_then(|v| v.checked_add(u128::from(self.remainder)))
            .ok_or(PointsError::Overflow)?;
        let added = u64::try_from(numerator / DENOMINATOR).map_err(|_| PointsError::Overflow)?;
        // The remainder of a division by DENOMINATOR (< 2^39) always fits a u64.
        let remainder =
            u64::try_from(numerator % DENOMINATOR).map_err(|_| PointsError::Overflow)?;
        let points = self
            .points
            .checked_add(added)
            .ok_or(PointsError::Overflow)?;
        *self = Self {
            job_secs: inputs.job_secs,
            uptime_secs: inputs.uptime_secs,
            points,
            remainder,
        };
        Ok(added)
    }
}

fn mul(a: u64, b: u64) -> Result<u128, PointsError> {
    u128::from(a)
        .checked_mul(u128::from(b))
        .ok_or(PointsError::Overflow)
}

/// A device's share of the pool: `⌊pool × points / total⌋` (0 when no points were earned).
pub fn entitlement(pool: u64, points: u64, total_points: u64) -> Result<u64, PointsError> {
    if total_points == 0 {
        return Ok(0);
    }
    if points > total_points {
        return Err(PointsError::Overflow);
    }
    let share = mul(pool, points)?
        .checked_div(u128::from(total_points))
        .ok_or(PointsError::Overflow)?;
    u64::try_from(share).map_err(|_| PointsError::Overflow)
}

/// How much of `entitled` is released at `now`, linearly from `start` to `end`, rounded down:
/// nothing before `start`, everything from `end` (a cliff when they are equal).
pub fn vested(entitled: u64, start: i64, end: i64, now: i64) -> Result<u64, PointsError> {
    if now >= end {
        return Ok(entitled);
    }
    if now <= start {
        return Ok(0);
    }
    let elapsed = u128::try_from(now.checked_sub(start).ok_or(PointsError::Overflow)?)
        .map_err(|_| PointsError::Overflow)?;
    let span = u128::try_from(end.checked_sub(start).ok_or(PointsError::Overflow)?)
        .map_err(|_| PointsError::Overflow)?;
    let released = u128::from(entitled)
        .checked_mul(elapsed)
        .and_then(|v| v.checked_div(span))
        .ok_or(PointsError::Overflow)?;
    u64::try_from(released).map_err(|_| PointsError::Overflow)
}

#[cfg(test)]
mod tests;
