//! `solvency_refresh`: permissionless recomputation of the solvency state.

use io_client::iosd as client;
use io_harness::prices::io_usd;
use iosd::error::IosdError;
use iosd::events::SolvencyRefreshed;
use iosd::state::SolvencyState;

use crate::fixture::*;

/// Healthy → warning → mint halted as the EMA falls, each reported with the post-state.
#[test]
fn follows_the_collateral_ratio() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    mint_io(&mut ctx, &user, 100);
    for (usd_e8, state, ratio) in [
        (250_000_000, SolvencyState::Healthy, 10_080),
        (235_000_000, SolvencyState::Warning, 9_475),
        (220_000_000, SolvencyState::MintHalted, 8_870),
    ] {
        let price = ctx.io_price_now(usd_e8, CONF_E8);
        let executed = ctx
            .send(&[client::solvency_refresh(price)], &[])
            .expect("refresh");
        let event: SolvencyRefreshed = executed.event(&client::ID);
        assert_eq!((event.state, event.ratio_bps), (state, ratio));
        assert_eq!(event.ema_pico_usd, u128::try_from(usd_e8).unwrap() * 10_000);
        assert_eq!(event.supply_micros, 248 * io_harness::IOSD);
        assert_eq!(event.vault_io_base, 100 * io_harness::IO);
        let config = config(&ctx);
        assert_eq!(
            (config.solvency.state, config.revision),
            (state, event.revision)
        );
    }
}

/// A stale price is refused until the halt delay has passed, then records the oracle halt.
#[test]
fn a_stale_price_halts_only_after_the_delay() {
    let mut ctx = deployment();
    let user = user(&mut ctx, 1_000);
    mint_io(&mut ctx, &user, 100);
    let published = ctx.now();
    ctx.warp_by(300);
    let stale = ctx.new_price(io_usd(PRICE_E8, CONF_E8, published));
    refused(
        &mut ctx,
        client::solvency_refresh(stale),
        &[],
        IosdError::PriceStale,
        &money_accounts(&[]),
    );
    ctx.warp_by(301);
    let event: SolvencyRefreshed = ctx
        .send(&[client::solvency_refresh(stale)], &[])
        .expect("refresh")
        .event(&client::ID);
    assert_eq!(event.state, SolvencyState::OracleHalted);
    assert_eq!(event.last_price_publish_time, published);
}

#[test]
fn refuses_another_feed() {
    let mut ctx = deployment();
    let mut message = io_usd(PRICE_E8, CONF_E8, ctx.now());
    message.feed_id = [1; 32];
    let price = ctx.new_price(message);
    refused(
        &mut ctx,
        client::solvency_refresh(price),
        &[],
        IosdError::PriceWrongFeed,
        &money_accounts(&[]),
    );
}
