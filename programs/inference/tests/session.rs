//! Sessions: open, settle the latest receipt (real ed25519 precompile instructions through the
//! real instructions sysvar), top up, close request, timeout, finalise; every refusal by name
//! and without effect.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};
use ed25519_dalek::{Signer as _, SigningKey};
use inference::Currency;
use inference::error::InferenceError;
use inference::events::{SessionFinalized, SessionOpened, SessionSettled, SessionToppedUp};
use io_client::inference as client;
use io_harness::{IO, IOSD, Signer, expect_error};
use io_receipt::{Receipt, ReceiptDomain};

use crate::fixture::*;

const DAY: i64 = 86_400;

/// The state a refused settlement must leave alone.
fn watched(s: &Scene, session: Pubkey) -> Vec<Pubkey> {
    vec![
        session,
        s.model,
        s.escrow(),
        s.funds(&s.provider.pubkey()),
        client::config_address(),
    ]
}

#[test]
fn a_session_opens_funded_with_the_models_terms() {
    let mut s = scene(Currency::Iosd);
    let session = s.next_session();
    let ix = s.open_ix(10 * IOSD);
    let user = s.user.insecure_clone();
    let before = s.balance_of(&user.pubkey());
    let event: SessionOpened = s
        .ctx
        .send(&[ix], &[&user])
        .expect("open")
        .event(&client::ID);
    assert_eq!(
        (
            event.session,
            event.nonce,
            event.funded,
            event.open_sessions
        ),
        (session, 0, 10 * IOSD, 1)
    );
    assert_eq!(event.terms, terms(Currency::Iosd));
    assert_eq!(event.provider_payout, s.funds(&s.provider.pubkey()));
    assert_eq!(before - s.balance_of(&user.pubkey()), 10 * IOSD);
    assert_eq!(balance(&s.ctx, &s.escrow()), 10 * IOSD);
    assert_eq!(event.escrowed.iosd_micros, 10 * IOSD);
    let state: client::Session = s.ctx.fetch(&session);
    assert_eq!(
        (state.user, state.model, state.session_key.to_bytes()),
        (user.pubkey(), s.model, s.session_key_bytes())
    );
    assert_eq!(s.fetch_model().sessions_created, 1);
}

/// The latest receipt pays its increase over what was settled, split 25 % provider, 5 % burned,
/// 70 % credited to the owner; a replay or an older receipt is refused and changes nothing;
/// the split is computed on totals, so rounding never compounds.
#[test]
fn a_session_pays_the_latest_receipt_once() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(10 * IOSD);
    let supply = s.ctx.mint_supply(&s.mint());
    let event: SessionSettled = s
        .settle(session, IOSD, 1)
        .expect("settle")
        .event(&client::ID);
    assert_eq!(
        (event.paid, event.to_provider, event.burned, event.to_owner),
        (IOSD, 250_000, 50_000, 700_000)
    );
    assert_eq!((event.sequence, event.owed, event.settled), (1, IOSD, IOSD));
    assert_eq!(s.balance_of(&s.provider.pubkey()), 250_000);
    assert_eq!(s.owner_earned(), 700_000);
    // The escrow keeps the unspent funding, the owner's unclaimed share and the burn share
    // until a sweep burns it.
    assert_eq!(s.ctx.mint_supply(&s.mint()), supply);
    assert_eq!(balance(&s.ctx, &s.escrow()), 9 * IOSD + 700_000 + 50_000);
    assert_eq!(event.escrowed.iosd_micros, 9 * IOSD + 700_000);
    s.burn_sweep().expect("burn");
    assert_eq!(supply - s.ctx.mint_supply(&s.mint()), 50_000);
    assert_eq!(balance(&s.ctx, &s.escrow()), 9 * IOSD + 700_000);

    let provider = s.provider.insecure_clone();
    let watch = watched(&s, session);
    let replay = s.settle_ixs(session, IOSD, 1);
    let before: Vec<_> = watch.iter().map(|a| s.ctx.data(a)).collect();
    expect_error(
        s.ctx.send(&replay, &[&provider]),
        InferenceError::ReceiptNotNewer,
    );
    let lower = s.settle_ixs(session, IOSD - 1, 2);
    expect_error(
        s.ctx.send(&lower, &[&provider]),
        InferenceError::ReceiptAmountWentBackwards,
    );
    // The user holds the session key: a receipt it signs for the same amount with the largest
    // sequence adds nothing, and cannot make the provider's later receipts unacceptable.
    let blocker = s.settle_ixs(session, IOSD, u64::MAX);
    expect_error(
        s.ctx.send(&blocker, &[&provider]),
        InferenceError::ReceiptNotNewer,
    );
    let after: Vec<_> = watch.iter().map(|a| s.ctx.data(a)).collect();
    assert_eq!(before, after, "refused receipts changed state");

    // 2.500001 IOSD: provider ⌊625_000.25⌋, burn ⌊125_000.05⌋, the owner the rest.
    let event: SessionSettled = s
        .settle(session, 2_500_001, 7)
        .expect("settle")
        .event(&client::ID);
    assert_eq!(
        (event.paid, event.to_provider, event.burned, event.to_owner),
        (1_500_001, 375_000, 75_000, 1_050_001)
    );
    let state: client::Session = s.ctx.fetch(&session);
    assert_eq!(
        (state.to_provider, state.burned, state.to_owner),
        (625_000, 125_000, 1_750_001)
    );
}

