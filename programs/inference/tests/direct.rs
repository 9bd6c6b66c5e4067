//! The direct path (`inference_pay`) and the owner's claims (`model_claim`); every refusal by
//! name and without effect.

use inference::Currency;
use inference::error::InferenceError;
use inference::events::{BurnSwept, InferencePaid, ModelClaimed};
use io_client::inference as client;
use io_harness::{Signer, expect_error};

use crate::fixture::*;

/// 3 requests and 1,500 tokens: 3 × 2,000 + ⌈1,500 × 500 / 1,000⌉ = 6,750 base units; the
/// provider gets ⌊25 %⌋ = 1,687, ⌊5 %⌋ = 337 is burned and the owner is credited 4,726.
const AMOUNT: u64 = 6_750;

fn pay(s: &mut Scene, max_amount: u64) -> io_harness::Outcome {
    let ix = client::inference_pay(s.user.pubkey(), s.payment(), 3, 1_500, max_amount);
    let user = s.user.insecure_clone();
    s.ctx.send(&[ix], &[&user])
}

fn pays_and_splits_at_once(currency: Currency) {
    let mut s = scene(currency);
    let user = s.user.pubkey();
    let (user_before, supply) = (s.balance_of(&user), s.ctx.mint_supply(&s.mint()));
    let event: InferencePaid = pay(&mut s, AMOUNT).expect("pay").event(&client::ID);
    assert_eq!(
        (
            event.amount,
            event.to_provider,
            event.burned,
            event.to_owner
        ),
        (AMOUNT, 1_687, 337, 4_726)
    );
    assert_eq!((event.requests, event.tokens), (3, 1_500));
    assert_eq!(user_before - s.balance_of(&user), AMOUNT);
    assert_eq!(s.balance_of(&s.provider.pubkey()), 1_687);
    assert_eq!(s.owner_earned(), 4_726);
    assert_eq!(event.owner_earned, 4_726);
    // The burn share waits in the escrow until a sweep burns it.
    assert_eq!(s.ctx.mint_supply(&s.mint()), supply);
    assert_eq!(s.burn_accrued(), 337);
    assert_eq!(balance(&s.ctx, &s.escrow()), 4_726 + 337);
    let burned: BurnSwept = s.burn_sweep().expect("burn").event(&client::ID);
    assert_eq!((burned.currency, burned.burned), (currency, 337));
    assert_eq!(supply - s.ctx.mint_supply(&s.mint()), 337);
    assert_eq!(s.burn_accrued(), 0);
    assert_eq!(balance(&s.ctx, &s.escrow()), 4_726);
    expect_error(s.burn_sweep(), InferenceError::NothingToBurn);

    // The owner claims its share into its own account.
    let owner = s.owner.insecure_clone();
    let destination = s.funds(&owner.pubkey());
    let ix = client::model_claim(owner.pubkey(), &MODEL_ID, currency, destination);
    let claimed: ModelClaimed = s
        .ctx
        .send(std::slice::from_ref(&ix), &[&owner])
        .expect("claim")
        .event(&client::ID);
    assert_eq!(
        (claimed.amount, claimed.claimed_total, claimed.currency),
        (4_726, 4_726, currency)
    );
    assert_eq!(s.balance_of(&owner.pubkey()), 4_726);
    assert_eq!(balance(&s.ctx, &s.escrow()), 0);
    s.ctx
        .assert_refused(ix, &[&owner], InferenceError::NothingToClaim, &[s.model]);
}

#[test]
fn pays_in_iosd_and_splits_at_once() {
    pays_and_splits_at_once(Currency::Iosd);
}

#[test]
fn pays_in_io_and_splits_at_once() {
    pays_and_splits_at_once(Currency::Io);
}

