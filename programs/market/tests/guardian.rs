//! Review finding Medium 3: the guardian's pause is an emergency brake, not a lock. A guardian
//! that pauses as often as the program lets it cannot keep renters from their refunds or
//! providers from their stake.

use io_client::market as client;
use io_harness::{IO, IOSD, Signer};
use market::PauseClass;
use market::error::MarketError;

use crate::fixture::*;

const HOUR: i64 = 3_600;

/// A renter waits for its refund and a provider for its stake while the guardian tries, every
/// six hours, to pause settlement (which holds `lease_finalize`) and staking (which holds
/// `stake_withdraw`) for the longest it may. Both get through within a month.
#[test]
fn refunds_and_withdrawals_complete_under_a_guardian_that_pauses_as_often_as_it_may() {
    let mut s = scene(1_000);
    s.open(2, 100 * IOSD).expect("open");
    s.ctx.warp_by(HOUR);
    s.settle(0, 7_200).expect("settle");
    let renter = s.renter.insecure_clone();
    let ix = client::lease_close_request(renter.pubkey(), s.lease(0), s.provider.key.pubkey());
    s.ctx.send(&[ix], &[&renter]).expect("close requested");

    // A second provider unstakes its whole device; the cooldown is 14 days.
    let staker = provider(&mut s.ctx, 1_000);
    let index = device(&mut s.ctx, &staker, H100, 1);
    deposit(&mut s.ctx, &staker, index, 300 * IO).expect("stake");
    let ix = client::unstake_request(staker.key.pubkey(), index, class(H100), 300 * IO);
    s.ctx
        .send(&[ix], &[&staker.key])
        .expect("unstake requested");

    let guardian = s.ctx.guardian.insecure_clone();
    let max_hours = config(&s.ctx).params.max_pause_hours;
    let (mut refunded, mut withdrawn) = (false, false);
    for _ in 0..(30 * 24 / 6) {
        for class in [PauseClass::Settlement, PauseClass::Staking] {
            let pause = client::guardian_pause(guardian.pubkey(), class, max_hours);
            let _ = s.ctx.send(&[pause], &[&guardian]);
        }
        if !refunded {
            let payer = s.ctx.payer.pubkey();
            refunded = s.ctx.send(&[s.finalize_ix(payer, 0)], &[]).is_ok();
        }
        if !withdrawn {
            let ix = client::stake_withdraw(staker.key.pubkey(), index, class(H100), staker.io);
            withdrawn = s.ctx.send(&[ix], &[&staker.key]).is_ok();
        }
        if refunded && withdrawn {
            break;
        }
        s.ctx.warp_by(6 * HOUR);
    }
    assert!(refunded, "the renter never got its refund");
    assert!(withdrawn, "the provider never got its stake");
    assert_eq!(s.ctx.data(&s.lease(0)), None);
    assert_eq!(balance(&s.ctx, &staker.io), 1_000 * IO);
}

/// After a pause ends, the guardian waits as long as the pause lasted before it may pause the
/// class again; the authority is not bound by that.
#[test]
fn the_guardian_waits_as_long_as_it_paused() {
    let mut ctx = deployment();
    let guardian = ctx.guardian.insecure_clone();
    let pause = |hours| client::guardian_pause(guardian.pubkey(), PauseClass::Leasing, hours);
    ctx.send(&[pause(10)], &[&guardian]).expect("pause");
    ctx.warp_by(10 * HOUR);
    let config_only = [client::config_address()];
    ctx.assert_refused(
        pause(1),
        &[&guardian],
        MarketError::GuardianCoolingDown,
        &config_only,
    );
    ctx.warp_by(10 * HOUR - 1);
    ctx.assert_refused(
        pause(1),
        &[&guardian],
        MarketError::GuardianCoolingDown,
        &config_only,
    );
    ctx.warp_by(1);
    ctx.send(&[pause(1)], &[&guardian])
        .expect("pause after the cooldown");
    let authority = ctx.authority.insecure_clone();
    let ix = client::pause_set(
        authority.pubkey(),
        PauseClass::Leasing,
        ctx.now() + 100 * HOUR,
    );
    ctx.send(&[ix], &[&authority])
        .expect("the authority pauses for longer");
}

/// Review of the hardening, M1: a settlement pause that overlaps a lease's close grace does not
/// cost the provider the lease's last usage. Settlers get a whole grace after the pause ends,
/// and the refund waits for it.
#[test]
fn a_settlement_pause_never_eats_the_close_grace() {
    let mut s = scene(1_000);
    s.open(2, 100 * IOSD).expect("open");
    s.ctx.warp_by(50 * 60);
    let renter = s.renter.insecure_clone();
    let ix = client::lease_close_request(renter.pubkey(), s.lease(0), s.provider.key.pubkey());
    s.ctx.send(&[ix], &[&renter]).expect("close requested");
    s.ctx.warp_by(5 * 60);
    let guardian = s.ctx.guardian.insecure_clone();
    let max_hours = config(&s.ctx).params.max_pause_hours;
    let pause = client::guardian_pause(guardian.pubkey(), PauseClass::Settlement, max_hours);
    s.ctx.send(&[pause], &[&guardian]).expect("pause");
    s.ctx.warp_by(i64::from(max_hours) * HOUR);
    // The grace ended long ago by the clock, but settlement was paused for all of it but 5
    // minutes: the 50 minutes of usage before the close still settle.
    let payer = s.ctx.payer.pubkey();
    let finalize = s.finalize_ix(payer, 0);
    let watched = [s.lease(0)];
    s.ctx
        .assert_refused(finalize.clone(), &[], MarketError::CloseTooEarly, &watched);
    let settled: market::events::LeaseSettled = s
        .settle(0, 2 * 50 * 60)
        .expect("the last usage settles after the pause")
        .event(&client::ID);
    // 2 GPUs × 50 minutes at $2.00 per GPU-hour.
    assert_eq!(settled.settlement.paid, 3_333_333);
    s.ctx.warp_by(HOUR);
    s.ctx.send(&[finalize], &[]).expect("then the refund");
}