/// A receipt above the funding pays what is funded; a top-up pays the rest at once.
#[test]
fn a_receipt_above_the_funding_pays_the_rest_after_a_top_up() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(IOSD);
    let event: SessionSettled = s
        .settle(session, 3 * IOSD / 2, 1)
        .expect("settle")
        .event(&client::ID);
    assert_eq!(
        (event.paid, event.owed, event.settled),
        (IOSD, 3 * IOSD / 2, IOSD)
    );
    let executed = s.top_up(session, IOSD).expect("top up");
    let topped: SessionToppedUp = executed.event(&client::ID);
    let settled: SessionSettled = executed.event(&client::ID);
    assert_eq!((topped.funded, topped.settled), (2 * IOSD, 3 * IOSD / 2));
    assert_eq!((settled.paid, settled.settled), (IOSD / 2, 3 * IOSD / 2));
    assert_eq!(s.balance_of(&s.provider.pubkey()), 375_000);
    // A top-up with nothing owed settles nothing.
    let executed = s.top_up(session, IOSD).expect("top up");
    assert!(executed.events::<SessionSettled>(&client::ID).is_empty());
}

/// Close: top-ups stop, receipts still settle during the 24 hours after the request (without
/// moving the deadline); then anyone finalises, the rest is refunded and the rent returns to
/// the user.
#[test]
fn the_close_waits_for_the_timeout_after_the_request() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(10 * IOSD);
    s.settle(session, IOSD, 1).expect("settle");
    s.close_request(session).expect("close request");
    expect_error(s.top_up(session, IOSD), InferenceError::SessionClosing);
    expect_error(s.close_request(session), InferenceError::SessionClosing);
    let finalize = s.finalize_ix(session);
    s.ctx.warp_by(DAY - 3_600);
    s.ctx.assert_refused(
        finalize.clone(),
        &[],
        InferenceError::CloseTooEarly,
        &[session],
    );
    // The provider submits a last receipt within the timeout: it is paid; the deadline stays.
    s.settle(session, 2 * IOSD, 2)
        .expect("a receipt within the timeout");
    s.ctx.warp_by(3_599);
    s.ctx.assert_refused(
        finalize.clone(),
        &[],
        InferenceError::CloseTooEarly,
        &[session],
    );
    s.ctx.warp_by(1);
    let user = s.user.pubkey();
    let (before, lamports) = (s.balance_of(&user), s.ctx.lamports(&user));
    let rent = s.ctx.lamports(&session);
    let event: SessionFinalized = s
        .ctx
        .send(&[finalize], &[])
        .expect("finalise")
        .event(&client::ID);
    assert_eq!(
        (event.refund, event.settled, event.owed, event.open_sessions),
        (8 * IOSD, 2 * IOSD, 2 * IOSD, 0)
    );
    assert_eq!(s.balance_of(&user) - before, 8 * IOSD);
    assert_eq!(s.ctx.lamports(&user) - lamports, rent);
    assert_eq!(s.ctx.data(&session), None);
    // What stays in escrow is the owner's unclaimed share and the burn share not yet burned.
    assert_eq!(
        balance(&s.ctx, &s.escrow()),
        s.owner_earned() + s.burn_accrued()
    );
    assert_eq!(event.escrowed.iosd_micros, s.owner_earned());
    // Settlement after the final close: the session is gone.
    expect_error(
        s.settle(session, 3 * IOSD, 3),
        anchor_lang::error::ErrorCode::AccountNotInitialized,
    );
}

