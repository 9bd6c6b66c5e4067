//! The schedule against its definition: figures, monotonicity, the cap, and an f64 reference.

// Test arithmetic runs on bounded values chosen here.
#![allow(clippy::arithmetic_side_effects)]

extern crate std;

use proptest::prelude::*;
use std::vec::Vec;

use crate::*;

const TWENTY_YEARS_HOURS: u64 = 240 * HOURS_PER_MONTH;

/// The definition in floating point: month m emits 40M/12 × 0.9898^m IO, 1/730 of it per hour.
fn reference_hour_emission(hour: u64) -> f64 {
    let month = (hour / HOURS_PER_MONTH) as i32;
    40_000_000.0 / 12.0 * 0.9898f64.powi(month) * 1e8 / 730.0
}

#[test]
fn first_month_and_twenty_years() {
    assert_eq!(MONTH_ZERO_IO_BASE, 333_333_333_333_333);
    assert_eq!(decay_factor_floor(0), 1_000_000_000_000_000_000);
    assert_eq!(decay_factor_floor(1), 989_800_000_000_000_000);
    assert_eq!(decay_factor_floor(2), 979_704_040_000_000_000);
    // Month 0 emits M0 up to rounding, spread over its 730 hours.
    assert!(month_emission(0).abs_diff(MONTH_ZERO_IO_BASE) <= 1);
    assert_eq!(
        emitted_by_hour(HOURS_PER_MONTH),
        u64::try_from(month_emission(0)).unwrap()
    );
    // ≈ 298.9M IO after 20 years.
    let twenty_years = emitted_by_hour(TWENTY_YEARS_HOURS) / 100_000_000;
    // Exact rational arithmetic gives 298,893,386.63 IO.
    assert_eq!(twenty_years, 298_893_386, "{twenty_years} IO");
}

#[test]
fn emission_stops_at_the_cap() {
    let first_capped = (0..400 * HOURS_PER_MONTH)
        .find(|&hour| emitted_by_hour(hour) == CAP_IO_BASE)
        .unwrap();
    // Exact arithmetic: S(243) = 299.74M < 300M < S(244) = 300.01M.
    assert_eq!(
        first_capped / HOURS_PER_MONTH,
        243,
        "the cap is reached in month 243"
    );
    assert_eq!(hour_emission(first_capped), 0);
    assert_eq!(emitted_by_hour(u64::MAX), CAP_IO_BASE);
    assert_eq!(emitted_at(0, i64::MAX), CAP_IO_BASE);
}

#[test]
fn nothing_before_the_start_and_only_whole_hours() {
    let start = 1_767_225_600;
    assert_eq!(emitted_at(start, start - 1), 0);
    assert_eq!(emitted_at(start, i64::MIN), 0);
    assert_eq!(emitted_at(start, start), 0);
    assert_eq!(emitted_at(start, start + 3_599), 0);
    assert_eq!(emitted_at(start, start + 3_600), emitted_by_hour(1));
}

#[test]
fn every_hour_for_twenty_years_matches_the_reference() {
    // Each hour's integer emission is within one base unit (plus the month's share of its own
    // rounding, under 1/730 of a unit) of the floating-point definition, and never negative.
    let mut previous = 0;
    let mut worst = 0.0f64;
    for hour in 0..TWENTY_YEARS_HOURS {
        let total = emitted_by_hour(hour + 1);
        assert!(total >= previous);
        let error = ((total - previous) as f64 - reference_hour_emission(hour)).abs();
        worst = worst.max(error);
        previous = total;
    }
    assert!(
        worst < 1.0 + 1.0 / 730.0,
        "worst hourly error {worst} base units"
    );
}

#[test]
fn month_totals_are_their_hours() {
    let months: Vec<u64> = (0..245).collect();
    for month in months {
        let start = month * HOURS_PER_MONTH;
        let by_hours: u64 = (start..start + HOURS_PER_MONTH).map(hour_emission).sum();
        assert_eq!(
            by_hours,
            emitted_by_hour(start + HOURS_PER_MONTH) - emitted_by_hour(start)
        );
    }
}

proptest! {
    #[test]
    fn emitted_never_decreases_and_never_exceeds_the_cap(a in any::<u64>(), b in any::<u64>()) {
        let (early, late) = (a.min(b), a.max(b));
        prop_assert!(emitted_by_hour(early) <= emitted_by_hour(late));
        prop_assert!(emitted_by_hour(late) <= CAP_IO_BASE);
    }

    #[test]
    fn emitted_at_is_emitted_by_whole_hours(start in -1_000_000_000i64..2_000_000_000, offset in 0i64..1_000_000_000) {
        prop_assert_eq!(emitted_at(start, start + offset), emitted_by_hour((offset / 3_600) as u64));
    }
}
