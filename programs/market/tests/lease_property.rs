//! Property test in the SVM: random sequences of lease open (IOSD or IO, up to three leases at
//! once) / top-up / settle (single and batch) / replay / close request / finalise / claims /
//! fee sweeps / time passing, checked against real token balances after every step, per
//! currency:
//!
//! - deposits = provider claims + swept fees (burned + treasury) + refunds + escrow;
//! - each escrow holds exactly its open leases' remaining deposits, the provider's unclaimed
//!   earnings and the fees not yet swept; the config's escrow totals say the first two, its
//!   accrued fees the third, and those are the fees taken less the fees swept;
//! - the treasury received the swept fees less their burns, and the mint's supply fell by the
//!   swept burns; a second sweep in a row finds nothing;
//! - no lease pays more than rate × k × active time;
//! - a replayed settlement pays 0.

use anchor_lang::prelude::Pubkey;
use io_client::market as client;
use io_harness::{IO, IOSD, Signer, expect_error};
use market::error::MarketError;
use market::events::{
    FeesSwept, LeaseBatchSettled, LeaseFinalized, LeaseOpened, LeaseSettled, LeaseSettlement,
};
use proptest::prelude::*;

use crate::fixture::*;

#[derive(Clone, Debug)]
enum Op {
    Open {
        io: bool,
        gpus: u16,
        deposit_whole: u64,
    },
    TopUp {
        slot: usize,
        whole: u64,
    },
    Settle {
        slot: usize,
        percent_of_capacity: u64,
    },
    Replay {
        slot: usize,
    },
    Batch {
        percent_of_capacity: u64,
    },
    CloseRequest {
        slot: usize,
    },
    Finalize {
        slot: usize,
    },
    Claim {
        io: bool,
    },
    Sweep {
        io: bool,
    },
    Warp {
        secs: i64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (any::<bool>(), 1u16..=4, 5u64..=150)
            .prop_map(|(io, gpus, deposit_whole)| Op::Open { io, gpus, deposit_whole }),
        1 => (0usize..3, 1u64..=40).prop_map(|(slot, whole)| Op::TopUp { slot, whole }),
        3 => (0usize..3, 0u64..=100)
            .prop_map(|(slot, percent_of_capacity)| Op::Settle { slot, percent_of_capacity }),
        1 => (0usize..3).prop_map(|slot| Op::Replay { slot }),
        2 => (0u64..=100).prop_map(|percent_of_capacity| Op::Batch { percent_of_capacity }),
        1 => (0usize..3).prop_map(|slot| Op::CloseRequest { slot }),
        2 => (0usize..3).prop_map(|slot| Op::Finalize { slot }),
        1 => any::<bool>().prop_map(|io| Op::Claim { io }),
        1 => any::<bool>().prop_map(|io| Op::Sweep { io }),
        3 => (0i64..=3 * 3_600).prop_map(|secs| Op::Warp { secs }),
    ]
}

/// Money counted from events, per currency.
#[derive(Default, Clone, Copy)]
struct Totals {
    deposits: u64,
    provider: u64,
    fees: u64,
    burned: u64,
    refunds: u64,
    /// Of `fees` and `burned`: what sweeps moved.
    swept_fees: u64,
    swept_burned: u64,
}

/// Index of a currency in `[IOSD, IO]`.
fn side(currency: client::Currency) -> usize {
    usize::from(currency == client::Currency::Io)
}

/// The balances a currency's conservation is checked against.
struct Accounts {
    escrow: Pubkey,
    renter: Pubkey,
    provider_payout: Pubkey,
    treasury: Pubkey,
    mint: Pubkey,
}

struct Start {
    renter: u64,
    provider_payout: u64,
    treasury: u64,
    supply: u64,
}

fn settle_bound_holds(s: &Scene, nonce: u64) -> bool {
    let lease: client::Lease = s.ctx.fetch(&s.lease(nonce));
    let capacity = lease.capacity_gpu_secs(s.ctx.now()).unwrap();
    lease.paid <= lease.payable(capacity).unwrap()
}

/// Cumulative usage `percent` of the way from what was settled to the capacity now.
fn report(s: &Scene, nonce: u64, percent: u64) -> u64 {
    let lease: client::Lease = s.ctx.fetch(&s.lease(nonce));
    let capacity = lease.capacity_gpu_secs(s.ctx.now()).unwrap();
    lease.settled_gpu_secs + (capacity - lease.settled_gpu_secs) * percent / 100
}

/// Whether lease `nonce` is past its close grace (settling it is refused).
fn past_grace(s: &Scene, nonce: u64) -> bool {
    let lease: client::Lease = s.ctx.fetch(&s.lease(nonce));
    lease.close_requested_at != 0 && s.ctx.now() > lease.close_requested_at + 3_600
}

