//! Unit and property tests of the solvency states and the breaker.

// Test arithmetic on small generated values; overflow would be a test bug and panics anyway.
#![allow(clippy::arithmetic_side_effects)]

use proptest::prelude::*;

use crate::{BreakerError, BreakerParams, MintBucket, Solvency, classify};

const PARAMS: BreakerParams = BreakerParams {
    window_secs: 3_600,
    cap_absolute_micros: 1_000_000,
    cap_supply_bps: 0,
};

#[test]
fn thresholds_are_on_the_healthier_side() {
    assert_eq!(classify(9_500, 9_500, 9_000), Solvency::Healthy);
    assert_eq!(classify(9_499, 9_500, 9_000), Solvency::Warning);
    assert_eq!(classify(9_000, 9_500, 9_000), Solvency::Warning);
    assert_eq!(classify(8_999, 9_500, 9_000), Solvency::MintHalted);
    assert_eq!(classify(u64::MAX, 9_500, 9_000), Solvency::Healthy);
    assert!(Solvency::Warning.allows_minting());
    assert!(!Solvency::MintHalted.allows_minting());
    assert!(!Solvency::OracleHalted.allows_minting());
}

#[test]
fn a_full_bucket_refuses_then_drains_linearly() {
    let full = PARAMS
        .admit(MintBucket::default(), 0, 1_000_000, 0)
        .unwrap();
    assert_eq!(
        PARAMS.admit(full, 0, 1, 0),
        Err(BreakerError::Exceeded {
            available_micros: 0
        })
    );
    // After a quarter of the window a quarter of the capacity is free again.
    assert_eq!(
        PARAMS.admit(full, 0, 250_001, 900),
        Err(BreakerError::Exceeded {
            available_micros: 250_000
        })
    );
    let refilled = PARAMS.admit(full, 0, 250_000, 900).unwrap();
    assert_eq!(refilled.level, 1_000_000);
    assert_eq!(PARAMS.drained(full, 0, 3_600), Ok(0));
    assert_eq!(PARAMS.drained(full, 0, -5), Ok(1_000_000));
}

#[test]
fn capacity_is_the_larger_of_absolute_and_supply_share() {
    let params = BreakerParams {
        cap_supply_bps: 500,
        ..PARAMS
    };
    assert_eq!(params.capacity(0), Ok(1_000_000));
    assert_eq!(params.capacity(100_000_000), Ok(5_000_000));
    assert_eq!(params.capacity(u64::MAX), Ok(u64::MAX / 20));
    let zero_window = BreakerParams {
        window_secs: 0,
        ..PARAMS
    };
    assert_eq!(
        zero_window.admit(MintBucket::default(), 0, 1, 0),
        Err(BreakerError::Invalid)
    );
}

proptest! {
    /// Whatever the sequence, the IOSD admitted within any one window never exceeds the
    /// capacity plus what drained during that window (at most one more capacity).
    #[test]
    fn admitted_per_window_is_bounded(
        steps in proptest::collection::vec((0i64..2_000, 0u64..600_000), 1..60),
    ) {
        let mut bucket = MintBucket::default();
        let mut now = 0i64;
        let mut admitted: std::vec::Vec<(i64, u64)> = std::vec::Vec::new();
        for (dt, amount) in steps {
            now += dt;
            if let Ok(next) = PARAMS.admit(bucket, 0, amount, now) {
                prop_assert!(next.level <= PARAMS.cap_absolute_micros);
                bucket = next;
                admitted.push((now, amount));
            }
        }
        for &(start, _) in &admitted {
            let within: u64 = admitted
                .iter()
                .filter(|(t, _)| *t >= start && *t < start + i64::from(PARAMS.window_secs))
                .map(|(_, a)| a)
                .sum();
            prop_assert!(within <= 2 * PARAMS.cap_absolute_micros);
        }
    }
}
