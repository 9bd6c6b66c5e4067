//! Ten thousand real receipts for one session: signed with `io_receipt`, each verified as a
//! gateway does before serving, only the last submitted; and what one inference costs on chain
//! through a session and through the direct path (`--nocapture` prints the table recorded in
//! BENCHMARKS.md). Signing and verification rates are measured by `receipt-bench`, not here.

use anchor_lang::Space;
use anchor_lang::solana_program::instruction::Instruction;
use inference::Currency;
use io_client::inference as client;
use io_harness::{IOSD, Keypair, Signer, TestContext};
use io_receipt::client::SessionLedger;
use solana_message::Message;
use solana_transaction::Transaction;

use crate::fixture::*;

const INFERENCES: u64 = 10_000;
/// $0.002 per request (the fixture's price).
const PRICE: u64 = 2_000;

/// One transaction's footprint: its serialized size, its signatures (the transaction's and
/// the ed25519 precompile's), and the lamports of fee its payer was charged.
struct Cost {
    bytes: usize,
    signatures: u64,
    fee: u64,
}

/// Sends `ixs` paid by `payer` (and signed by `others`); `rent` is what the payer put into new
/// accounts, so the rest of its balance change is the fee.
fn send_paid_by(
    ctx: &mut TestContext,
    ixs: &[Instruction],
    payer: &Keypair,
    others: &[&Keypair],
    rent: i128,
) -> Cost {
    let mut signers = vec![payer];
    signers.extend_from_slice(others);
    let message = Message::new(ixs, Some(&payer.pubkey()));
    let tx = Transaction::new(&signers, message, ctx.svm.latest_blockhash());
    let bytes = bincode_size(&tx);
    let precompile_signatures: u64 = ixs
        .iter()
        .filter(|ix| ix.program_id == io_receipt::instructions::ED25519_PROGRAM_ID)
        .map(|ix| u64::from(ix.data[0]))
        .sum();
    let before = i128::from(ctx.lamports(&payer.pubkey()));
    ctx.svm.send_transaction(tx).expect("transaction");
    ctx.svm.expire_blockhash();
    let after = i128::from(ctx.lamports(&payer.pubkey()));
    Cost {
        bytes,
        signatures: u64::try_from(signers.len()).unwrap() + precompile_signatures,
        fee: u64::try_from(before - after - rent).unwrap(),
    }
}

/// A legacy transaction's wire size: signatures, then the message.
fn bincode_size(tx: &Transaction) -> usize {
    1 + 64 * tx.signatures.len() + tx.message.serialize().len()
}

#[test]
fn ten_thousand_receipts_settle_in_one_transaction() {
    let mut s = scene(Currency::Iosd);
    let session = s.next_session();
    let user = s.user.insecure_clone();
    let open = s.open_ix(25 * IOSD);
    let rent = i128::from(
        s.ctx
            .svm
            .minimum_balance_for_rent_exemption(8 + client::Session::INIT_SPACE),
    );
    let open_cost = send_paid_by(&mut s.ctx, &[open], &user, &[], rent);

    // The gateway checks every receipt before serving the request it pays for.
    let mut ledger = SessionLedger::new(domain(), session, &s.session_key_bytes()).unwrap();
    for sequence in 1..=INFERENCES {
        let (receipt, signature) = s.sign(session, sequence * PRICE, sequence);
        ledger
            .accept(receipt, signature)
            .expect("the gateway accepts each receipt");
    }
    let (receipt, signature) = *ledger.latest().expect("a latest receipt");
    let provider = s.provider.insecure_clone();
    let settle = client::session_settle(
        provider.pubkey(),
        s.payment(),
        &domain(),
        &receipt,
        &s.session_key_bytes(),
        &signature,
    );
    let before = s.balance_of(&provider.pubkey());
    let settle_cost = send_paid_by(&mut s.ctx, &settle, &provider, &[], 0);
    let state: client::Session = s.ctx.fetch(&session);
    assert_eq!(
        (state.sequence, state.owed, state.settled),
        (INFERENCES, INFERENCES * PRICE, INFERENCES * PRICE)
    );
    // $20: 25 % to the provider, 5 % burned, 70 % credited to the owner.
    assert_eq!(s.balance_of(&provider.pubkey()) - before, 5 * IOSD);
    assert_eq!(state.burned, IOSD);
    assert_eq!(s.owner_earned(), 14 * IOSD);

    let close = client::session_close_request(user.pubkey(), session, s.model);
    let close_cost = send_paid_by(&mut s.ctx, &[close], &user, &[], 0);
    s.ctx.warp_by(86_400);
    let finalize = client::session_finalize(user.pubkey(), session, user.pubkey(), s.payment());
    let finalize_cost = send_paid_by(&mut s.ctx, &[finalize], &user, &[], -rent);
    assert_eq!(s.ctx.data(&session), None);

    // The direct path: one transaction per inference, paid and signed by the user.
    let direct = client::inference_pay(user.pubkey(), s.payment(), 1, 0, PRICE);
    let direct_cost = send_paid_by(&mut s.ctx, &[direct], &user, &[], 0);

    let session_costs = [&open_cost, &settle_cost, &close_cost, &finalize_cost];
    let total = |f: fn(&Cost) -> u64| session_costs.iter().map(|c| f(c)).sum::<u64>();
    let bytes = total(|c| u64::try_from(c.bytes).unwrap());
    let (signatures, fees) = (total(|c| c.signatures), total(|c| c.fee));
    println!(
        "| path | transactions | bytes | signatures | fee (lamports) | per inference: bytes / signatures / lamports |"
    );
    println!("|---|---|---|---|---|---|");
    println!(
        "| direct (1 inference) | 1 | {} | {} | {} | {} / {} / {} |",
        direct_cost.bytes,
        direct_cost.signatures,
        direct_cost.fee,
        direct_cost.bytes,
        direct_cost.signatures,
        direct_cost.fee
    );
    println!(
        "| session ({INFERENCES} inferences: open, settle, close, finalise) | 4 | {bytes} | {signatures} | {fees} | {:.4} / {:.4} / {:.2} |",
        bytes as f64 / INFERENCES as f64,
        signatures as f64 / INFERENCES as f64,
        fees as f64 / INFERENCES as f64,
    );
    println!(
        "settle alone: {} bytes, {} signatures (1 transaction + 1 precompile), {} lamports",
        settle_cost.bytes, settle_cost.signatures, settle_cost.fee
    );
    assert!(
        fees < direct_cost.fee * 10,
        "four transactions, not ten thousand"
    );
}