fn count_settled(totals: &mut [Totals; 2], settled: &LeaseSettlement) {
    let t = &mut totals[side(settled.currency)];
    t.provider += settled.to_provider;
    t.fees += settled.fee;
    t.burned += settled.burned;
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn lease_money_is_conserved(ops in proptest::collection::vec(op(), 1..40)) {
        let mut s = scene(10_000);
        let mut totals = [Totals::default(); 2];
        // The open leases' nonces.
        let mut open: Vec<u64> = Vec::new();
        let renter = s.renter.insecure_clone();
        let owner = s.provider.key.insecure_clone();
        let sides = [
            Accounts {
                escrow: client::escrow_address(),
                renter: io_client::iosd::holder_address(&renter.pubkey()),
                provider_payout: io_client::iosd::holder_address(&owner.pubkey()),
                treasury: io_client::iosd::holder_address(&s.ctx.authority.pubkey()),
                mint: io_client::iosd::iosd_mint_address(),
            },
            Accounts {
                escrow: client::lease_vault_address(),
                renter: s.renter_io,
                provider_payout: s.provider.io,
                treasury: s.ctx.treasury,
                mint: s.ctx.io_mint,
            },
        ];
        let start: Vec<Start> = sides
            .iter()
            .map(|a| Start {
                renter: balance(&s.ctx, &a.renter),
                provider_payout: balance(&s.ctx, &a.provider_payout),
                treasury: balance(&s.ctx, &a.treasury),
                supply: s.ctx.mint_supply(&a.mint),
            })
            .collect();
        for op in &ops {
            match *op {
                Op::Open { io, gpus, deposit_whole } => {
                    if open.len() == 3 { continue; }
                    let nonce = s.next_nonce();
                    let outcome = if io {
                        s.open_io(gpus, deposit_whole * IO)
                    } else {
                        s.open(gpus, deposit_whole * IOSD)
                    };
                    if let Ok(executed) = outcome {
                        let event: LeaseOpened = executed.event(&client::ID);
                        let t = &mut totals[side(event.currency)];
                        t.deposits += event.deposited + event.reservation_fee;
                        t.fees += event.reservation_fee;
                        t.burned += event.burned;
                        open.push(nonce);
                    }
                }
                Op::TopUp { slot, whole } => {
                    let Some(&nonce) = open.get(slot) else { continue };
                    let currency = s.currency(nonce);
                    let amount = whole * if currency == client::Currency::Io { IO } else { IOSD };
                    let closing = s.ctx.fetch::<client::Lease>(&s.lease(nonce)).close_requested_at != 0;
                    let outcome = s.top_up(nonce, amount);
                    if closing {
                        expect_error(outcome, MarketError::LeaseClosing);
                    } else {
                        prop_assert!(outcome.is_ok(), "top-up: {:?}", outcome.err());
                        totals[side(currency)].deposits += amount;
                    }
                }
                Op::Settle { slot, .. } | Op::Replay { slot } => {
                    let Some(&nonce) = open.get(slot) else { continue };
                    let cumulative = match *op {
                        Op::Settle { percent_of_capacity, .. } => report(&s, nonce, percent_of_capacity),
                        _ => s.ctx.fetch::<client::Lease>(&s.lease(nonce)).settled_gpu_secs,
                    };
                    let closing = past_grace(&s, nonce);
                    let before: client::Lease = s.ctx.fetch(&s.lease(nonce));
                    // What a replay may still take: usage reported while the escrow was short,
                    // funded by a top-up since; nothing otherwise.
                    let unpaid = before.payable(before.settled_gpu_secs).unwrap().min(before.deposited) - before.paid;
                    let outcome = s.settle(nonce, cumulative);
                    if closing {
                        expect_error(outcome, MarketError::LeaseClosing);
                    } else {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("settle: {:?}", f.err)))?;
                        let event: LeaseSettled = executed.event(&client::ID);
                        count_settled(&mut totals, &event.settlement);
                        if matches!(op, Op::Replay { .. }) {
                            prop_assert_eq!(event.settlement.paid, unpaid, "a replay pays only what was owed and unfunded");
                            // And the same report again pays nothing.
                            let again: LeaseSettled = s.settle(nonce, cumulative).expect("replay").event(&client::ID);
                            prop_assert_eq!(again.settlement.paid, 0, "a second replay pays nothing");
                        }
                    }
                }
                Op::Batch { percent_of_capacity } => {
                    if open.is_empty() { continue; }
                    let entries: Vec<client::BatchEntry> = open
                        .iter()
                        .map(|&nonce| client::BatchEntry {
                            lease: s.lease(nonce),
                            provider_owner: owner.pubkey(),
                            cumulative_gpu_secs: report(&s, nonce, percent_of_capacity),
                        })
                        .collect();
                    let settler = s.settler.insecure_clone();
                    let ix = client::lease_settle_batch(settler.pubkey(), &entries);
                    let executed = s.ctx.send(&[ix], &[&settler])
                        .map_err(|f| TestCaseError::fail(format!("batch: {:?}", f.err)))?;
                    let batch: LeaseBatchSettled = executed.event(&client::ID);
                    for settled in &batch.settled {
                        count_settled(&mut totals, settled);
                    }
                }
                Op::CloseRequest { slot } => {
                    let Some(&nonce) = open.get(slot) else { continue };
                    let ix = client::lease_close_request(renter.pubkey(), s.lease(nonce), owner.pubkey());
                    let _ = s.ctx.send(&[ix], &[&renter]);
                }
                Op::Finalize { slot } => {
                    let Some(&nonce) = open.get(slot) else { continue };
                    let lease: client::Lease = s.ctx.fetch(&s.lease(nonce));
                    let now = s.ctx.now();
                    let due = (lease.close_requested_at != 0 && now >= lease.close_requested_at + 3_600)
                        || (lease.paused_at != 0 && now >= lease.paused_at + 86_400);
                    let ix = s.finalize_ix(s.ctx.payer.pubkey(), nonce);
                    let outcome = s.ctx.send(&[ix], &[]);
                    if due {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("finalize: {:?}", f.err)))?;
                        let event: LeaseFinalized = executed.event(&client::ID);
                        totals[side(event.currency)].refunds += event.refund;
                        open.retain(|&n| n != nonce);
                    } else {
                        expect_error(outcome, MarketError::CloseTooEarly);
                    }
                }
                Op::Claim { io } => {
                    let (earned, ix) = if io {
                        (s.earned_io(), client::provider_claim_io_earnings(owner.pubkey(), s.provider.io))
                    } else {
                        (s.earned(), client::provider_claim(owner.pubkey(), owner.pubkey()))
                    };
                    let outcome = s.ctx.send(&[ix], &[&owner]);
                    if earned == 0 {
                        expect_error(outcome, MarketError::NothingToClaim);
                    } else {
                        prop_assert!(outcome.is_ok(), "claim: {:?}", outcome.err());
                    }
                }
                Op::Sweep { io } => {
                    let currency = if io { client::Currency::Io } else { client::Currency::Iosd };
                    let nothing = config(&s.ctx).fees.held(currency) == Ok(0);
                    let outcome = s.sweep_currency(currency);
                    if nothing {
                        expect_error(outcome, MarketError::NothingToSweep);
                    } else {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("sweep: {:?}", f.err)))?;
                        let event: FeesSwept = executed.event(&client::ID);
                        let t = &mut totals[side(currency)];
                        t.swept_fees += event.burned + event.to_treasury;
                        t.swept_burned += event.burned;
                        expect_error(s.sweep_currency(currency), MarketError::NothingToSweep);
                    }
                }
                Op::Warp { secs } => s.ctx.warp_by(secs),
            }

            let config = config(&s.ctx);
            for (i, (accounts, start)) in sides.iter().zip(&start).enumerate() {
                let t = totals[i];
                let currency = if i == 0 { client::Currency::Iosd } else { client::Currency::Io };
                let escrow = balance(&s.ctx, &accounts.escrow);
                let claimed = balance(&s.ctx, &accounts.provider_payout) - start.provider_payout;
                let earned = if i == 0 { s.earned() } else { s.earned_io() };
                prop_assert_eq!(t.deposits, claimed + t.swept_fees + t.refunds + escrow,
                    "deposits = claimed + swept fees + refunds + escrow ({:?})", currency);
                let accrued = config.fees.held(currency).unwrap();
                prop_assert_eq!(accrued, t.fees - t.swept_fees, "accrued = taken − swept");
                prop_assert_eq!(config.fees.burn.of(currency), t.burned - t.swept_burned);
                prop_assert_eq!(earned + claimed, t.provider);
                let remaining: u64 = open
                    .iter()
                    .map(|&nonce| s.ctx.fetch::<client::Lease>(&s.lease(nonce)))
                    .filter(|lease| lease.currency == currency)
                    .map(|lease| lease.remaining().unwrap())
                    .sum();
                prop_assert_eq!(escrow, remaining + earned + accrued);
                prop_assert_eq!(config.escrowed.of(currency) + accrued, escrow);
                prop_assert_eq!(balance(&s.ctx, &accounts.renter), start.renter - t.deposits + t.refunds);
                prop_assert_eq!(balance(&s.ctx, &accounts.treasury) - start.treasury, t.swept_fees - t.swept_burned);
                prop_assert_eq!(s.ctx.mint_supply(&accounts.mint), start.supply - t.swept_burned);
            }
            for &nonce in &open {
                prop_assert!(settle_bound_holds(&s, nonce), "lease {} paid above rate × k × active time", nonce);
            }
        }
    }
}
