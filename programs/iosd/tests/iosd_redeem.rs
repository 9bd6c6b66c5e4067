//! `iosd_redeem`: at the redeem price when fully backed, in kind under 1.0 or in an oracle halt, a
//! stale price refused before the halt delay, and every refusal named and without effect.

use io_client::iosd as client;
use io_harness::prices::io_usd;
use io_harness::{IO, IOSD, Signer};
use iosd::error::IosdError;
use iosd::events::IosdRedeemed;
use iosd::state::SolvencyState;

use crate::fixture::*;

/// A provider holding 248 IOSD backed by 100 IO (minted at $2.50 ± $0.01).
fn minted() -> (io_harness::TestContext, User) {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    mint_io(&mut ctx, &user, 100);
    (ctx, user)
}

/// Fully backed: 124 IOSD at the redeem price $2.52 (max + k·conf) pays ⌊124 / 2.52⌋ IO.
#[test]
fn pays_at_the_redeem_price_when_fully_backed() {
    let (mut ctx, user) = minted();
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let ix = client::iosd_redeem(user.key.pubkey(), user.io, price, 124 * IOSD, 0);
    let executed = ctx.send(&[ix], &[&user.key]).expect("redeem");

    let io_out = 4_920_634_920;
    assert_eq!(balance(&ctx, &user.io), 900 * IO + io_out);
    assert_eq!(
        balance(&ctx, &client::io_vault_address()),
        100 * IO - io_out
    );
    assert_eq!(balance(&ctx, &user.holder), 124 * IOSD);
    assert_eq!(ctx.mint_supply(&client::iosd_mint_address()), 124 * IOSD);
    assert!(frozen(&ctx, &user.holder));
    let config = config(&ctx);
    assert_eq!(config.totals.burned_iosd_micros, 124 * IOSD);
    assert_eq!(config.totals.redeemed_io_base, io_out);
    let event: IosdRedeemed = executed.event(&client::ID);
    assert_eq!(
        (event.iosd_in_micros, event.io_out_base),
        (124 * IOSD, io_out)
    );
    assert!(!event.in_kind);
    assert_eq!(event.price_pico_usd, 2_520_000_000_000);
    assert_eq!(
        (
            event.holder_balance_micros,
            event.supply_micros,
            event.vault_io_base
        ),
        (124 * IOSD, 124 * IOSD, 100 * IO - io_out)
    );
    assert_eq!(event.state, SolvencyState::Healthy);
    assert_eq!(event.revision, config.revision);
}

/// Under 1.0 collateral (EMA $2.40: 0.97) redemption pays in kind: 124 of 248 IOSD takes half
/// the vault, 50 IO, whatever the price.
#[test]
fn pays_in_kind_under_full_collateral() {
    let (mut ctx, user) = minted();
    let price = ctx.io_price_now(240_000_000, CONF_E8);
    let ix = client::iosd_redeem(user.key.pubkey(), user.io, price, 124 * IOSD, 0);
    let event: IosdRedeemed = ctx
        .send(&[ix], &[&user.key])
        .expect("redeem")
        .event(&client::ID);
    assert!(event.in_kind);
    assert_eq!(event.io_out_base, 50 * IO);
    assert_eq!(event.price_pico_usd, 0);
    // What is left is exactly as backed as before: 50 IO for 124 IOSD, 0.97 (still healthy:
    // the warning state starts below 0.95).
    assert_eq!(event.state, SolvencyState::Healthy);
    assert_eq!(event.ratio_bps, 9_677);
    assert_eq!(balance(&ctx, &client::io_vault_address()), 50 * IO);
}

/// With no usable price for longer than the halt delay (600 s), redemption works with the stale
/// update and records the oracle halt; it pays the smaller of in kind and the last recorded
/// redeem price: over-collateralised ($2.50 backs 248 IOSD at 1.008), the recorded $2.52 pays
/// less than in kind; after IO fell to $2.00 (0.81), in kind pays less. A fresh price later
/// lifts the halt.
#[test]
fn an_oracle_halt_pays_the_smaller_of_in_kind_and_the_last_price() {
    let (mut ctx, user) = minted();
    let published = ctx.now();
    ctx.warp_by(601);
    let stale = ctx.new_price(io_usd(PRICE_E8, CONF_E8, published));
    let ix = client::iosd_redeem(user.key.pubkey(), user.io, stale, 62 * IOSD, 0);
    let event: IosdRedeemed = ctx
        .send(&[ix], &[&user.key])
        .expect("redeem")
        .event(&client::ID);
    // ⌊62 / 2.52⌋ IO, below in kind's 62 × 100 / 248 = 25 IO.
    assert!(!event.in_kind);
    assert_eq!(
        (event.io_out_base, event.price_pico_usd),
        (2_460_317_460, 2_520_000_000_000)
    );
    assert_eq!(event.state, SolvencyState::OracleHalted);
    assert_eq!(config(&ctx).solvency.state, SolvencyState::OracleHalted);

    let fresh = ctx.io_price_now(PRICE_E8, CONF_E8);
    ctx.send(&[client::solvency_refresh(fresh)], &[])
        .expect("refresh");
    assert_eq!(config(&ctx).solvency.state, SolvencyState::Healthy);

    // IO falls to $2.00: the last recorded price is now $2.02, and the vault backs 0.81.
    let fell = ctx.io_price_now(200_000_000, CONF_E8);
    ctx.send(&[client::solvency_refresh(fell)], &[])
        .expect("refresh at $2.00");
    let published = ctx.now();
    ctx.warp_by(601);
    let stale = ctx.new_price(io_usd(200_000_000, CONF_E8, published));
    let (vault, supply) = (
        balance(&ctx, &client::io_vault_address()),
        ctx.mint_supply(&client::iosd_mint_address()),
    );
    let ix = client::iosd_redeem(user.key.pubkey(), user.io, stale, 62 * IOSD, 0);
    let event: IosdRedeemed = ctx
        .send(&[ix], &[&user.key])
        .expect("redeem in kind")
        .event(&client::ID);
    assert!(event.in_kind);
    assert_eq!(
        (event.io_out_base, event.price_pico_usd),
        (
            u64::try_from(u128::from(62 * IOSD) * u128::from(vault) / u128::from(supply)).unwrap(),
            0
        )
    );
}