#[test]
fn refuses_bad_direct_payments() {
    let mut s = scene(Currency::Iosd);
    let user = s.user.insecure_clone();
    let watch = [s.model, s.escrow(), s.funds(&user.pubkey())];
    let ix = client::inference_pay(user.pubkey(), s.payment(), 3, 1_500, AMOUNT - 1);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::PriceAboveLimit, &watch);
    for requests in [0, 17] {
        let ix = client::inference_pay(user.pubkey(), s.payment(), requests, 0, u64::MAX);
        s.ctx
            .assert_refused(ix, &[&user], InferenceError::DirectCountOutOfRange, &watch);
    }
    let mut ix = client::inference_pay(user.pubkey(), s.payment(), 1, 0, u64::MAX);
    ix.accounts[3].pubkey = client::funds_address(&user.pubkey(), Currency::Io, &s.ctx.io_mint);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::CurrencyMismatch, &watch);
    let mint = s.ctx.iosd_mint;
    let unfrozen = s.ctx.token_account(&mint, &s.provider.pubkey());
    let mut ix = client::inference_pay(user.pubkey(), s.payment(), 1, 0, u64::MAX);
    ix.accounts[4].pubkey = unfrozen;
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::PayoutNotHolder, &watch);
    // The spender is checked against the one the config stored at `config_init`, by name and
    // before any CPI.
    let spender = io_client::iosd::spender_address(&client::ID);
    let mut ix = client::inference_pay(user.pubkey(), s.payment(), 1, 0, u64::MAX);
    for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == spender) {
        meta.pubkey = user.pubkey();
    }
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::SpenderMismatch, &watch);

    let owner = s.owner.insecure_clone();
    let ix = client::model_set_paused(owner.pubkey(), &MODEL_ID, true);
    s.ctx.send(&[ix], &[&owner]).expect("pause");
    let ix = client::inference_pay(user.pubkey(), s.payment(), 1, 0, u64::MAX);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::ModelPaused, &watch);
    let ix = client::model_retire(owner.pubkey(), &MODEL_ID);
    s.ctx.send(&[ix], &[&owner]).expect("retire");
    let ix = client::inference_pay(user.pubkey(), s.payment(), 1, 0, u64::MAX);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::ModelRetired, &watch);
}

/// A model priced per token only charges nothing for a request without tokens: refused.
#[test]
fn refuses_a_payment_of_nothing() {
    let mut s = scene(Currency::Iosd);
    let owner = s.owner.insecure_clone();
    let mut per_token = terms(Currency::Iosd);
    per_token.price_per_request = 0;
    let ix = client::model_update(owner.pubkey(), &MODEL_ID, per_token);
    s.ctx.send(&[ix], &[&owner]).expect("per-token pricing");
    let user = s.user.insecure_clone();
    let ix = client::inference_pay(user.pubkey(), s.payment(), 1, 0, u64::MAX);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::ZeroAmount, &[s.model]);
    // One token costs ⌈500 / 1000⌉ = 1 base unit: charged, never free.
    let ix = client::inference_pay(user.pubkey(), s.payment(), 1, 1, u64::MAX);
    let event: InferencePaid = s.ctx.send(&[ix], &[&user]).expect("pay").event(&client::ID);
    assert_eq!(event.amount, 1);
}

