//! Stake: deposit, unstake request into cooldown, withdrawal after it, with the clock warped.

use io_client::market as client;
use io_harness::{IO, Signer};
use market::error::MarketError;
use market::events::StakeChanged;

use crate::fixture::*;

const COOLDOWN: i64 = 14 * 86_400;

#[test]
fn deposit_unstake_and_withdraw_after_the_cooldown() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 5_000);
    let index = device(&mut ctx, &owner, H100, 8);
    let vault = client::stake_vault_address();

    let event: StakeChanged = deposit(&mut ctx, &owner, index, 3_000 * IO)
        .expect("deposit")
        .event(&client::ID);
    assert_eq!(balance(&ctx, &owner.io), 2_000 * IO);
    assert_eq!(balance(&ctx, &vault), 3_000 * IO);
    assert_eq!(
        (event.deposited_io_base, event.stake.staked),
        (3_000 * IO, 3_000 * IO)
    );
    assert_eq!(
        (event.required_stake_io_base, event.totals.staked_io_base),
        (2_400 * IO, 3_000 * IO)
    );
    let offer = client::device_set_available(owner.key.pubkey(), index, class(H100), true);
    ctx.send(&[offer], &[&owner.key]).expect("offer");

    // Below the requirement after the request: no longer offered.
    let ix = client::unstake_request(owner.key.pubkey(), index, class(H100), 1_000 * IO);
    let event: StakeChanged = ctx
        .send(&[ix], &[&owner.key])
        .expect("unstake")
        .event(&client::ID);
    let device = fetch_device(&ctx, &owner, index);
    assert_eq!(
        (device.stake.staked, device.stake.cooling),
        (2_000 * IO, 1_000 * IO)
    );
    assert_eq!(device.stake.cooldown_ends_at, ctx.now() + COOLDOWN);
    assert!(!device.available);
    assert_eq!(
        (event.requested_io_base, event.totals.cooling_io_base),
        (1_000 * IO, 1_000 * IO)
    );

    let withdraw = client::stake_withdraw(owner.key.pubkey(), index, class(H100), owner.io);
    let address = device_address(&owner, index);
    ctx.warp_by(COOLDOWN - 1);
    ctx.assert_refused(
        withdraw.clone(),
        &[&owner.key],
        MarketError::CooldownNotOver,
        &[address, vault],
    );
    ctx.warp_by(1);
    let event: StakeChanged = ctx
        .send(std::slice::from_ref(&withdraw), &[&owner.key])
        .expect("withdraw")
        .event(&client::ID);
    assert_eq!(event.withdrawn_io_base, 1_000 * IO);
    assert_eq!(balance(&ctx, &owner.io), 3_000 * IO);
    assert_eq!(balance(&ctx, &vault), 2_000 * IO);
    let stake = fetch_device(&ctx, &owner, index).stake;
    assert_eq!(
        (stake.cooling, stake.withdrawn, stake.deposited),
        (0, 1_000 * IO, 3_000 * IO)
    );
    assert_eq!(config(&ctx).stake.withdrawn_io_base, 1_000 * IO);
    ctx.assert_refused(
        withdraw,
        &[&owner.key],
        MarketError::NothingToWithdraw,
        &[address],
    );
}

/// A second request restarts the cooldown for everything cooling.
#[test]
fn a_new_request_restarts_the_cooldown() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 1_000);
    let index = device(&mut ctx, &owner, H100, 1);
    deposit(&mut ctx, &owner, index, 500 * IO).expect("deposit");
    let request = |amount| client::unstake_request(owner.key.pubkey(), index, class(H100), amount);
    ctx.send(&[request(100 * IO)], &[&owner.key])
        .expect("first");
    ctx.warp_by(COOLDOWN - 10);
    ctx.send(&[request(100 * IO)], &[&owner.key])
        .expect("second");
    ctx.warp_by(10);
    let withdraw = client::stake_withdraw(owner.key.pubkey(), index, class(H100), owner.io);
    ctx.assert_refused(
        withdraw,
        &[&owner.key],
        MarketError::CooldownNotOver,
        &[device_address(&owner, index)],
    );
}

#[test]
fn refuses_bad_amounts_accounts_open_leases_and_pauses() {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 1_000);
    let index = device(&mut ctx, &owner, H100, 1);
    let address = device_address(&owner, index);
    let vault = client::stake_vault_address();
    let watched = [address, vault, owner.io];
    let deposit_ix =
        |amount| client::stake_deposit(owner.key.pubkey(), index, class(H100), owner.io, amount);
    ctx.assert_refused(
        deposit_ix(0),
        &[&owner.key],
        MarketError::ZeroAmount,
        &watched,
    );

    let authority = ctx.mint_authority.pubkey();
    let other_mint = ctx.create_mint(8, &authority);
    let wrong = ctx.token_account(&other_mint, &owner.key.pubkey());
    let ix = client::stake_deposit(owner.key.pubkey(), index, class(H100), wrong, IO);
    ctx.assert_refused(ix, &[&owner.key], MarketError::IoMintMismatch, &watched);
    let mut ix = deposit_ix(IO);
    ix.accounts[6].pubkey = client::slash_escrow_address();
    ctx.assert_refused(
        ix,
        &[&owner.key],
        MarketError::ConfigAccountMismatch,
        &watched,
    );

    deposit(&mut ctx, &owner, index, 300 * IO).expect("deposit");
    let request = |amount| client::unstake_request(owner.key.pubkey(), index, class(H100), amount);
    ctx.assert_refused(request(0), &[&owner.key], MarketError::ZeroAmount, &watched);
    ctx.assert_refused(
        request(300 * IO + 1),
        &[&owner.key],
        MarketError::InsufficientStake,
        &watched,
    );
    set_open_leases(&mut ctx, &owner, index, 1);
    ctx.assert_refused(
        request(IO),
        &[&owner.key],
        MarketError::DeviceHasOpenLeases,
        &watched,
    );
    set_open_leases(&mut ctx, &owner, index, 0);

    let guardian = ctx.guardian.insecure_clone();
    let pause = client::guardian_pause(guardian.pubkey(), client::PauseClass::Staking, 1);
    ctx.send(&[pause], &[&guardian]).expect("pause");
    ctx.assert_refused(deposit_ix(IO), &[&owner.key], MarketError::Paused, &watched);
    ctx.assert_refused(request(IO), &[&owner.key], MarketError::Paused, &watched);
    ctx.warp_by(3_600);
    ctx.send(&[request(IO)], &[&owner.key])
        .expect("the pause has expired");
}