/// A stale update while the oracle is alive is refused, so nobody can force the in-kind path
/// (which pays more when over-collateralised) with an old price.
#[test]
fn refuses_a_stale_price_before_the_halt_delay() {
    let (mut ctx, user) = minted();
    let published = ctx.now();
    ctx.warp_by(120);
    let stale = ctx.new_price(io_usd(PRICE_E8, CONF_E8, published));
    let ix = client::iosd_redeem(user.key.pubkey(), user.io, stale, 62 * IOSD, 0);
    let watched = money_accounts(&[user.io, user.holder]);
    refused(&mut ctx, ix, &[&user.key], IosdError::PriceStale, &watched);
}

#[test]
fn refuses_bad_amounts_and_accounts() {
    let (mut ctx, user) = minted();
    let other = self::user(&mut ctx, 10);
    mint_io(&mut ctx, &other, 1);
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let watched = money_accounts(&[user.io, user.holder, other.holder]);
    let owner = user.key.pubkey();

    let ix = client::iosd_redeem(owner, user.io, price, 0, 0);
    refused(&mut ctx, ix, &[&user.key], IosdError::ZeroAmount, &watched);
    let ix = client::iosd_redeem(owner, user.io, price, 248 * IOSD + 1, 0);
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::InsufficientIosd,
        &watched,
    );
    let ix = client::iosd_redeem(owner, user.io, price, 124 * IOSD, 4_920_634_921);
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::SlippageExceeded,
        &watched,
    );

    let mut ix = client::iosd_redeem(owner, user.io, price, IOSD, 0);
    ix.accounts[3].pubkey = other.holder;
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::HolderOwnerMismatch,
        &watched,
    );

    let authority = ctx.mint_authority.pubkey();
    let other_mint = ctx.create_mint(8, &authority);
    let wrong = ctx.token_account(&other_mint, &owner);
    let ix = client::iosd_redeem(owner, wrong, price, IOSD, 0);
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::IoMintMismatch,
        &watched,
    );

    // At $200 per IO one micro-IOSD is half an IO base unit: nothing to pay.
    let dear = ctx.io_price_now(20_000_000_000, CONF_E8);
    let ix = client::iosd_redeem(owner, user.io, dear, 1, 0);
    refused(
        &mut ctx,
        ix,
        &[&user.key],
        IosdError::AmountTooSmall,
        &watched,
    );
}

/// Review finding High 2: the oracle halt means "nobody used a price here for a while", not
/// "no price exists", so the redeemer must not be able to choose the in-kind path with an old
/// genuine update. IO rose to $3.75 (the vault backs 1.5× the supply); 100 IOSD redeemed at that
/// fresh price; after 601 s without a mint, redemption or refresh, the same 100 IOSD redeemed
/// with the now old update pay no more than at the last recorded price.
#[test]
fn an_old_price_never_pays_more_than_the_last_recorded_one() {
    let (mut ctx, user) = minted();
    let risen = ctx.io_price_now(375_000_000, CONF_E8);
    let ix = client::iosd_redeem(user.key.pubkey(), user.io, risen, 100 * IOSD, 0);
    let at_price: IosdRedeemed = ctx
        .send(&[ix], &[&user.key])
        .expect("redeem at the fresh price")
        .event(&client::ID);
    assert!(!at_price.in_kind);

    ctx.warp_by(601);
    let ix = client::iosd_redeem(user.key.pubkey(), user.io, risen, 100 * IOSD, 0);
    let halted: IosdRedeemed = ctx
        .send(&[ix], &[&user.key])
        .expect("redeem in the oracle halt")
        .event(&client::ID);
    assert!(
        halted.io_out_base <= at_price.io_out_base,
        "the halt paid {} for what the last price paid {}",
        halted.io_out_base,
        at_price.io_out_base
    );
    assert_eq!(halted.state, SolvencyState::OracleHalted);
}

/// Review of the hardening, L3: refreshing with an older update (still within the maximum age)
/// never rolls back the recorded redeem price an oracle halt pays at.
#[test]
fn an_older_update_never_rolls_back_the_recorded_price() {
    let (mut ctx, _user) = minted();
    let published = ctx.now();
    let older = ctx.new_price(io_usd(200_000_000, CONF_E8, published - 30));
    let newer = ctx.new_price(io_usd(300_000_000, CONF_E8, published));
    ctx.send(&[client::solvency_refresh(newer)], &[])
        .expect("the newer price");
    let recorded = config(&ctx).solvency.redeem_price_pico_usd;
    assert_eq!(recorded, 3_020_000_000_000);
    ctx.send(&[client::solvency_refresh(older)], &[])
        .expect("an older price, still fresh");
    assert_eq!(config(&ctx).solvency.redeem_price_pico_usd, recorded);
}
