//! The model registry: register, update terms, pause, retire, close; every refusal by name and
//! without effect.

use anchor_lang::prelude::Pubkey;
use inference::error::InferenceError;
use inference::events::{ModelClosed, ModelRegistered, ModelUpdated};
use inference::{Currency, ModelTerms, RevenueSplit};
use io_client::inference as client;
use io_harness::{Signer, TestContext};

const MODEL_ID: [u8; 32] = *b"llama-3.1-70b-instruct..........";
const CONTENT: [u8; 32] = [0xC0; 32];

/// $0.002 per request and $0.0005 per 1k tokens in IOSD; 70 % owner, 25 % provider, 5 % burned.
const TERMS: ModelTerms = ModelTerms {
    currency: Currency::Iosd,
    price_per_request: 2_000,
    price_per_1k_tokens: 500,
    split: RevenueSplit {
        model_owner_bps: 7_000,
        provider_bps: 2_500,
        burn_bps: 500,
    },
};

fn registered() -> (TestContext, io_harness::Keypair, Pubkey) {
    let mut ctx = TestContext::builder().with_configs().build();
    let owner = ctx.funded_keypair();
    let ix = client::model_register(owner.pubkey(), MODEL_ID, CONTENT, TERMS);
    ctx.send(&[ix], &[&owner]).expect("registered");
    let model = client::model_address(&owner.pubkey(), &MODEL_ID);
    (ctx, owner, model)
}

#[test]
fn an_owner_registers_a_model_and_pays_its_rent() {
    let mut ctx = TestContext::builder().with_configs().build();
    let owner = ctx.funded_keypair();
    let before = ctx.lamports(&owner.pubkey());
    let ix = client::model_register(owner.pubkey(), MODEL_ID, CONTENT, TERMS);
    let event: ModelRegistered = ctx
        .send(&[ix], &[&owner])
        .expect("register")
        .event(&client::ID);
    let address = client::model_address(&owner.pubkey(), &MODEL_ID);
    let model: client::Model = ctx.fetch(&address);
    assert_eq!(
        (model.owner, model.model_id, model.content_hash),
        (owner.pubkey(), MODEL_ID, CONTENT)
    );
    assert_eq!(
        (
            model.terms,
            model.paused,
            model.retired,
            model.open_sessions
        ),
        (TERMS, false, false, 0)
    );
    assert_eq!(
        before - ctx.lamports(&owner.pubkey()),
        ctx.lamports(&address)
    );
    assert_eq!(
        (event.model, event.terms, event.content_hash),
        (address, TERMS, CONTENT)
    );
}

#[test]
fn refuses_bad_registrations() {
    let (mut ctx, owner, model) = registered();
    let again = client::model_register(owner.pubkey(), MODEL_ID, CONTENT, TERMS);
    ctx.assert_refused(
        again,
        &[&owner],
        InferenceError::AlreadyInitialized,
        &[model],
    );
    let other_id = *b"another-model...................";
    let target = [client::model_address(&owner.pubkey(), &other_id)];
    let no_price = ModelTerms {
        price_per_request: 0,
        price_per_1k_tokens: 0,
        ..TERMS
    };
    let bad_split = ModelTerms {
        split: RevenueSplit {
            burn_bps: 501,
            ..TERMS.split
        },
        ..TERMS
    };
    let cases = [
        (
            client::model_register(owner.pubkey(), [0; 32], CONTENT, TERMS),
            InferenceError::ModelIdEmpty,
        ),
        (
            client::model_register(owner.pubkey(), other_id, [0; 32], TERMS),
            InferenceError::ContentHashUnset,
        ),
        (
            client::model_register(owner.pubkey(), other_id, CONTENT, no_price),
            InferenceError::ModelPriceZero,
        ),
        (
            client::model_register(owner.pubkey(), other_id, CONTENT, bad_split),
            InferenceError::SplitNotWhole,
        ),
    ];
    for (ix, error) in cases {
        ctx.assert_refused(ix, &[&owner], error, &target);
    }
}