/// Only the owner claims, only into its own account of the right currency; a model with
/// unclaimed earnings cannot close.
#[test]
fn refuses_bad_claims_and_closing_with_earnings() {
    let mut s = scene(Currency::Io);
    pay(&mut s, AMOUNT).expect("pay");
    let owner = s.owner.insecure_clone();
    let watch = [s.model, client::io_vault_address()];
    let stranger = s.ctx.funded_keypair();
    let mint = s.ctx.io_mint;
    let stranger_io = s.ctx.token_account(&mint, &stranger.pubkey());
    let mut ix = client::model_claim(stranger.pubkey(), &MODEL_ID, Currency::Io, stranger_io);
    ix.accounts[2].pubkey = s.model;
    s.ctx
        .assert_refused(ix, &[&stranger], InferenceError::NotModelOwner, &watch);
    let ix = client::model_claim(owner.pubkey(), &MODEL_ID, Currency::Io, stranger_io);
    s.ctx
        .assert_refused(ix, &[&owner], InferenceError::PayoutOwnerMismatch, &watch);
    let holder = io_client::iosd::holder_address(&owner.pubkey());
    let ix = client::model_claim(owner.pubkey(), &MODEL_ID, Currency::Io, holder);
    s.ctx
        .assert_refused(ix, &[&owner], InferenceError::CurrencyMismatch, &watch);
    let ix = client::model_claim(owner.pubkey(), &MODEL_ID, Currency::Iosd, holder);
    s.ctx
        .assert_refused(ix, &[&owner], InferenceError::NothingToClaim, &watch);

    let ix = client::model_retire(owner.pubkey(), &MODEL_ID);
    s.ctx.send(&[ix], &[&owner]).expect("retire");
    let ix = client::model_close(owner.pubkey(), &MODEL_ID, owner.pubkey());
    s.ctx
        .assert_refused(ix, &[&owner], InferenceError::ModelHasEarnings, &watch);
    let destination = s.funds(&owner.pubkey());
    let ix = client::model_claim(owner.pubkey(), &MODEL_ID, Currency::Io, destination);
    s.ctx.send(&[ix], &[&owner]).expect("claim");
    let ix = client::model_close(owner.pubkey(), &MODEL_ID, owner.pubkey());
    s.ctx.send(&[ix], &[&owner]).expect("close");
    assert_eq!(s.ctx.data(&s.model), None);
    // What the vault still holds is the burn share, until a sweep burns it.
    assert_eq!(balance(&s.ctx, &client::io_vault_address()), 337);
    s.burn_sweep().expect("burn");
    assert_eq!(balance(&s.ctx, &client::io_vault_address()), 0);
}

/// A price that overflows the amount, and another account posing as the IO vault: refused by
/// name.
#[test]
fn refuses_an_overflowing_price_and_a_foreign_vault() {
    let mut s = scene(Currency::Iosd);
    let owner = s.owner.insecure_clone();
    let mut huge = terms(Currency::Iosd);
    huge.price_per_request = u64::MAX;
    let ix = client::model_update(owner.pubkey(), &MODEL_ID, huge);
    s.ctx.send(&[ix], &[&owner]).expect("update");
    let user = s.user.insecure_clone();
    let ix = client::inference_pay(user.pubkey(), s.payment(), 2, 0, u64::MAX);
    s.ctx
        .assert_refused(ix, &[&user], InferenceError::MathOverflow, &[s.model]);
    let mut ix = client::inference_pay(user.pubkey(), s.payment(), 1, 0, u64::MAX);
    let vault = client::io_vault_address();
    let meta = ix.accounts.iter_mut().find(|m| m.pubkey == vault).unwrap();
    meta.pubkey = s.ctx.treasury;
    s.ctx.assert_refused(
        ix,
        &[&user],
        InferenceError::ConfigAccountMismatch,
        &[s.model],
    );
}

/// A burn sweep names the config's IO vault, the IO mint and the program's stored spender:
/// anything else is refused by name, and nothing burns.
#[test]
fn refuses_bad_burn_sweeps() {
    let mut s = scene(Currency::Io);
    pay(&mut s, AMOUNT).expect("pay");
    let sweeper = s.ctx.funded_keypair();
    let mint = s.ctx.io_mint;
    let stray = s.ctx.token_account(&mint, &sweeper.pubkey());
    let watch = [client::config_address(), client::io_vault_address()];
    let swapped = |from: anchor_lang::prelude::Pubkey, to| {
        let mut ix = client::burn_sweep(sweeper.pubkey(), Currency::Io, mint);
        for meta in ix.accounts.iter_mut().filter(|m| m.pubkey == from) {
            meta.pubkey = to;
        }
        ix
    };
    let spender = io_client::iosd::spender_address(&client::ID);
    for (ix, error) in [
        (
            swapped(client::io_vault_address(), stray),
            InferenceError::ConfigAccountMismatch,
        ),
        (
            swapped(mint, s.ctx.iosd_mint),
            InferenceError::CurrencyMismatch,
        ),
        (
            swapped(spender, sweeper.pubkey()),
            InferenceError::SpenderMismatch,
        ),
    ] {
        s.ctx.assert_refused(ix, &[&sweeper], error, &watch);
    }
    assert_eq!(s.burn_accrued(), 337);
}
