//! Review findings on seasons and the block-reward window: a season's pool fixed by whoever
//! finalises first (Low 7, now fixed at creation), season inputs beyond wall-clock time (Medium 15), a closed device's
//! stranded entitlement (Low 10), and a claim window that resets at its edge (Low 9).

use io_client::market;
use io_client::rewards as client;
use io_harness::{IO, Signer, expect_error};
use rewards::error::RewardsError;

use crate::block_rewards::block;
use crate::fixture::*;

const HOUR: i64 = 3_600;

/// A season's pool is moved into its vault at creation, so nobody can finalise it at a smaller
/// balance: a season without a pool is refused, and IO sent to the vault later neither changes
/// what converts nor is lost (the clawback returns it).
#[test]
fn a_seasons_pool_is_fixed_at_creation() {
    let mut s = scene(POOL, &[("H100-80GB-SXM", 8)]);
    let vault = client::season_vault_address(&s.season);
    assert_eq!(balance(&s.ctx, &vault), POOL);
    let mut args = season_args(s.ctx.now(), vec![s.oracle.pubkey()]);
    args.pool_io_base = 0;
    let (outcome, season) = send_season_create(&mut s.ctx, args);
    expect_error(outcome, RewardsError::PoolZero);
    assert_eq!(s.ctx.data(&season), None);

    s.ctx.mint_io(&vault, 500 * IO);
    s.at(DAY);
    s.post(1, &[(0, inputs(10, 20, 2))]).expect("post");
    s.at(11 * DAY);
    let finalized: rewards::events::SeasonFinalized =
        s.finalize().expect("finalise").event(&client::ID);
    assert_eq!(finalized.pool_io_base, POOL);
    s.at(41 * DAY);
    s.claim(&[0]).expect("claim");
    assert_eq!(s.payout_balance(0), POOL);
    s.at(48 * DAY);
    let authority = s.ctx.authority.insecure_clone();
    let treasury = s.ctx.treasury;
    let before = balance(&s.ctx, &treasury);
    let ix = client::season_clawback(authority.pubkey(), s.season, treasury);
    s.ctx.send(&[ix], &[&authority]).expect("clawback");
    assert_eq!(balance(&s.ctx, &treasury) - before, 500 * IO);
}

/// An oracle cannot post more job GPU-seconds than the device's GPUs could have worked since
/// the season started, nor more uptime than the seconds that passed, up to the epoch's end.
#[test]
fn season_inputs_stay_within_wall_clock_time() {
    let mut s = scene(POOL, &[("H100-80GB-SXM", 8)]);
    s.at(DAY);
    // Epoch 1 is one day: at most 8 × 24 GPU-hours of jobs and 24 hours of uptime.
    let outcome = s.post(1, &[(0, inputs(8 * 24 + 1, 24, 2))]);
    assert!(
        outcome.is_err(),
        "more job hours than GPUs × hours were accepted"
    );
    let outcome = s.post(1, &[(0, inputs(8 * 24, 25, 2))]);
    assert!(outcome.is_err(), "more uptime than hours were accepted");
    s.post(1, &[(0, inputs(8 * 24, 24, 2))])
        .expect("the most a day allows");
}

/// A device closed after the season's end keeps its entitlement: its provider's registered
/// payout account claims it.
#[test]
fn a_closed_device_still_claims_its_season_share() {
    let mut s = scene(POOL, &[("H100-80GB-SXM", 8)]);
    s.at(DAY);
    s.post(1, &[(0, inputs(10, 20, 2))]).expect("post");
    s.at(11 * DAY);
    s.finalize().expect("finalise");
    let owner = s.providers[0].key.insecure_clone();
    let index = s.ctx.fetch::<market::Device>(&s.devices[0].device).index;
    let close = market::device_close(
        owner.pubkey(),
        index,
        class("H100-80GB-SXM"),
        owner.pubkey(),
    );
    s.ctx.send(&[close], &[&owner]).expect("device closed");
    s.at(41 * DAY);
    s.claim(&[0]).expect("the claim of a closed device");
    assert_eq!(s.payout_balance(0), POOL);
}

/// The block-reward window drains linearly: claims that filled it just before its edge leave
/// no room just after.
#[test]
fn the_claim_window_drains_linearly_across_its_edge() {
    let mut b = block(&[("H100-80GB-SXM", 8), ("H100-80GB-SXM", 8)]);
    b.s.ctx.warp_by(1_000 * HOUR);
    b.claim(&[b.sign(0, 0, IO), b.sign(1, 0, IO)], &[0])
        .expect("a first small claim");
    b.s.ctx.warp_by(DAY - 1);
    b.claim(
        &[b.sign(0, 0, 900_001 * IO), b.sign(1, 0, 900_001 * IO)],
        &[0],
    )
    .expect("900,000 IO just before the edge");
    b.s.ctx.warp_by(2);
    let ixs = b.claim_ixs(
        &[b.sign(0, 1, 900_000 * IO), b.sign(1, 1, 900_000 * IO)],
        &[1],
    );
    expect_error(
        b.s.ctx.send(&ixs, &[]),
        RewardsError::ClaimWindowCapExceeded,
    );
}
