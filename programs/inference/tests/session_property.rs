//! Property test in the SVM: random interleavings of served requests (receipts signed and
//! checked by the gateway), settlements of the latest or an older receipt, top-ups, close
//! requests, finalisations, reopened sessions, owner claims, burn sweeps and time passing, in
//! IOSD or IO, checked after every step against real balances:
//!
//! - each session pays exactly `min(highest settled receipt, funding)`, and nothing twice: an
//!   older (lower) or repeated receipt is refused, a receipt of a closed session misses a
//!   reopened one;
//! - the user paid exactly what its sessions settled, the rest refunded;
//! - provider + burn + owner = settled; the escrow holds the open session's unspent funding, the
//!   owner's unclaimed share (as the config's escrow totals say) and the burn share not yet
//!   swept (as its `burn_accrued` says); the supply fell by what sweeps burned, and a second
//!   sweep in a row finds nothing.

use anchor_lang::prelude::Pubkey;
use inference::Currency;
use inference::error::InferenceError;
use inference::events::{
    BurnSwept, ModelClaimed, SessionFinalized, SessionSettled, SessionToppedUp,
};
use io_client::inference as client;
use io_harness::{IO, IOSD, Signer, expect_error};
use io_receipt::Receipt;
use io_receipt::client::SessionLedger;
use proptest::prelude::*;

use crate::fixture::*;

#[derive(Clone, Debug)]
enum Op {
    Serve { requests: u64 },
    SubmitLatest,
    SubmitOlder { back: usize },
    TopUp { units: u64 },
    CloseRequest,
    Finalize,
    Claim,
    Burn,
    Warp { secs: i64 },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (1u64..=2_000).prop_map(|requests| Op::Serve { requests }),
        3 => Just(Op::SubmitLatest),
        1 => (1usize..4).prop_map(|back| Op::SubmitOlder { back }),
        2 => (1u64..=5).prop_map(|units| Op::TopUp { units }),
        1 => Just(Op::CloseRequest),
        2 => Just(Op::Finalize),
        1 => Just(Op::Claim),
        1 => Just(Op::Burn),
        2 => (0i64..=30 * 3_600).prop_map(|secs| Op::Warp { secs }),
    ]
}

