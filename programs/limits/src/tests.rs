//! The bucket's rules: drain, admission, and the rate bound across any window edge.

// Test arithmetic on small generated values; overflow would be a test bug and panics anyway.
#![allow(clippy::arithmetic_side_effects)]

use proptest::prelude::*;

use super::*;

#[test]
fn drains_linearly_and_admits_what_fits() {
    let empty = Bucket::default();
    let full = empty.admit(100, 10, 100, 1_000).unwrap();
    assert_eq!(
        full,
        Bucket {
            level: 100,
            updated_at: 1_000
        }
    );
    assert_eq!(
        full.admit(100, 10, 1, 1_000),
        Err(LimitError::Exceeded { available: 0 })
    );
    // Three seconds drain 30 of 100 over a 10-second window.
    assert_eq!(full.drained(100, 10, 1_003), Ok(70));
    assert_eq!(full.available(100, 10, 1_003), Ok(30));
    assert_eq!(full.admit(100, 10, 30, 1_003).unwrap().level, 100);
    assert_eq!(full.drained(100, 10, 1_010), Ok(0));
    // Rounding keeps more in the bucket: 1 s of a 3-unit, 2-second window drains 1, not 2.
    assert_eq!(
        Bucket {
            level: 3,
            updated_at: 0
        }
        .drained(3, 2, 1),
        Ok(2)
    );
}

#[test]
fn a_clock_that_went_backwards_drains_nothing_and_a_zero_window_is_named() {
    let bucket = Bucket {
        level: 50,
        updated_at: 1_000,
    };
    assert_eq!(bucket.drained(100, 10, 900), Ok(50));
    assert_eq!(bucket.drained(100, 0, 2_000), Err(LimitError::WindowZero));
    assert_eq!(bucket.admit(100, 0, 1, 2_000), Err(LimitError::WindowZero));
}

proptest! {
    /// Whatever the timing of the requests, what passes over any `window` seconds is at most
    /// twice the capacity, and over the whole run at most one bucket plus the drain rate.
    #[test]
    fn what_passes_is_bounded_by_the_rate(
        capacity in 1u64..10_000,
        window in 1u32..1_000,
        steps in proptest::collection::vec((0i64..300, 0u64..20_000), 1..60),
    ) {
        let mut bucket = Bucket::default();
        let mut now = 0i64;
        let mut passed: std::vec::Vec<(i64, u64)> = std::vec::Vec::new();
        for (wait, amount) in steps {
            now += wait;
            if let Ok(next) = bucket.admit(capacity, window, amount, now) {
                bucket = next;
                passed.push((now, amount));
            }
        }
        let total: u64 = passed.iter().map(|(_, a)| a).sum();
        let span = u128::try_from(now).unwrap();
        let bound = u128::from(capacity) + u128::from(capacity) * span / u128::from(window);
        prop_assert!(u128::from(total) <= bound);
        for &(start, _) in &passed {
            let within: u64 = passed
                .iter()
                .filter(|(t, _)| *t >= start && *t < start + i64::from(window))
                .map(|(_, a)| a)
                .sum();
            prop_assert!(within <= 2 * capacity);
        }
    }
}