/// IO sessions escrow IO in the program's vault, pay the provider's IO account and burn IO.
#[test]
fn io_sessions_pay_in_io() {
    let mut s = scene(Currency::Io);
    let session = s.open(10 * IO);
    assert_eq!(balance(&s.ctx, &client::io_vault_address()), 10 * IO);
    let supply = s.ctx.mint_supply(&s.ctx.io_mint);
    let event: SessionSettled = s
        .settle(session, 4 * IO, 1)
        .expect("settle")
        .event(&client::ID);
    assert_eq!(
        (event.currency, event.to_provider, event.burned),
        (Currency::Io, IO, IO / 5)
    );
    assert_eq!(s.balance_of(&s.provider.pubkey()), IO);
    s.burn_sweep().expect("burn");
    assert_eq!(supply - s.ctx.mint_supply(&s.ctx.io_mint), IO / 5);
    assert_eq!(
        balance(&s.ctx, &client::io_vault_address()),
        6 * IO + 28 * IO / 10
    );
    assert_eq!(event.escrowed.io_base, 6 * IO + 28 * IO / 10);
    s.close_request(session).expect("close");
    s.ctx.warp_by(DAY);
    let user = s.user.pubkey();
    let before = s.balance_of(&user);
    let ix = s.finalize_ix(session);
    s.ctx.send(&[ix], &[]).expect("finalise");
    assert_eq!(s.balance_of(&user) - before, 6 * IO);
}

/// A receipt signed by another key, for another session, for a closed and reopened session,
/// for another cluster, or a signed message that is not a receipt: each refused by name.
#[test]
fn refuses_misdirected_receipts() {
    let mut s = scene(Currency::Iosd);
    let first = s.open(10 * IOSD);
    let second = s.open(10 * IOSD);
    let provider = s.provider.insecure_clone();
    let watch = watched(&s, first);

    let other_key = SigningKey::from_bytes(&[7; 32]);
    let receipt = Receipt {
        session: first,
        cumulative_amount: IOSD,
        sequence: 1,
    };
    let signature = io_receipt::client::sign(&other_key, &domain(), &receipt);
    let ixs = client::session_settle(
        provider.pubkey(),
        s.payment(),
        &domain(),
        &receipt,
        &other_key.verifying_key().to_bytes(),
        &signature,
    );
    refused(&mut s, &ixs, InferenceError::ReceiptWrongSigner, &watch);

    // The same key signed for the second session; submitted against the first.
    let (receipt, signature) = s.sign(second, IOSD, 1);
    let mut ixs = client::session_settle(
        provider.pubkey(),
        s.payment(),
        &domain(),
        &receipt,
        &s.session_key_bytes(),
        &signature,
    );
    ixs[1] = client::session_settle_instruction(provider.pubkey(), first, s.payment());
    refused(&mut s, &ixs, InferenceError::ReceiptWrongSession, &watch);

    // Another cluster (genesis hash) or another program: not a receipt here.
    for domain in [
        client::receipt_domain([9; 32]),
        ReceiptDomain {
            program_id: Pubkey::new_unique(),
            genesis_hash: io_harness::TEST_GENESIS_HASH,
        },
    ] {
        let receipt = Receipt {
            session: first,
            cumulative_amount: IOSD,
            sequence: 1,
        };
        let signature = io_receipt::client::sign(&s.session_key, &domain, &receipt);
        let ixs = client::session_settle(
            provider.pubkey(),
            s.payment(),
            &domain,
            &receipt,
            &s.session_key_bytes(),
            &signature,
        );
        refused(&mut s, &ixs, InferenceError::ReceiptMalformed, &watch);
    }
    // A valid signature over a message that is not a receipt.
    let message = [0x55u8; 128];
    let signature = s.session_key.sign(&message).to_bytes();
    let ixs = [
        solana_ed25519_program::new_ed25519_instruction_with_signature(
            &message,
            &signature,
            &s.session_key_bytes(),
        ),
        client::session_settle_instruction(provider.pubkey(), first, s.payment()),
    ];
    refused(&mut s, &ixs, InferenceError::ReceiptMalformed, &watch);

    // Closed and reopened: the new session has a new address, so the old receipts miss it.
    s.settle(first, IOSD, 1).expect("settle");
    s.close_request(first).expect("close");
    s.ctx.warp_by(DAY);
    let ix = s.finalize_ix(first);
    s.ctx.send(&[ix], &[]).expect("finalise");
    let reopened = s.open(10 * IOSD);
    assert_ne!(reopened, first);
    let (receipt, signature) = s.sign(first, 2 * IOSD, 2);
    let mut ixs = client::session_settle(
        provider.pubkey(),
        s.payment(),
        &domain(),
        &receipt,
        &s.session_key_bytes(),
        &signature,
    );
    ixs[1] = client::session_settle_instruction(provider.pubkey(), reopened, s.payment());
    let watch = watched(&s, reopened);
    refused(&mut s, &ixs, InferenceError::ReceiptWrongSession, &watch);
}

