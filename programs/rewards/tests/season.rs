//! Seasons: create, join, post inputs, finalise, claim with vesting, clawback, close; every
//! refusal by name and without effect.

use anchor_lang::prelude::Pubkey;
use io_client::rewards as client;
use io_harness::{IO, Signer, expect_error};
use rewards::error::RewardsError;
use rewards::events::{InputsPosted, InputsSkipped, SeasonClaimed, SeasonFinalized, SeasonSwept};

use crate::fixture::*;

const H100: &str = "H100-80GB-SXM";
const A100: &str = "A100-80GB-PCIe";

/// Two devices: an H100 ×8 (1.5×) with 80 GPU-hours of jobs and a day of uptime on tier 2
/// (1.0×): (100 × 80 + 10 × 8 × 24) × 1.5 = 14,880 points; an A100 ×4 (1.2×) with 40 GPU-hours
/// on tier 4 (1.5×): (4,000 + 960) × 1.5 × 1.2 = 8,928. The pool splits 62.5 % / 37.5 %.
#[test]
fn a_season_from_creation_to_the_last_claim() {
    let mut s = scene(POOL, &[(H100, 8), (A100, 4)]);
    s.at(DAY);
    let executed = s
        .post(1, &[(0, inputs(80, 24, 2)), (1, inputs(40, 24, 4))])
        .expect("post");
    let posted: Vec<InputsPosted> = executed.events(&client::ID);
    assert_eq!(
        posted.iter().map(|e| e.points_added).collect::<Vec<_>>(),
        vec![14_880, 8_928]
    );
    assert_eq!(posted[1].season_total_points, 23_808);
    assert_eq!(posted[0].inputs_hash, [2; 32]);
    // The same epoch again changes nothing.
    let before = s.ctx.data(&s.record(0));
    let executed = s.post(1, &[(0, inputs(99, 99, 2))]).expect("stale post");
    let skipped: InputsSkipped = executed.event(&client::ID);
    assert_eq!((skipped.epoch, skipped.last_epoch), (1, 1));
    assert_eq!(s.ctx.data(&s.record(0)), before);
    // No new work: no new points, whatever the tier.
    s.at(10 * DAY);
    let event: InputsPosted = s
        .post(10, &[(0, inputs(80, 24, 4))])
        .expect("post")
        .event(&client::ID);
    assert_eq!((event.points_added, event.points), (0, 14_880));

    expect_error(s.claim(&[0]), RewardsError::SeasonNotFinalized);
    s.at(11 * DAY);
    let finalized: SeasonFinalized = s.finalize().expect("finalise").event(&client::ID);
    assert_eq!(
        (finalized.pool_io_base, finalized.total_points),
        (POOL, 23_808)
    );

    // Vesting starts now: nothing yet. Halfway: half. A repeat: nothing more.
    let claimed: SeasonClaimed = s.claim(&[0]).expect("claim").event(&client::ID);
    assert_eq!((claimed.amount_io_base, claimed.closed), (0, false));
    s.at(26 * DAY);
    let claimed: Vec<SeasonClaimed> = s.claim(&[0, 1]).expect("claim").events(&client::ID);
    assert_eq!(
        claimed.iter().map(|c| c.amount_io_base).collect::<Vec<_>>(),
        vec![312_500 * IO, 187_500 * IO]
    );
    assert_eq!(s.payout_balance(0), 312_500 * IO);
    let replay: SeasonClaimed = s.claim(&[0]).expect("replay").event(&client::ID);
    assert_eq!(replay.amount_io_base, 0);

    // Fully vested: the rest, and the records close with their rent back.
    s.at(41 * DAY);
    let owner = s.providers[0].key.pubkey();
    let (rent, lamports) = (s.ctx.lamports(&s.record(0)), s.ctx.lamports(&owner));
    let claimed: Vec<SeasonClaimed> = s.claim(&[0, 1]).expect("claim").events(&client::ID);
    assert!(claimed.iter().all(|c| c.closed));
    assert_eq!(
        (claimed[0].claimed_io_base, claimed[1].claimed_io_base),
        (625_000 * IO, 375_000 * IO)
    );
    assert_eq!(s.payout_balance(0), 625_000 * IO);
    assert_eq!(s.payout_balance(1), 375_000 * IO);
    assert_eq!(s.ctx.data(&s.record(0)), None);
    assert_eq!(s.ctx.lamports(&owner), lamports + rent);
    let season = s.fetch_season();
    assert_eq!((season.claimed_io_base, season.records_open), (POOL, 0));

    // After the clawback deadline the (empty) pool is swept and everything closes.
    s.at(48 * DAY);
    let treasury = s.ctx.treasury;
    let authority = s.ctx.authority.insecure_clone();
    let ix = client::season_clawback(authority.pubkey(), s.season, treasury);
    let swept: SeasonSwept = s
        .ctx
        .send(&[ix], &[&authority])
        .expect("clawback")
        .event(&client::ID);
    assert_eq!(swept.amount_io_base, 0);
    let payer = s.ctx.payer.pubkey();
    let ix = client::season_close(payer, s.season, payer);
    s.ctx.send(&[ix], &[]).expect("close");
    assert_eq!(s.ctx.data(&s.season), None);
    assert_eq!(s.ctx.data(&client::season_vault_address(&s.season)), None);
}

