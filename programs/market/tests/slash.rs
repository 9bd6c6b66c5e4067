//! Slashing with appeal: open (capped, staked then cooling), uphold, reverse, finalise at the
//! deadline; every refusal by name.

use anchor_lang::prelude::Pubkey;
use io_client::market as client;
use io_harness::{IO, Signer, TestContext};
use market::error::MarketError;
use market::events::{SlashDecided, SlashOpened};

use crate::fixture::*;

const EVIDENCE: [u8; 32] = [0xE7; 32];
const APPEAL: i64 = 7 * 86_400;

/// A device with 1000 IO staked and 1000 IO cooling; the cap (10 %) is 200 IO.
fn staked_device() -> (TestContext, Owner, Pubkey, io_harness::Keypair) {
    let mut ctx = deployment();
    let owner = provider(&mut ctx, 2_000);
    let index = device(&mut ctx, &owner, H100, 1);
    deposit(&mut ctx, &owner, index, 2_000 * IO).expect("deposit");
    let ix = client::unstake_request(owner.key.pubkey(), index, class(H100), 1_000 * IO);
    ctx.send(&[ix], &[&owner.key]).expect("unstake");
    let slasher = slasher(&mut ctx);
    let device = device_address(&owner, index);
    (ctx, owner, device, slasher)
}

fn open(
    ctx: &mut TestContext,
    slasher: &io_harness::Keypair,
    device: Pubkey,
    amount: u64,
) -> SlashOpened {
    let ix = client::slash_open(slasher.pubkey(), device, 0, amount, EVIDENCE);
    ctx.send(&[ix], &[slasher])
        .expect("slash opened")
        .event(&client::ID)
}

#[test]
fn a_slash_moves_capped_stake_into_escrow() {
    let (mut ctx, owner, device, slasher) = staked_device();
    let event = open(&mut ctx, &slasher, device, 200 * IO);
    assert_eq!(balance(&ctx, &client::slash_escrow_address()), 200 * IO);
    assert_eq!(balance(&ctx, &client::stake_vault_address()), 1_800 * IO);
    let stake = fetch_device(&ctx, &owner, 0).stake;
    assert_eq!(
        (stake.staked, stake.cooling, stake.escrowed),
        (800 * IO, 1_000 * IO, 200 * IO)
    );
    assert_eq!(
        (event.amount_io_base, event.evidence_hash),
        (200 * IO, EVIDENCE)
    );
    assert_eq!(event.deadline, ctx.now() + APPEAL);
    assert_eq!(event.totals.escrowed_io_base, 200 * IO);
    let slash: client::Slash = ctx.fetch(&client::slash_address(&device, 0));
    assert_eq!(
        (slash.slasher, slash.amount_io_base, slash.nonce),
        (slasher.pubkey(), 200 * IO, 0)
    );
    assert!(fetch_device(&ctx, &owner, 0).slash_open);
}

/// Stake in cooldown stays slashable: with nothing staked the slash takes from cooling.
#[test]
fn cooling_stake_stays_slashable() {
    let (mut ctx, owner, device, slasher) = staked_device();
    let ix = client::unstake_request(owner.key.pubkey(), 0, class(H100), 1_000 * IO);
    ctx.send(&[ix], &[&owner.key]).expect("unstake the rest");
    open(&mut ctx, &slasher, device, 200 * IO);
    let stake = fetch_device(&ctx, &owner, 0).stake;
    assert_eq!(
        (stake.staked, stake.cooling, stake.escrowed),
        (0, 1_800 * IO, 200 * IO)
    );
}

#[test]
fn upheld_goes_to_the_treasury_and_the_slasher_gets_its_rent() {
    let (mut ctx, owner, device, slasher) = staked_device();
    open(&mut ctx, &slasher, device, 150 * IO);
    let slash = client::slash_address(&device, 0);
    let rent = ctx.lamports(&slash);
    let before = ctx.lamports(&slasher.pubkey());
    let authority = ctx.authority.insecure_clone();
    let treasury = ctx.treasury;
    let ix = client::slash_uphold(authority.pubkey(), device, 0, slasher.pubkey(), treasury);
    let event: SlashDecided = ctx
        .send(&[ix], &[&authority])
        .expect("uphold")
        .event(&client::ID);
    assert!(event.upheld && !event.by_default);
    assert_eq!(balance(&ctx, &treasury), 150 * IO);
    assert_eq!(balance(&ctx, &client::slash_escrow_address()), 0);
    let stake = fetch_device(&ctx, &owner, 0).stake;
    assert_eq!((stake.escrowed, stake.slashed), (0, 150 * IO));
    assert_eq!(ctx.data(&slash), None);
    assert_eq!(ctx.lamports(&slasher.pubkey()), before + rent);
    assert_eq!(config(&ctx).stake.slashed_io_base, 150 * IO);
    assert!(!fetch_device(&ctx, &owner, 0).slash_open);
}

