//! Property test in the SVM: random sequences of lease open / top-up / settle / close request /
//! finalise / time passing, checked against real IOSD balances after every step:
//!
//! - deposits = provider claims + fees (burned + treasury) + refunds + escrow, and the escrow
//!   holds exactly the open lease's remaining deposit plus the provider's unclaimed earnings;
//! - no lease pays more than rate × k × active time;
//! - a replayed settlement pays 0.

use io_client::market as client;
use io_harness::{IOSD, Signer, expect_error};
use market::error::MarketError;
use market::events::{LeaseFinalized, LeaseOpened, LeaseSettled};
use proptest::prelude::*;

use crate::fixture::*;

#[derive(Clone, Debug)]
enum Op {
    Open { gpus: u16, deposit_whole: u64 },
    TopUp { whole: u64 },
    Settle { percent_of_capacity: u64 },
    Replay,
    CloseRequest,
    Finalize,
    Claim,
    Warp { secs: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        2 => (1u16..=8, 10u64..=200).prop_map(|(gpus, deposit_whole)| Op::Open { gpus, deposit_whole }),
        1 => (1u64..=50).prop_map(|whole| Op::TopUp { whole }),
        4 => (0u64..=100).prop_map(|percent_of_capacity| Op::Settle { percent_of_capacity }),
        1 => Just(Op::Replay),
        1 => Just(Op::CloseRequest),
        2 => Just(Op::Finalize),
        1 => Just(Op::Claim),
        3 => (0i64..=3 * 3_600).prop_map(|secs| Op::Warp { secs }),
    ]
}

#[derive(Default)]
struct Totals {
    deposits: u64,
    provider: u64,
    fees: u64,
    refunds: u64,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn lease_money_is_conserved(ops in proptest::collection::vec(op(), 1..30)) {
        let mut s = scene(10_000);
        let mut totals = Totals::default();
        // The open lease, if any: its nonce.
        let mut current: Option<u64> = None;
        let renter = s.renter.insecure_clone();
        let start_renter = s.iosd_balance(&renter.pubkey());
        for op in &ops {
            match *op {
                Op::Open { gpus, deposit_whole } => {
                    if current.is_some() { continue; }
                    let nonce = s.ctx.fetch::<client::Device>(&s.device).leases_created;
                    if let Ok(executed) = s.open(gpus, deposit_whole * IOSD) {
                        let event: LeaseOpened = executed.event(&client::ID);
                        totals.deposits += deposit_whole * IOSD;
                        totals.fees += event.reservation_fee_micros;
                        current = Some(nonce);
                    }
                }
                Op::TopUp { whole } => {
                    let Some(nonce) = current else { continue };
                    let ix = client::lease_top_up(renter.pubkey(), s.lease(nonce), whole * IOSD);
                    if s.ctx.send(&[ix], &[&renter]).is_ok() {
                        totals.deposits += whole * IOSD;
                    }
                }
                Op::Settle { .. } | Op::Replay if current.is_some() => {
                    let nonce = current.unwrap();
                    let lease: client::Lease = s.ctx.fetch(&s.lease(nonce));
                    let cumulative = match *op {
                        Op::Settle { percent_of_capacity } => {
                            let capacity = lease.capacity_gpu_secs(s.ctx.now()).unwrap();
                            let span = capacity - lease.settled_gpu_secs;
                            lease.settled_gpu_secs + span * percent_of_capacity / 100
                        }
                        _ => lease.settled_gpu_secs,
                    };
                    let now = s.ctx.now();
                    let closing = lease.close_requested_at != 0 && now > lease.close_requested_at + 3_600;
                    let outcome = s.settle(nonce, cumulative);
                    if closing {
                        expect_error(outcome, MarketError::LeaseClosing);
                    } else {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("settle: {:?}", f.err)))?;
                        let event: LeaseSettled = executed.event(&client::ID);
                        if matches!(op, Op::Replay) {
                            prop_assert_eq!(event.paid_micros, 0, "a replay pays nothing");
                        }
                        totals.provider += event.provider_micros;
                        totals.fees += event.fee_micros;
                        // Never more than rate × k × active time.
                        let after: client::Lease = s.ctx.fetch(&s.lease(nonce));
                        let bound = after.payable(after.capacity_gpu_secs(s.ctx.now()).unwrap()).unwrap();
                        prop_assert!(after.paid <= bound);
                    }
                }
                Op::Settle { .. } | Op::Replay => {}
                Op::CloseRequest => {
                    let Some(nonce) = current else { continue };
                    let owner = s.provider.key.pubkey();
                    let ix = client::lease_close_request(renter.pubkey(), s.lease(nonce), owner);
                    let _ = s.ctx.send(&[ix], &[&renter]);
                }
                Op::Finalize => {
                    let Some(nonce) = current else { continue };
                    let anyone = s.ctx.payer.insecure_clone();
                    let lease: client::Lease = s.ctx.fetch(&s.lease(nonce));
                    let now = s.ctx.now();
                    let due = (lease.close_requested_at != 0 && now >= lease.close_requested_at + 3_600)
                        || (lease.paused_at != 0 && now >= lease.paused_at + 86_400);
                    let ix = client::lease_finalize(anyone.pubkey(), s.lease(nonce), s.device, renter.pubkey());
                    let outcome = s.ctx.send(&[ix], &[]);
                    if due {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("finalize: {:?}", f.err)))?;
                        let event: LeaseFinalized = executed.event(&client::ID);
                        totals.refunds += event.refund_micros;
                        current = None;
                    } else {
                        expect_error(outcome, MarketError::CloseTooEarly);
                    }
                }
                Op::Claim => {
                    let owner = s.provider.key.insecure_clone();
                    let earned = s.earned();
                    let ix = client::provider_claim(owner.pubkey(), owner.pubkey());
                    let outcome = s.ctx.send(&[ix], &[&owner]);
                    if earned == 0 {
                        expect_error(outcome, MarketError::NothingToClaim);
                    } else {
                        prop_assert!(outcome.is_ok());
                    }
                }
                Op::Warp { secs } => s.ctx.warp_by(secs),
            }
            // The escrow holds the open lease's remaining deposit and the provider's
            // unclaimed earnings; claims move earnings to the provider's holder.
            let escrow = balance(&s.ctx, &client::escrow_address());
            let claimed = s.iosd_balance(&s.provider.key.pubkey());
            prop_assert_eq!(
                totals.deposits,
                claimed + totals.fees + totals.refunds + escrow,
                "deposits = claimed + fees + refunds + escrow"
            );
            prop_assert_eq!(s.earned() + claimed, totals.provider);
            let remaining = match current {
                Some(nonce) => s.ctx.fetch::<client::Lease>(&s.lease(nonce)).remaining().unwrap(),
                None => 0,
            };
            prop_assert_eq!(escrow, remaining + s.earned());
            prop_assert_eq!(
                s.iosd_balance(&renter.pubkey()),
                start_renter - totals.deposits + totals.refunds
            );
        }
    }
}