/// Three equal devices split a pool of 100 base units 33 / 33 / 33: the dust (1) stays in the
/// vault and the clawback sweeps it with whatever was never claimed.
#[test]
fn the_clawback_sweeps_unclaimed_shares_and_dust() {
    let mut s = scene(100, &[(H100, 1), (H100, 1), (H100, 1)]);
    s.at(DAY);
    let all: Vec<_> = (0..3).map(|i| (i, inputs(1, 1, 2))).collect();
    s.post(1, &all).expect("post");
    s.at(11 * DAY);
    s.finalize().expect("finalise");
    s.at(41 * DAY);
    s.claim(&[0, 1]).expect("two claim");
    let authority = s.ctx.authority.insecure_clone();
    let treasury = s.ctx.treasury;
    let ix = client::season_clawback(authority.pubkey(), s.season, treasury);
    s.ctx.assert_refused(
        ix.clone(),
        &[&authority],
        RewardsError::ClawbackNotDue,
        &[s.season],
    );
    s.at(48 * DAY);
    let stranger = s.ctx.funded_keypair();
    let mut bad = ix.clone();
    bad.accounts[0].pubkey = stranger.pubkey();
    s.ctx
        .assert_refused(bad, &[&stranger], RewardsError::NotAuthority, &[s.season]);
    // The sweep goes to an IO account; an unswept season's records stay.
    let iosd_holder = io_client::iosd::holder_address(&authority.pubkey());
    let wrong = client::season_clawback(authority.pubkey(), s.season, iosd_holder);
    s.ctx.assert_refused(
        wrong,
        &[&authority],
        RewardsError::IoMintMismatch,
        &[s.season],
    );
    let rent_payer = s.providers[2].key.pubkey();
    let early = client::season_record_close(
        s.ctx.payer.pubkey(),
        s.season,
        s.devices[2].device,
        rent_payer,
    );
    s.ctx.assert_refused(
        early,
        &[],
        RewardsError::SeasonNotSwept,
        &[s.season, s.record(2)],
    );
    let before = balance(&s.ctx, &treasury);
    let swept: SeasonSwept = s
        .ctx
        .send(std::slice::from_ref(&ix), &[&authority])
        .expect("clawback")
        .event(&client::ID);
    assert_eq!(swept.amount_io_base, 34, "33 unclaimed + 1 of dust");
    assert_eq!(balance(&s.ctx, &treasury) - before, 34);
    s.ctx
        .assert_refused(ix, &[&authority], RewardsError::SeasonSwept, &[s.season]);
    expect_error(s.claim(&[2]), RewardsError::SeasonSwept);
    // The unclaimed record closes now; then the season.
    let payer = s.ctx.payer.pubkey();
    let close = client::season_close(payer, s.season, payer);
    s.ctx.assert_refused(
        close.clone(),
        &[],
        RewardsError::SeasonNotEmpty,
        &[s.season],
    );
    let rent_payer = s.providers[2].key.pubkey();
    let ix = client::season_record_close(payer, s.season, s.devices[2].device, rent_payer);
    s.ctx.send(&[ix], &[]).expect("record close");
    s.ctx.send(&[close], &[]).expect("season close");
}