/// A missing, foreign or malformed ed25519 instruction, offsets into another instruction, a
/// forged signature, an impostor instructions sysvar and another payout account: each refused.
#[test]
fn refuses_bad_proofs_and_accounts() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(10 * IOSD);
    let provider = s.provider.insecure_clone();
    let watch = watched(&s, session);
    let settle = client::session_settle_instruction(provider.pubkey(), session, s.payment());

    refused(
        &mut s,
        std::slice::from_ref(&settle),
        InferenceError::Ed25519InstructionMissing,
        &watch,
    );
    let transfer = anchor_lang::solana_program::instruction::Instruction {
        program_id: anchor_lang::system_program::ID,
        accounts: vec![
            AccountMeta::new(provider.pubkey(), true),
            AccountMeta::new(provider.pubkey(), false),
        ],
        data: {
            let mut data = 2u32.to_le_bytes().to_vec();
            data.extend_from_slice(&0u64.to_le_bytes());
            data
        },
    };
    refused(
        &mut s,
        &[transfer, settle.clone()],
        InferenceError::NotEd25519Instruction,
        &watch,
    );

    let (receipt, signature) = s.sign(session, IOSD, 1);
    let message = receipt.message(&domain());
    let key = s.session_key_bytes();
    // Zero signatures: the precompile accepts it; the program does not.
    let empty = ed25519_instruction(vec![0, 0]);
    refused(
        &mut s,
        &[empty, settle.clone()],
        InferenceError::Ed25519Malformed,
        &watch,
    );
    // Two signatures (both valid) in one instruction.
    let two = ed25519_instruction(ed25519_data(&[(&key, &signature, &message); 2], u16::MAX));
    refused(
        &mut s,
        &[two, settle.clone()],
        InferenceError::Ed25519NotOneSignature,
        &watch,
    );
    // Offsets naming instruction 0 (itself) explicitly: the runtime verifies them, but the
    // program accepts only data inside the instruction it reads.
    let elsewhere = ed25519_instruction(ed25519_data(&[(&key, &signature, &message)], 0));
    refused(
        &mut s,
        &[elsewhere, settle.clone()],
        InferenceError::Ed25519OffsetsOutside,
        &watch,
    );
    // A forged signature: the precompile itself fails the transaction.
    let mut forged = signature;
    forged[0] ^= 1;
    let ixs = client::session_settle(
        provider.pubkey(),
        s.payment(),
        &domain(),
        &receipt,
        &key,
        &forged,
    );
    let before: Vec<_> = watch.iter().map(|a| s.ctx.data(a)).collect();
    let failed = s
        .ctx
        .send(&ixs, &[&provider])
        .expect_err("a forged signature must fail");
    assert!(
        matches!(
            failed.err,
            solana_transaction_error::TransactionError::InstructionError(0, _)
        ),
        "{:?}",
        failed.err
    );
    assert_eq!(
        before,
        watch.iter().map(|a| s.ctx.data(a)).collect::<Vec<_>>()
    );

    // An impostor instructions sysvar.
    let mut ixs = s.settle_ixs(session, IOSD, 1);
    let sysvar = io_receipt::instructions::INSTRUCTIONS_SYSVAR_ID;
    for meta in ixs[1].accounts.iter_mut().filter(|m| m.pubkey == sysvar) {
        meta.pubkey = solana_sdk_ids::sysvar::clock::ID;
    }
    refused(&mut s, &ixs, InferenceError::NotInstructionsSysvar, &watch);
    // Another payout account than the session's.
    let mut ixs = s.settle_ixs(session, IOSD, 1);
    ixs[1].accounts[4].pubkey = s.funds(&s.user.pubkey());
    refused(&mut s, &ixs, InferenceError::SessionMismatch, &watch);

    s.settle(session, IOSD, 1)
        .expect("the genuine receipt still settles");
}

