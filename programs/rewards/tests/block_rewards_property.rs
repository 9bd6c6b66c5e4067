//! Property test in the SVM: oracles that disagree at random, claimants that pick any majority
//! of their signatures, time passing. After every claim:
//!
//! - the program paid up to the order statistic of `signed_totals::agreed_total`'s rule, which
//!   never exceeds the highest honest total (the lowest majority value at most);
//! - a replayed claim pays 0;
//! - each pool's claims stay within its share of `emitted(now)`, and the vault's balance is what
//!   it was funded with less every claim.

use io_client::rewards as client;
use io_harness::IO;
use proptest::prelude::*;
use rewards::events::RewardsClaimed;

use crate::block_rewards::*;
use crate::fixture::balance;

#[derive(Clone, Debug)]
struct Round {
    hours: i64,
    /// Each oracle's total increment for this round (they disagree).
    increments: [u64; 3],
    /// Which oracles' signatures the claimant submits (at least two of three).
    pick: u8,
}

fn round() -> impl Strategy<Value = Round> {
    (1i64..=48, [0u64..=500, 0u64..=500, 0u64..=500], 0u8..4).prop_map(
        |(hours, increments, pick)| Round {
            hours,
            increments,
            pick,
        },
    )
}

/// The subsets of oracles a claimant may submit: any two, or all three.
const PICKS: [&[usize]; 4] = [&[0, 1], &[0, 2], &[1, 2], &[0, 1, 2]];

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn claims_follow_the_majority_rule_and_the_guards(rounds in proptest::collection::vec(round(), 1..12)) {
        let mut b = block(&[("H100-80GB-SXM", 8), ("L4-24GB", 1)]);
        let funded = balance(&b.s.ctx, &client::reward_vault_address());
        let mut totals = [[0u64; 3]; 2];
        let mut paid = [0u64; 2];
        for r in &rounds {
            b.s.ctx.warp_by(r.hours * 3_600);
            for device in 0..2 {
                for (total, increment) in totals[device].iter_mut().zip(r.increments) {
                    *total += increment * IO / 100;
                }
                let pick = PICKS[usize::from(r.pick)];
                let signed: Vec<_> = pick.iter().map(|o| b.sign(*o, device, totals[device][*o])).collect();
                let mut values: Vec<u64> = pick.iter().map(|o| totals[device][*o]).collect();
                values.sort_unstable();
                // Three of three: the lower median; two of three: the lower one.
                let expected = if pick.len() == 3 { values[1] } else { values[0] };
                let due = expected.saturating_sub(paid[device]);
                let config = client::fetch_config(&b.s.ctx).unwrap();
                let now = b.s.ctx.now();
                let pool = if device == 0 { client::RewardPool::Enterprise } else { client::RewardPool::Community };
                let headroom = config.emission_headroom(pool, now).unwrap();
                let outcome = b.claim(&signed, &[device]);
                if due > headroom {
                    io_harness::expect_error(outcome, rewards::error::RewardsError::EmissionGuardExceeded);
                    continue;
                }
                let executed = outcome.map_err(|f| TestCaseError::fail(format!("claim: {:?}", f.err)))?;
                let event: RewardsClaimed = executed.event(&client::ID);
                prop_assert_eq!(event.agreed_total_io_base, expected);
                prop_assert_eq!(event.amount_io_base, due);
                prop_assert!(expected <= *totals[device].iter().max().unwrap());
                paid[device] += due;
                // The same signatures again pay nothing.
                let replay: RewardsClaimed = b.claim(&signed, &[device]).expect("replay").event(&client::ID);
                prop_assert_eq!(replay.amount_io_base, 0);
            }
            let config = client::fetch_config(&b.s.ctx).unwrap();
            let now = b.s.ctx.now();
            let emitted = io_emission::emitted_at(config.emission_start_ts, now);
            prop_assert_eq!(config.claimed_enterprise_io_base, paid[0]);
            prop_assert_eq!(config.claimed_community_io_base, paid[1]);
            prop_assert!(paid[0] + paid[1] <= emitted);
            prop_assert!(u128::from(paid[0]) * 10_000 <= u128::from(emitted) * 9_500);
            prop_assert_eq!(balance(&b.s.ctx, &client::reward_vault_address()), funded - paid[0] - paid[1]);
        }
    }
}