#[test]
fn refuses_bad_seasons() {
    let mut s = scene(POOL, &[]);
    let oracle = s.oracle.pubkey();
    let start = s.ctx.now();
    type Change = fn(&mut client::SeasonArgs);
    let cases: [(Change, RewardsError); 8] = [
        (|a| a.end_ts = a.start_ts, RewardsError::SeasonTimesInvalid),
        (|a| a.epoch_secs = 0, RewardsError::SeasonTimesInvalid),
        (
            |a| a.vesting_end_ts = a.vesting_start_ts - 1,
            RewardsError::SeasonTimesInvalid,
        ),
        (
            |a| a.vesting_start_ts = a.end_ts - 1,
            RewardsError::ClawbackTooEarly,
        ),
        (
            |a| a.clawback_ts = a.vesting_end_ts + DAY - 1,
            RewardsError::ClawbackTooEarly,
        ),
        (|a| a.oracles.clear(), RewardsError::OracleSetInvalid),
        (
            |a| a.oracles.push(a.oracles[0]),
            RewardsError::OracleSetInvalid,
        ),
        (
            |a| a.oracles.push(Pubkey::default()),
            RewardsError::OracleSetInvalid,
        ),
    ];
    let next = client::season_address(1);
    for (change, error) in cases {
        let mut args = season_args(start, vec![oracle]);
        change(&mut args);
        let (outcome, season) = send_season_create(&mut s.ctx, args);
        expect_error(outcome, error);
        assert_eq!(s.ctx.data(&season), None);
        assert_eq!(season, next);
    }
    // GPU classes: none, a non-market account, a repeat.
    let authority = s.ctx.authority.insecure_clone();
    let io_mint = s.ctx.io_mint;
    let treasury = s.ctx.treasury;
    s.ctx.mint_io(&treasury, POOL);
    for classes in [
        vec![],
        vec![client::config_address()],
        vec![class(H100), class(H100)],
    ] {
        let error = if classes.len() == 1 {
            RewardsError::NotAMarketAccount
        } else {
            RewardsError::SeasonClassesInvalid
        };
        let ix = client::season_create(
            authority.pubkey(),
            s.ctx.payer.pubkey(),
            treasury,
            io_mint,
            1,
            &classes,
            season_args(start, vec![oracle]),
        );
        s.ctx.assert_refused(ix, &[&authority], error, &[next]);
    }
    let stranger = s.ctx.funded_keypair();
    let ix = client::season_create(
        stranger.pubkey(),
        s.ctx.payer.pubkey(),
        treasury,
        io_mint,
        1,
        &[class(H100)],
        season_args(start, vec![oracle]),
    );
    s.ctx
        .assert_refused(ix, &[&stranger], RewardsError::NotAuthority, &[next]);
}

#[test]
fn refuses_bad_joins() {
    let mut s = scene(POOL, &[(H100, 8)]);
    let l4 = s.add_device(CLASSES[2].0, 1);
    expect_error(s.join(l4), RewardsError::ClassNotCounted);
    let again = s.devices[0];
    expect_error(s.join(again), RewardsError::AlreadyInitialized);
    let other = s.add_device(A100, 1);
    // Another provider's owner; a device under another provider.
    let owner = s.providers[0].key.insecure_clone();
    let ix = client::season_join(
        owner.pubkey(),
        s.season,
        other.device,
        s.providers[other.provider].provider,
    );
    let record = client::season_device_address(&s.season, &other.device);
    s.ctx
        .assert_refused(ix, &[&owner], RewardsError::NotProviderOwner, &[record]);
    let ix = client::season_join(
        owner.pubkey(),
        s.season,
        other.device,
        s.providers[0].provider,
    );
    s.ctx
        .assert_refused(ix, &[&owner], RewardsError::SeasonMismatch, &[record]);
    let ix = client::season_join(owner.pubkey(), s.season, s.season, s.providers[0].provider);
    s.ctx
        .assert_refused(ix, &[&owner], RewardsError::NotAMarketAccount, &[]);
    // After the posting grace, and after finalisation.
    s.at(DAY);
    s.post(1, &[(0, inputs(1, 1, 2))]).expect("post");
    s.at(11 * DAY + 1);
    expect_error(s.join(other), RewardsError::PostingClosed);
    s.finalize().expect("finalise");
    expect_error(s.join(other), RewardsError::SeasonFinalized);
}