#[test]
fn reversed_returns_to_the_stake() {
    let (mut ctx, owner, device, slasher) = staked_device();
    open(&mut ctx, &slasher, device, 150 * IO);
    let authority = ctx.authority.insecure_clone();
    let treasury = ctx.treasury;
    let ix = client::slash_reverse(authority.pubkey(), device, 0, slasher.pubkey(), treasury);
    let event: SlashDecided = ctx
        .send(&[ix], &[&authority])
        .expect("reverse")
        .event(&client::ID);
    assert!(!event.upheld);
    assert_eq!(balance(&ctx, &client::stake_vault_address()), 2_000 * IO);
    assert_eq!(balance(&ctx, &treasury), 0);
    let stake = fetch_device(&ctx, &owner, 0).stake;
    assert_eq!(
        (stake.staked, stake.escrowed, stake.slashed),
        (1_000 * IO, 0, 0)
    );
}

/// Anyone finalises after the deadline, and the default outcome is upheld.
#[test]
fn the_deadline_upholds_by_default() {
    let (mut ctx, _owner, device, slasher) = staked_device();
    open(&mut ctx, &slasher, device, 100 * IO);
    let anyone = ctx.funded_keypair();
    let treasury = ctx.treasury;
    let ix = client::slash_finalize(anyone.pubkey(), device, 0, slasher.pubkey(), treasury);
    let slash = client::slash_address(&device, 0);
    ctx.warp_by(APPEAL);
    ctx.assert_refused(
        ix.clone(),
        &[&anyone],
        MarketError::AppealWindowOpen,
        &[slash, device],
    );
    ctx.warp_by(1);
    let event: SlashDecided = ctx
        .send(&[ix], &[&anyone])
        .expect("finalise")
        .event(&client::ID);
    assert!(event.upheld && event.by_default);
    assert_eq!(balance(&ctx, &treasury), 100 * IO);
}

#[test]
fn refuses_strangers_amounts_above_the_cap_and_a_second_open_slash() {
    let (mut ctx, _owner, device, slasher) = staked_device();
    let watched = [
        device,
        client::stake_vault_address(),
        client::slash_escrow_address(),
    ];
    let stranger = ctx.funded_keypair();
    let ix = client::slash_open(stranger.pubkey(), device, 0, IO, EVIDENCE);
    ctx.assert_refused(ix, &[&stranger], MarketError::NotSlasher, &watched);
    let ix = client::slash_open(slasher.pubkey(), device, 0, 0, EVIDENCE);
    ctx.assert_refused(ix, &[&slasher], MarketError::ZeroAmount, &watched);
    let ix = client::slash_open(slasher.pubkey(), device, 0, 200 * IO + 1, EVIDENCE);
    ctx.assert_refused(ix, &[&slasher], MarketError::SlashAboveCap, &watched);

    open(&mut ctx, &slasher, device, 200 * IO);
    let ix = client::slash_open(slasher.pubkey(), device, 1, IO, EVIDENCE);
    ctx.assert_refused(ix, &[&slasher], MarketError::SlashAlreadyOpen, &watched);

    let treasury = ctx.treasury;
    let slash = client::slash_address(&device, 0);
    for ix in [
        client::slash_uphold(stranger.pubkey(), device, 0, slasher.pubkey(), treasury),
        client::slash_reverse(stranger.pubkey(), device, 0, slasher.pubkey(), treasury),
    ] {
        ctx.assert_refused(
            ix,
            &[&stranger],
            MarketError::NotAuthority,
            &[slash, device],
        );
    }
    let authority = ctx.authority.insecure_clone();
    let ix = client::slash_uphold(authority.pubkey(), device, 0, stranger.pubkey(), treasury);
    ctx.assert_refused(
        ix,
        &[&authority],
        MarketError::ConfigAccountMismatch,
        &[slash, device],
    );
    let other = ctx.token_account(&ctx.io_mint.clone(), &stranger.pubkey());
    let ix = client::slash_uphold(authority.pubkey(), device, 0, slasher.pubkey(), other);
    ctx.assert_refused(
        ix,
        &[&authority],
        MarketError::ConfigAccountMismatch,
        &[slash, device],
    );

    // The slashing class paused by the guardian.
    let guardian = ctx.guardian.insecure_clone();
    let pause = client::guardian_pause(guardian.pubkey(), client::PauseClass::Slashing, 2);
    ctx.send(&[pause], &[&guardian]).expect("pause");
    let ix = client::slash_reverse(authority.pubkey(), device, 0, slasher.pubkey(), treasury);
    ctx.send(&[ix], &[&authority])
        .expect("decisions are not paused");
    let ix = client::slash_open(slasher.pubkey(), device, 1, IO, EVIDENCE);
    ctx.assert_refused(ix, &[&slasher], MarketError::Paused, &watched);
}