/// Update, pause and unpause by the owner, each with its event; strangers are refused.
#[test]
fn the_owner_updates_and_pauses() {
    let (mut ctx, owner, model) = registered();
    let per_token = ModelTerms {
        currency: Currency::Io,
        price_per_request: 0,
        price_per_1k_tokens: 1_000,
        ..TERMS
    };
    let event: ModelUpdated = ctx
        .send(
            &[client::model_update(owner.pubkey(), &MODEL_ID, per_token)],
            &[&owner],
        )
        .expect("update")
        .event(&client::ID);
    assert_eq!((event.terms, event.revision), (per_token, 1));
    let event: ModelUpdated = ctx
        .send(
            &[client::model_set_paused(owner.pubkey(), &MODEL_ID, true)],
            &[&owner],
        )
        .expect("pause")
        .event(&client::ID);
    assert!(event.paused && !event.retired);
    ctx.send(
        &[client::model_set_paused(owner.pubkey(), &MODEL_ID, false)],
        &[&owner],
    )
    .expect("unpause");
    assert!(!ctx.fetch::<client::Model>(&model).paused);

    let stranger = ctx.funded_keypair();
    for mut ix in [
        client::model_update(stranger.pubkey(), &MODEL_ID, TERMS),
        client::model_set_paused(stranger.pubkey(), &MODEL_ID, true),
        client::model_retire(stranger.pubkey(), &MODEL_ID),
        client::model_close(stranger.pubkey(), &MODEL_ID, stranger.pubkey()),
    ] {
        ix.accounts[1].pubkey = model;
        ctx.assert_refused(ix, &[&stranger], InferenceError::NotModelOwner, &[model]);
    }
    let bad = ModelTerms {
        price_per_request: 0,
        price_per_1k_tokens: 0,
        ..TERMS
    };
    let ix = client::model_update(owner.pubkey(), &MODEL_ID, bad);
    ctx.assert_refused(ix, &[&owner], InferenceError::ModelPriceZero, &[model]);
}

/// Retire, then close with the rent back; a retired model takes no change; an active one, or
/// one with open sessions, does not close.
#[test]
fn retire_then_close() {
    let (mut ctx, owner, model) = registered();
    let close = client::model_close(owner.pubkey(), &MODEL_ID, owner.pubkey());
    ctx.assert_refused(
        close.clone(),
        &[&owner],
        InferenceError::ModelInUse,
        &[model],
    );
    let event: ModelUpdated = ctx
        .send(
            &[client::model_retire(owner.pubkey(), &MODEL_ID)],
            &[&owner],
        )
        .expect("retire")
        .event(&client::ID);
    assert!(event.retired);
    for ix in [
        client::model_update(owner.pubkey(), &MODEL_ID, TERMS),
        client::model_set_paused(owner.pubkey(), &MODEL_ID, false),
        client::model_retire(owner.pubkey(), &MODEL_ID),
    ] {
        ctx.assert_refused(ix, &[&owner], InferenceError::ModelRetired, &[model]);
    }

    // Open sessions (written into the account: sessions arrive with the rest of the issue).
    let mut account = ctx.svm.get_account(&model).unwrap();
    let mut state: client::Model = ctx.fetch(&model);
    state.open_sessions = 1;
    let mut data = Vec::new();
    anchor_lang::AccountSerialize::try_serialize(&state, &mut data).unwrap();
    account.data[..data.len()].copy_from_slice(&data);
    ctx.svm.set_account(model, account.clone()).unwrap();
    ctx.assert_refused(
        close.clone(),
        &[&owner],
        InferenceError::ModelInUse,
        &[model],
    );
    state.open_sessions = 0;
    data.clear();
    anchor_lang::AccountSerialize::try_serialize(&state, &mut data).unwrap();
    account.data[..data.len()].copy_from_slice(&data);
    ctx.svm.set_account(model, account).unwrap();

    let rent = ctx.lamports(&model);
    let before = ctx.lamports(&owner.pubkey());
    let event: ModelClosed = ctx
        .send(&[close], &[&owner])
        .expect("close")
        .event(&client::ID);
    assert_eq!((event.model, event.rent_payer), (model, owner.pubkey()));
    assert_eq!(ctx.data(&model), None);
    assert_eq!(ctx.lamports(&owner.pubkey()), before + rent);
}