#[test]
fn refuses_bad_posts() {
    let mut s = scene(POOL, &[(H100, 8), (A100, 4)]);
    let watched = [s.record(0), s.record(1), s.season];
    let oracle = s.oracle.insecure_clone();
    // Epoch 1 has not ended; epoch 0 does not exist.
    for epoch in [0, 1] {
        let ix = client::inputs_post(
            oracle.pubkey(),
            s.season,
            epoch,
            &[s.devices[0].device],
            vec![inputs(1, 1, 2)],
        );
        s.ctx
            .assert_refused(ix, &[&oracle], RewardsError::EpochInFuture, &watched);
    }
    s.at(2 * DAY);
    s.post(1, &[(0, inputs(10, 10, 2))]).expect("post");
    let stranger = s.ctx.funded_keypair();
    let ix = client::inputs_post(
        stranger.pubkey(),
        s.season,
        2,
        &[s.devices[0].device],
        vec![inputs(20, 20, 2)],
    );
    s.ctx
        .assert_refused(ix, &[&stranger], RewardsError::NotOracle, &watched);
    let cases = [
        (inputs(9, 10, 2), RewardsError::InputsDecreased),
        (inputs(10, 9, 2), RewardsError::InputsDecreased),
        (inputs(20, 20, 5), RewardsError::BandwidthTierOutOfRange),
    ];
    for (posted, error) in cases {
        let ix = client::inputs_post(
            oracle.pubkey(),
            s.season,
            2,
            &[s.devices[1].device, s.devices[0].device],
            vec![inputs(1, 1, 2), posted],
        );
        s.ctx.assert_refused(ix, &[&oracle], error, &watched);
    }
    // Entries and records must match; a record of another season is refused.
    let mut ix = client::inputs_post(
        oracle.pubkey(),
        s.season,
        2,
        &[s.devices[0].device],
        vec![inputs(20, 20, 2), inputs(20, 20, 2)],
    );
    s.ctx
        .assert_refused(ix.clone(), &[&oracle], RewardsError::BatchShape, &watched);
    let start = s.ctx.now();
    let other = create_season(&mut s.ctx, season_args(start, vec![oracle.pubkey()]));
    ix = client::inputs_post(
        oracle.pubkey(),
        other,
        1,
        &[s.devices[0].device],
        vec![inputs(20, 20, 2)],
    );
    ix.accounts[4].pubkey = s.record(0);
    s.at(12 * DAY);
    s.ctx
        .assert_refused(ix, &[&oracle], RewardsError::SeasonMismatch, &watched);
    // After the grace; after the finalisation.
    let late = client::inputs_post(
        oracle.pubkey(),
        s.season,
        10,
        &[s.devices[0].device],
        vec![inputs(20, 20, 2)],
    );
    s.ctx.assert_refused(
        late.clone(),
        &[&oracle],
        RewardsError::PostingClosed,
        &watched,
    );
    s.finalize().expect("finalise");
    s.ctx
        .assert_refused(late, &[&oracle], RewardsError::SeasonFinalized, &watched);
}