/// A model's new terms apply to new sessions only: a running session keeps its split.
#[test]
fn a_price_change_does_not_touch_a_running_session() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(10 * IOSD);
    let owner = s.owner.insecure_clone();
    let mut new_terms = terms(Currency::Iosd);
    new_terms.price_per_request = 9_000;
    new_terms.split = inference::RevenueSplit {
        model_owner_bps: 0,
        provider_bps: 10_000,
        burn_bps: 0,
    };
    let ix = client::model_update(owner.pubkey(), &MODEL_ID, new_terms);
    s.ctx.send(&[ix], &[&owner]).expect("update");
    let event: SessionSettled = s
        .settle(session, IOSD, 1)
        .expect("settle")
        .event(&client::ID);
    assert_eq!((event.to_provider, event.to_owner), (250_000, 700_000));
    let state: client::Session = s.ctx.fetch(&session);
    assert_eq!(state.terms, terms(Currency::Iosd));
    let next = s.open(IOSD);
    let state: client::Session = s.ctx.fetch(&next);
    assert_eq!(state.terms, new_terms);
}

#[test]
fn refuses_bad_opens_top_ups_and_closes() {
    let mut s = scene(Currency::Iosd);
    let user = s.user.insecure_clone();
    let next = s.next_session();
    let watch = [next, s.model, s.escrow(), client::config_address()];
    let ix = s.open_ix(0);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::ZeroAmount, &watch);
    let mut ix = s.open_ix(IOSD);
    let args = client::SessionOpenArgs {
        session_key: Pubkey::default(),
        deposit: IOSD,
    };
    ix.data = anchor_lang::InstructionData::data(&inference::instruction::SessionOpen { args });
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::SessionKeyUnset, &watch);
    // IO funds for an IOSD model; an IO account as the provider's IOSD payout; an IOSD account
    // that is not a holder (not frozen) as the payout.
    let mut ix = s.open_ix(IOSD);
    ix.accounts[4].pubkey = client::funds_address(&user.pubkey(), Currency::Io, &s.ctx.io_mint);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::CurrencyMismatch, &watch);
    let mut ix = s.open_ix(IOSD);
    ix.accounts[5].pubkey =
        client::funds_address(&s.provider.pubkey(), Currency::Io, &s.ctx.io_mint);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::CurrencyMismatch, &watch);
    let mint = s.ctx.iosd_mint;
    let unfrozen = s.ctx.token_account(&mint, &s.provider.pubkey());
    let mut ix = s.open_ix(IOSD);
    ix.accounts[5].pubkey = unfrozen;
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::PayoutNotHolder, &watch);
    // A paused model takes no session.
    let owner = s.owner.insecure_clone();
    let pause = client::model_set_paused(owner.pubkey(), &MODEL_ID, true);
    s.ctx.send(&[pause], &[&owner]).expect("pause");
    let ix = s.open_ix(IOSD);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::ModelPaused, &watch);
    let resume = client::model_set_paused(owner.pubkey(), &MODEL_ID, false);
    s.ctx.send(&[resume], &[&owner]).expect("resume");

    let session = s.open(IOSD);
    let stranger = s.ctx.funded_keypair();
    let payer = s.ctx.payer.pubkey();
    s.ctx
        .send(
            &[io_client::iosd::holder_open(payer, stranger.pubkey())],
            &[],
        )
        .expect("holder");
    let ix = client::session_top_up(stranger.pubkey(), session, s.payment(), IOSD);
    s.ctx
        .assert_refused(ix, &[&stranger], InferenceError::NotSessionUser, &[session]);
    let ix = client::session_close_request(stranger.pubkey(), session, s.model);
    s.ctx.assert_refused(
        ix,
        &[&stranger],
        InferenceError::CloseNotAllowed,
        &[session],
    );
    let ix = client::session_top_up(user.pubkey(), session, s.payment(), 0);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::ZeroAmount, &[session]);
    // The refund goes only to the user's own account.
    s.close_request(session).expect("close");
    s.ctx.warp_by(DAY);
    let ix = client::session_finalize(payer, session, stranger.pubkey(), s.payment());
    let mut ix = ix;
    ix.accounts[5].pubkey = user.pubkey();
    s.ctx.assert_refused(
        ix,
        &[],
        InferenceError::PayoutOwnerMismatch,
        &[session, s.escrow()],
    );
    // A retired model takes no new session, but its open ones still finalise.
    let retire = client::model_retire(owner.pubkey(), &MODEL_ID);
    s.ctx.send(&[retire], &[&owner]).expect("retire");
    let (ix, next) = (s.open_ix(IOSD), s.next_session());
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::ModelRetired, &[next]);
    let ix = s.finalize_ix(session);
    s.ctx.send(&[ix], &[]).expect("finalise");
}

