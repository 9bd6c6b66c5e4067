//! Unit and property tests of the points formula, the conversion and vesting.

// Test arithmetic runs on small generated values; an overflow would fail the test loudly.
#![allow(clippy::arithmetic_side_effects)]

extern crate std;

use proptest::prelude::*;
use std::vec::Vec;

use crate::*;

const FORMULA: Formula = Formula {
    job_weight: 100,
    uptime_weight: 10,
    bandwidth_multipliers_bps: [5_000, 8_000, 10_000, 12_000, 15_000],
};

fn inputs(job_secs: u64, uptime_secs: u64, bandwidth_tier: u8) -> Inputs {
    Inputs {
        job_secs,
        uptime_secs,
        bandwidth_tier,
    }
}

#[test]
fn an_hour_of_jobs_and_uptime_on_a_tier_2_h100() {
    let mut device = DevicePoints::default();
    // 8 GPU-hours of jobs × 100 + 1 hour of uptime × 8 GPUs × 10 = 880 points/h, × 1.0 tier,
    // × 1.5 for the GPU model: 1320.
    let added = device
        .accrue(&FORMULA, 15_000, 8, inputs(8 * 3_600, 3_600, 2))
        .unwrap();
    assert_eq!(added, 1_320);
    assert_eq!(device.points, 1_320);
    assert_eq!(device.remainder, 0);
    // Nothing new: no points; inputs going back: refused and unchanged.
    assert_eq!(
        device
            .accrue(&FORMULA, 15_000, 8, inputs(8 * 3_600, 3_600, 4))
            .unwrap(),
        0
    );
    let before = device;
    assert_eq!(
        device.accrue(&FORMULA, 15_000, 8, inputs(1, 3_600, 2)),
        Err(PointsError::InputsDecreased)
    );
    assert_eq!(
        device.accrue(&FORMULA, 15_000, 8, inputs(8 * 3_600, 3_600, 5)),
        Err(PointsError::TierOutOfRange)
    );
    assert_eq!(device, before);
}

#[test]
fn fractions_carry_from_epoch_to_epoch() {
    let mut device = DevicePoints::default();
    // One job second at 100 points/h is 1/36 point: nothing, then a whole point after 36.
    for second in 1..36 {
        device
            .accrue(&FORMULA, 10_000, 1, inputs(second, 0, 2))
            .unwrap();
        assert_eq!(device.points, 0);
    }
    device
        .accrue(&FORMULA, 10_000, 1, inputs(36, 0, 2))
        .unwrap();
    assert_eq!((device.points, device.remainder), (1, 0));
}

#[test]
fn extreme_inputs_overflow_by_name() {
    let huge = Formula {
        job_weight: u64::MAX,
        uptime_weight: u64::MAX,
        bandwidth_multipliers_bps: [u32::MAX; 5],
    };
    let mut device = DevicePoints::default();
    assert_eq!(
        device.accrue(&huge, u32::MAX, u16::MAX, inputs(u64::MAX, u64::MAX, 0)),
        Err(PointsError::Overflow)
    );
    assert_eq!(device, DevicePoints::default());
}

#[test]
fn conversion_and_vesting_examples() {
    assert_eq!(entitlement(1_000, 1, 3), Ok(333));
    assert_eq!(entitlement(1_000, 0, 0), Ok(0));
    assert_eq!(entitlement(1_000, 4, 3), Err(PointsError::Overflow));
    assert_eq!(vested(1_000, 100, 200, 99), Ok(0));
    assert_eq!(vested(1_000, 100, 200, 100), Ok(0));
    assert_eq!(vested(1_000, 100, 200, 150), Ok(500));
    assert_eq!(vested(1_000, 100, 200, 200), Ok(1_000));
    assert_eq!(vested(1_000, 100, 100, 100), Ok(1_000), "a cliff");
}

proptest! {
    /// However the inputs are split into epochs (one tier), the points are the floor of the
    /// total: the remainder carry loses nothing and counts nothing twice.
    #[test]
    fn splitting_into_epochs_never_changes_the_total(
        steps in proptest::collection::vec((0u64..100_000, 0u64..100_000), 1..20),
        gm in 1u32..=100_000,
        gpus in 1u16..=64,
        tier in 0u8..=4,
    ) {
        let mut device = DevicePoints::default();
        let (mut job, mut uptime) = (0u64, 0u64);
        for (dj, du) in &steps {
            job += dj;
            uptime += du;
            device.accrue(&FORMULA, gm, gpus, inputs(job, uptime, tier)).unwrap();
        }
        let mut once = DevicePoints::default();
        once.accrue(&FORMULA, gm, gpus, inputs(job, uptime, tier)).unwrap();
        prop_assert_eq!(device, once);
    }

    /// The shares never exceed the pool, and each is within one base unit of the exact share.
    #[test]
    fn shares_never_exceed_the_pool(
        pool in 0u64..=u64::MAX / 2,
        points in proptest::collection::vec(0u64..=1_000_000_000, 1..30),
    ) {
        let total: u64 = points.iter().sum();
        let shares: Vec<u64> = points.iter().map(|p| entitlement(pool, *p, total).unwrap()).collect();
        let paid: u128 = shares.iter().map(|s| u128::from(*s)).sum();
        prop_assert!(paid <= u128::from(pool));
        if total > 0 {
            prop_assert!(u128::from(pool) - paid < points.len() as u128);
        }
    }

    /// Vesting never releases early, never more than the entitlement, and never goes back.
    #[test]
    fn vesting_is_monotonic_and_never_early(
        entitled in 0u64..=u64::MAX,
        start in 0i64..1_000_000,
        span in 0i64..1_000_000,
        times in proptest::collection::vec(0i64..3_000_000, 1..20),
    ) {
        let end = start + span;
        let mut times = times;
        times.sort_unstable();
        let mut last = 0u64;
        for now in times {
            let released = vested(entitled, start, end, now).unwrap();
            prop_assert!(released <= entitled);
            prop_assert!(released >= last);
            if now < start || (now == start && span > 0) {
                prop_assert_eq!(released, 0);
            }
            last = released;
        }
    }
}