#[test]
fn refuses_bad_finalisations_and_claims() {
    let mut s = scene(POOL, &[(H100, 8), (A100, 4)]);
    s.at(11 * DAY);
    // No device earned a point.
    let ix = client::season_finalize(s.ctx.payer.pubkey(), s.season);
    s.ctx
        .assert_refused(ix, &[], RewardsError::NoPoints, &[s.season]);
    let mut s = scene(POOL, &[(H100, 8), (A100, 4)]);
    s.at(DAY);
    s.post(1, &[(0, inputs(1, 1, 2)), (1, inputs(1, 1, 2))])
        .expect("post");
    s.at(11 * DAY - 1);
    let ix = client::season_finalize(s.ctx.payer.pubkey(), s.season);
    s.ctx
        .assert_refused(ix.clone(), &[], RewardsError::FinalizeTooEarly, &[s.season]);
    s.at(11 * DAY);
    s.ctx
        .send(std::slice::from_ref(&ix), &[])
        .expect("finalise");
    s.ctx
        .assert_refused(ix, &[], RewardsError::SeasonFinalized, &[s.season]);
    s.at(41 * DAY);
    // The payout must be the provider's registered account; the accounts must match.
    let watched = [
        s.record(0),
        s.season,
        client::season_vault_address(&s.season),
    ];
    let mut entry = s.claim_entry(0);
    entry.io_payout = s.providers[1].io_payout;
    let ix = client::season_claim(s.ctx.payer.pubkey(), s.season, &[entry]);
    s.ctx
        .assert_refused(ix, &[], RewardsError::PayoutMismatch, &watched);
    let mut entry = s.claim_entry(0);
    entry.provider = s.providers[1].provider;
    let ix = client::season_claim(s.ctx.payer.pubkey(), s.season, &[entry]);
    s.ctx
        .assert_refused(ix, &[], RewardsError::SeasonMismatch, &watched);
    let mut entry = s.claim_entry(0);
    entry.rent_payer = s.providers[1].key.pubkey();
    let ix = client::season_claim(s.ctx.payer.pubkey(), s.season, &[entry]);
    s.ctx
        .assert_refused(ix, &[], RewardsError::SeasonMismatch, &watched);
    let ix = client::season_claim(s.ctx.payer.pubkey(), s.season, &[]);
    s.ctx
        .assert_refused(ix, &[], RewardsError::BatchShape, &watched);
    s.claim(&[0, 1]).expect("claims");
}

#[test]
fn a_season_without_points_is_swept_unfinalised() {
    let mut s = scene(POOL, &[(H100, 8)]);
    s.at(48 * DAY);
    let authority = s.ctx.authority.insecure_clone();
    let treasury = s.ctx.treasury;
    let ix = client::season_clawback(authority.pubkey(), s.season, treasury);
    let swept: SeasonSwept = s
        .ctx
        .send(&[ix], &[&authority])
        .expect("clawback")
        .event(&client::ID);
    assert_eq!((swept.amount_io_base, swept.pool_io_base), (POOL, POOL));
}

#[test]
fn an_active_season_with_points_must_be_finalised_before_the_clawback() {
    let mut s = scene(POOL, &[(H100, 8)]);
    s.at(DAY);
    s.post(1, &[(0, inputs(1, 1, 2))]).expect("post");
    s.at(48 * DAY);
    let authority = s.ctx.authority.insecure_clone();
    let treasury = s.ctx.treasury;
    let ix = client::season_clawback(authority.pubkey(), s.season, treasury);
    s.ctx.assert_refused(
        ix,
        &[&authority],
        RewardsError::SeasonNotFinalized,
        &[s.season],
    );
    assert_eq!(s.fetch_season().records_open, 1);
}

/// Inputs at the extremes of a season with the largest weights overflow by name, changing
/// nothing; the same inputs fit a season with ordinary weights.
#[test]
fn extreme_inputs_overflow_by_name() {
    let mut s = scene(POOL, &[(H100, 64)]);
    let oracle = s.oracle.insecure_clone();
    let start = s.ctx.now();
    let mut args = season_args(start, vec![oracle.pubkey()]);
    args.formula.job_weight = u64::MAX;
    args.formula.uptime_weight = u64::MAX;
    let extreme = create_season(&mut s.ctx, args);
    let owner = s.providers[0].key.insecure_clone();
    let device = s.devices[0].device;
    let ix = client::season_join(owner.pubkey(), extreme, device, s.providers[0].provider);
    s.ctx.send(&[ix], &[&owner]).expect("join");
    s.at(DAY);
    // The most a day allows 64 GPUs: the weights overflow, not the wall-clock bound.
    let huge = client::PostedInputs {
        job_secs: 64 * 86_400,
        uptime_secs: 86_400,
        bandwidth_tier: 4,
        inputs_hash: [0; 32],
    };
    let record = client::season_device_address(&extreme, &device);
    let ix = client::inputs_post(oracle.pubkey(), extreme, 1, &[device], vec![huge]);
    s.ctx.assert_refused(
        ix,
        &[&oracle],
        RewardsError::MathOverflow,
        &[record, extreme],
    );
    let event: InputsPosted = s
        .post(1, &[(0, huge)])
        .expect("ordinary weights")
        .event(&client::ID);
    assert!(event.points > 0);
}
