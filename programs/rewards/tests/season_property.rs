//! Property tests in the SVM: random devices, random posts over a season's epochs (stale
//! repeats included), then claims at random times. After every step:
//!
//! - the off-chain recomputation from the events (`SeasonReplay`) equals the chain: each
//!   device's points and the season's total;
//! - vesting never releases early: no device has been paid more than its vested share;
//! - the claims never exceed the pool, and a replayed claim pays 0.

use io_client::rewards as client;
use io_harness::IO;
use proptest::prelude::*;
use rewards::events::{InputsPosted, SeasonClaimed, SeasonJoined};

use crate::fixture::*;

#[derive(Clone, Debug)]
struct Post {
    epoch: u32,
    device: usize,
    job_hours: u64,
    uptime_hours: u64,
    tier: u8,
}

fn post() -> impl Strategy<Value = Post> {
    (1u32..=10, 0usize..5, 0u64..200, 0u64..24, 0u8..=4).prop_map(
        |(epoch, device, job_hours, uptime_hours, tier)| Post {
            epoch,
            device,
            job_hours,
            uptime_hours,
            tier,
        },
    )
}

fn devices() -> impl Strategy<Value = Vec<(usize, u16)>> {
    proptest::collection::vec((0usize..2, 1u16..=8), 2..=5)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn recomputation_matches_and_claims_stay_within_the_pool(
        kinds in devices(),
        mut posts in proptest::collection::vec(post(), 1..30),
        claim_days in proptest::collection::vec(0i64..45, 1..8),
        pool in 1u64..=10_000_000 * IO,
    ) {
        let names: Vec<(&str, u16)> = kinds.iter().map(|(c, g)| (CLASSES[*c].0, *g)).collect();
        let mut s = scene(pool, &names);
        let mut replay = client::SeasonReplay::new(FORMULA);
        // The joins happened in `scene`; replay them from the records.
        for i in 0..s.devices.len() {
            let record = s.fetch_record(i);
            replay.join(&SeasonJoined {
                season: s.season,
                device: record.device,
                record: s.record(i),
                gpu_model_bps: record.gpu_model_bps,
                gpu_count: record.gpu_count,
                records_open: 0,
            });
        }
        // Cumulative inputs per device only grow; epochs in time order.
        posts.sort_by_key(|p| p.epoch);
        let mut totals = vec![(0u64, 0u64); s.devices.len()];
        for p in &posts {
            let device = p.device % s.devices.len();
            let gpus = u64::from(s.fetch_record(device).gpu_count);
            let (job, uptime) = &mut totals[device];
            // Within what the clock allows up to this epoch's end (the program refuses more).
            let hours = 24 * u64::from(p.epoch);
            *job = (*job + p.job_hours).min(gpus * hours);
            *uptime = (*uptime + p.uptime_hours).min(hours);
            s.at(i64::from(p.epoch) * DAY);
            let executed = s
                .post(p.epoch, &[(device, inputs(*job, *uptime, p.tier))])
                .map_err(|f| TestCaseError::fail(format!("post: {:?}", f.err)))?;
            for event in executed.events::<InputsPosted>(&client::ID) {
                replay.post(&event).map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
            for i in 0..s.devices.len() {
                let record = s.fetch_record(i);
                let replayed = replay.device(&record.device).unwrap();
                prop_assert_eq!(replayed.counted.points, record.points);
                prop_assert_eq!(replayed.counted.remainder, record.remainder);
            }
            prop_assert_eq!(replay.total_points(), s.fetch_season().total_points);
        }
        s.at(11 * DAY);
        if s.fetch_season().total_points == 0 {
            return Ok(());
        }
        s.finalize().expect("finalise");
        let season = s.fetch_season();
        let mut days = claim_days;
        days.sort_unstable();
        let mut paid = 0u64;
        let all: Vec<usize> = (0..s.devices.len()).collect();
        for day in days {
            s.at((11 + day) * DAY);
            let open: Vec<usize> = all.iter().copied().filter(|i| s.ctx.data(&s.record(*i)).is_some()).collect();
            if open.is_empty() {
                break;
            }
            let executed = s.claim(&open).expect("claim");
            let claimed: Vec<SeasonClaimed> = executed.events(&client::ID);
            paid += claimed.iter().map(|c| c.amount_io_base).sum::<u64>();
            // Never early: each device's total is at most its vested share now.
            let now = s.ctx.now();
            for event in &claimed {
                let vested = io_points::vested(
                    event.entitled_io_base,
                    season.vesting_start_ts,
                    season.vesting_end_ts,
                    now,
                )
                .unwrap();
                prop_assert!(event.claimed_io_base <= vested);
                prop_assert_eq!(event.claimed_io_base, vested);
            }
            // A replay at the same moment pays nothing.
            let still_open: Vec<usize> = open.iter().copied().filter(|i| s.ctx.data(&s.record(*i)).is_some()).collect();
            if !still_open.is_empty() {
                let again: Vec<SeasonClaimed> = s.claim(&still_open).expect("replay").events(&client::ID);
                prop_assert!(again.iter().all(|c| c.amount_io_base == 0));
            }
            prop_assert!(paid <= pool);
            prop_assert_eq!(balance(&s.ctx, &client::season_vault_address(&s.season)), pool - paid);
            prop_assert_eq!(s.fetch_season().claimed_io_base, paid);
        }
    }
}