/// The open session as the test sees it: its address, the receipts its key signed (the gateway
/// accepted each), and the highest cumulative amount settled on chain.
struct Open {
    address: Pubkey,
    ledger: SessionLedger,
    signed: Vec<(Receipt, [u8; 64])>,
    submitted: u64,
    funded: u64,
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn sessions_pay_the_highest_receipt_once(
        io in any::<bool>(),
        ops in proptest::collection::vec(op(), 1..40),
    ) {
        let currency = if io { Currency::Io } else { Currency::Iosd };
        let unit = if io { IO } else { IOSD };
        let mut s = scene(currency);
        let user = s.user.insecure_clone();
        let owner = s.owner.insecure_clone();
        let (user_start, provider_start, supply_start) = (
            s.balance_of(&user.pubkey()),
            s.balance_of(&s.provider.pubkey()),
            s.ctx.mint_supply(&s.mint()),
        );
        let (mut funded_total, mut refunded, mut settled_total) = (0u64, 0u64, 0u64);
        let (mut to_provider, mut burned, mut to_owner, mut claimed) = (0u64, 0u64, 0u64, 0u64);
        // What burn sweeps burned.
        let mut swept = 0u64;
        // Receipts of closed sessions, which must never pay again.
        let mut closed_receipts: Vec<(Receipt, [u8; 64])> = Vec::new();
        let mut open: Option<Open> = None;
        for op in &ops {
            if open.is_none() {
                // A new session (a new nonce, so a new address) whenever none is open.
                let funded = 3 * unit;
                let address = s.open(funded);
                funded_total += funded;
                let ledger = SessionLedger::new(domain(), address, &s.session_key_bytes()).unwrap();
                open = Some(Open { address, ledger, signed: Vec::new(), submitted: 0, funded });
            }
            let session = open.as_mut().unwrap();
            match *op {
                Op::Serve { requests } => {
                    let sequence = session.signed.len() as u64 + 1;
                    let last = session.signed.last().map_or(0, |(r, _)| r.cumulative_amount);
                    let (receipt, signature) = s.sign(session.address, last + requests * 2_000, sequence);
                    session.ledger.accept(receipt, signature).expect("the gateway accepts it");
                    session.signed.push((receipt, signature));
                }
                Op::SubmitLatest | Op::SubmitOlder { .. } => {
                    let index = match *op {
                        Op::SubmitOlder { back } => session.signed.len().checked_sub(back),
                        _ => session.signed.len().checked_sub(1),
                    };
                    let Some(index) = index else { continue };
                    let (receipt, _) = session.signed[index];
                    let state: client::Session = s.ctx.fetch(&session.address);
                    let outcome = s.settle(session.address, receipt.cumulative_amount, receipt.sequence);
                    if receipt.cumulative_amount < state.owed {
                        expect_error(outcome, InferenceError::ReceiptAmountWentBackwards);
                    } else if receipt.cumulative_amount == state.owed {
                        expect_error(outcome, InferenceError::ReceiptNotNewer);
                    } else {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("settle: {:?}", f.err)))?;
                        let event: SessionSettled = executed.event(&client::ID);
                        session.submitted = receipt.cumulative_amount;
                        to_provider += event.to_provider;
                        burned += event.burned;
                        to_owner += event.to_owner;
                        settled_total += event.paid;
                    }
                }
                Op::TopUp { units } => {
                    let state: client::Session = s.ctx.fetch(&session.address);
                    let outcome = s.top_up(session.address, units * unit / 2);
                    if state.close_requested_at != 0 {
                        expect_error(outcome, InferenceError::SessionClosing);
                    } else {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("top-up: {:?}", f.err)))?;
                        let topped: SessionToppedUp = executed.event(&client::ID);
                        funded_total += topped.amount;
                        session.funded += topped.amount;
                        for event in executed.events::<SessionSettled>(&client::ID) {
                            to_provider += event.to_provider;
                            burned += event.burned;
                            to_owner += event.to_owner;
                            settled_total += event.paid;
                        }
                    }
                }
                Op::CloseRequest => {
                    let _ = s.close_request(session.address);
                }
                Op::Finalize => {
                    let state: client::Session = s.ctx.fetch(&session.address);
                    let due = state.close_requested_at != 0
                        && s.ctx.now() >= state.close_requested_at + 86_400;
                    let ix = s.finalize_ix(session.address);
                    let outcome = s.ctx.send(&[ix], &[]);
                    if due {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("finalise: {:?}", f.err)))?;
                        let event: SessionFinalized = executed.event(&client::ID);
                        refunded += event.refund;
                        prop_assert_eq!(event.settled, session.submitted.min(session.funded));
                        closed_receipts.append(&mut session.signed);
                        open = None;
                    } else {
                        expect_error(outcome, InferenceError::CloseTooEarly);
                    }
                }
                Op::Claim => {
                    let destination = s.funds(&owner.pubkey());
                    let ix = client::model_claim(owner.pubkey(), &MODEL_ID, currency, destination);
                    let earned = s.owner_earned();
                    let outcome = s.ctx.send(&[ix], &[&owner]);
                    if earned == 0 {
                        expect_error(outcome, InferenceError::NothingToClaim);
                    } else {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("claim: {:?}", f.err)))?;
                        claimed += executed.event::<ModelClaimed>(&client::ID).amount;
                    }
                }
                Op::Burn => {
                    let accrued = s.burn_accrued();
                    let outcome = s.burn_sweep();
                    if accrued == 0 {
                        expect_error(outcome, InferenceError::NothingToBurn);
                    } else {
                        let executed = outcome.map_err(|f| TestCaseError::fail(format!("burn: {:?}", f.err)))?;
                        let event: BurnSwept = executed.event(&client::ID);
                        prop_assert_eq!(event.burned, accrued);
                        swept += accrued;
                        expect_error(s.burn_sweep(), InferenceError::NothingToBurn);
                    }
                }
                Op::Warp { secs } => s.ctx.warp_by(secs),
            }

            // A receipt of a closed session never pays, in the session now open.
            if let (Some(session), Some((receipt, signature))) = (&open, closed_receipts.last()) {
                let mut ixs = client::session_settle(
                    s.provider.pubkey(),
                    s.payment(),
                    &domain(),
                    receipt,
                    &s.session_key_bytes(),
                    signature,
                );
                ixs[1] = client::session_settle_instruction(s.provider.pubkey(), session.address, s.payment());
                let provider = s.provider.insecure_clone();
                expect_error(s.ctx.send(&ixs, &[&provider]), InferenceError::ReceiptWrongSession);
            }

            prop_assert_eq!(to_provider + burned + to_owner, settled_total);
            prop_assert_eq!(s.balance_of(&s.provider.pubkey()) - provider_start, to_provider);
            prop_assert_eq!(supply_start - s.ctx.mint_supply(&s.mint()), swept);
            prop_assert_eq!(s.burn_accrued(), burned - swept);
            prop_assert_eq!(s.owner_earned() + claimed, to_owner);
            prop_assert_eq!(s.balance_of(&owner.pubkey()), claimed);
            prop_assert_eq!(s.balance_of(&user.pubkey()), user_start - funded_total + refunded);
            let remaining = match &open {
                Some(session) => {
                    let state: client::Session = s.ctx.fetch(&session.address);
                    prop_assert_eq!(state.settled, session.submitted.min(session.funded));
                    prop_assert_eq!(state.owed, session.submitted);
                    state.remaining().unwrap()
                }
                None => 0,
            };
            prop_assert_eq!(funded_total, settled_total + refunded + remaining);
            let escrow = balance(&s.ctx, &s.escrow());
            prop_assert_eq!(escrow, remaining + s.owner_earned() + s.burn_accrued());
            let config = client::fetch_config(&s.ctx).unwrap();
            prop_assert_eq!(config.escrowed.of(currency) + config.burn_accrued.of(currency), escrow);
        }
    }
}
