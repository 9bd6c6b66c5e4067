//! Review findings on sessions: an address that comes back with a model (Low 6), an idle
//! session that keeps a retired model open for ever (Low 11), and a payout account that is the
//! program's own escrow (Low 13).

use anchor_lang::prelude::Pubkey;
use inference::Currency;
use inference::error::InferenceError;
use io_client::inference as client;
use io_harness::{IOSD, Signer, expect_error};

use crate::fixture::*;

/// A day and the default close timeout.
const DAY: i64 = 86_400;

/// A user that reuses its session key with a model that was closed and registered again under
/// the same id never pays an old receipt twice: the new session has a new address.
#[test]
fn a_closed_model_never_brings_back_an_old_session_address() {
    let mut s = scene(Currency::Iosd);
    let old = s.open(5 * IOSD);
    s.settle(old, 5 * IOSD, 1).expect("the receipt pays");
    let (receipt, signature) = s.sign(old, 5 * IOSD, 1);
    s.close_request(old).expect("close requested");
    s.ctx.warp_by(DAY);
    let ix = s.finalize_ix(old);
    s.ctx.send(&[ix], &[]).expect("finalised");
    let owner = s.owner.insecure_clone();
    let ix = client::model_claim(
        owner.pubkey(),
        &MODEL_ID,
        Currency::Iosd,
        io_client::iosd::holder_address(&owner.pubkey()),
    );
    s.ctx.send(&[ix], &[&owner]).expect("owner claims");
    let retire = client::model_retire(owner.pubkey(), &MODEL_ID);
    let close = client::model_close(owner.pubkey(), &MODEL_ID, owner.pubkey());
    s.ctx
        .send(&[retire, close], &[&owner])
        .expect("model closed");
    let ix = client::model_register(owner.pubkey(), MODEL_ID, CONTENT, terms(Currency::Iosd));
    s.ctx.send(&[ix], &[&owner]).expect("registered again");

    let new = s.open(5 * IOSD);
    let provider_before = s.balance_of(&s.provider.pubkey());
    let replay = client::session_settle(
        s.provider.pubkey(),
        s.payment(),
        &domain(),
        &receipt,
        &s.session_key_bytes(),
        &signature,
    );
    let provider = s.provider.insecure_clone();
    let outcome = s.ctx.send(&replay, &[&provider]);
    assert!(outcome.is_err(), "the old receipt paid the new session");
    assert_eq!(s.balance_of(&s.provider.pubkey()), provider_before);
    assert_ne!(new, old, "the session address came back");
}

/// The model owner of a retired model closes a session its user forgot: the user gets every
/// unspent micro back after the close timeout and the model can close.
#[test]
fn the_owner_of_a_retired_model_closes_an_idle_session_with_a_full_refund() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(5 * IOSD);
    let user_before = s.balance_of(&s.user.pubkey());
    let owner = s.owner.insecure_clone();
    let retire = client::model_retire(owner.pubkey(), &MODEL_ID);
    s.ctx.send(&[retire], &[&owner]).expect("retired");
    let close = client::model_close(owner.pubkey(), &MODEL_ID, owner.pubkey());
    s.ctx.assert_refused(
        close.clone(),
        &[&owner],
        InferenceError::ModelInUse,
        &[s.model],
    );
    let ix = client::session_close_request(owner.pubkey(), session, s.model);
    s.ctx
        .send(&[ix], &[&owner])
        .expect("the owner requests the close");
    s.ctx.warp_by(DAY);
    let ix = s.finalize_ix(session);
    s.ctx.send(&[ix], &[]).expect("finalised");
    assert_eq!(s.balance_of(&s.user.pubkey()), user_before + 5 * IOSD);
    s.ctx.send(&[close], &[&owner]).expect("the model closes");
}

/// A session that names the program's own escrow as the provider's payout could never settle
/// (the escrow would be written twice): it is refused at open, by name.
#[test]
fn a_session_cannot_pay_the_provider_into_the_programs_escrow() {
    for currency in [Currency::Iosd, Currency::Io] {
        let mut s = scene(currency);
        let mut payment = s.payment();
        payment.provider_payout = s.escrow();
        let args = client::SessionOpenArgs {
            session_key: Pubkey::new_from_array(s.session_key_bytes()),
            deposit: 5 * IOSD,
        };
        let ix = client::session_open(s.user.pubkey(), payment, 0, args);
        let user = s.user.insecure_clone();
        let session = s.next_session();
        let watched = [session, s.escrow(), s.funds(&s.user.pubkey())];
        let before: Vec<_> = watched.iter().map(|a| s.ctx.data(a)).collect();
        expect_error(s.ctx.send(&[ix], &[&user]), InferenceError::PayoutIsEscrow);
        let after: Vec<_> = watched.iter().map(|a| s.ctx.data(a)).collect();
        assert_eq!(before, after);
    }
}

/// Anyone may close a session that has been idle (no receipt, no top-up) for the config's idle
/// time (30 days by default), never before; a receipt or a top-up restarts the clock.
#[test]
fn anyone_closes_a_session_idle_for_the_idle_time() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(5 * IOSD);
    let stranger = s.ctx.funded_keypair();
    let close = client::session_close_request(stranger.pubkey(), session, s.model);
    s.ctx.warp_by(29 * DAY);
    s.settle(session, IOSD, 1).expect("a receipt");
    s.ctx.warp_by(29 * DAY);
    s.top_up(session, IOSD).expect("a top-up");
    s.ctx.warp_by(30 * DAY - 1);
    s.ctx.assert_refused(
        close.clone(),
        &[&stranger],
        InferenceError::CloseNotAllowed,
        &[session],
    );
    s.ctx.warp_by(1);
    let requested: inference::events::SessionCloseRequested = s
        .ctx
        .send(&[close], &[&stranger])
        .expect("anyone closes an idle session")
        .event(&client::ID);
    assert_eq!(requested.requester, stranger.pubkey());
    let user_before = s.balance_of(&s.user.pubkey());
    s.ctx.warp_by(DAY);
    let ix = s.finalize_ix(session);
    s.ctx.send(&[ix], &[]).expect("finalised");
    // 6 IOSD funded, 1 settled: the user gets the other 5.
    assert_eq!(s.balance_of(&s.user.pubkey()), user_before + 5 * IOSD);
}

/// The owner of a model that is not retired cannot close its users' sessions.
#[test]
fn the_owner_of_a_live_model_cannot_close_a_users_session() {
    let mut s = scene(Currency::Iosd);
    let session = s.open(5 * IOSD);
    let owner = s.owner.insecure_clone();
    let ix = client::session_close_request(owner.pubkey(), session, s.model);
    s.ctx
        .assert_refused(ix, &[&owner], InferenceError::CloseNotAllowed, &[session]);
}

/// A model registered after sessions were opened elsewhere starts its nonces at the count of
/// sessions ever opened.
#[test]
fn a_new_models_sessions_start_past_every_nonce_used() {
    let mut s = scene(Currency::Iosd);
    s.open(5 * IOSD);
    s.open(5 * IOSD);
    let owner = s.ctx.funded_keypair();
    let ix = client::model_register(owner.pubkey(), MODEL_ID, CONTENT, terms(Currency::Iosd));
    s.ctx.send(&[ix], &[&owner]).expect("another model");
    let model: client::Model = s
        .ctx
        .fetch(&client::model_address(&owner.pubkey(), &MODEL_ID));
    assert_eq!(model.sessions_created, 2);
    assert_eq!(client::fetch_config(&s.ctx).unwrap().sessions_opened, 2);
}