/// Sends `ixs` (signed by the provider) and checks the refusal and that nothing changed.
fn refused(s: &mut Scene, ixs: &[Instruction], error: InferenceError, watch: &[Pubkey]) {
    let provider = s.provider.insecure_clone();
    let before: Vec<_> = watch.iter().map(|a| s.ctx.data(a)).collect();
    expect_error(s.ctx.send(ixs, &[&provider]), error);
    let after: Vec<_> = watch.iter().map(|a| s.ctx.data(a)).collect();
    assert_eq!(before, after, "a refused settlement changed state");
}

fn ed25519_instruction(data: Vec<u8>) -> Instruction {
    Instruction {
        program_id: io_receipt::instructions::ED25519_PROGRAM_ID,
        accounts: vec![],
        data,
    }
}

/// ed25519 precompile data verifying `signatures` (key, signature, message), all stored in this
/// instruction, with every offset naming instruction `index` (`u16::MAX`: this one).
fn ed25519_data(signatures: &[(&[u8; 32], &[u8; 64], &[u8; 128])], index: u16) -> Vec<u8> {
    let count = signatures.len();
    let header = 2 + 14 * count;
    let mut data = vec![u8::try_from(count).unwrap(), 0];
    let mut payload = Vec::new();
    for (key, signature, message) in signatures {
        let at = |offset: usize| u16::try_from(header + payload.len() + offset).unwrap();
        let (key_at, signature_at, message_at) = (at(0), at(32), at(96));
        for field in [
            signature_at,
            index,
            key_at,
            index,
            message_at,
            u16::try_from(message.len()).unwrap(),
            index,
        ] {
            data.extend_from_slice(&field.to_le_bytes());
        }
        payload.extend_from_slice(*key);
        payload.extend_from_slice(*signature);
        payload.extend_from_slice(*message);
    }
    data.extend_from_slice(&payload);
    data
}
