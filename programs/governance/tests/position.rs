//! Positions: lock IO for voting power, extend, withdraw after the end; every refusal by name
//! and without effect.

use governance::error::GovernanceError;
use governance::events::PositionChanged;
use io_client::governance as client;
use io_harness::{IO, Signer};

use crate::fixture::*;

#[test]
fn power_grows_with_the_lockup_and_decays_to_the_amount() {
    let mut ctx = deployment();
    let holder = holder(&mut ctx, 2_000_000);
    // Four years (the saturation) at 4×: 4M of power for 1M IO.
    let event: PositionChanged = open_position(&mut ctx, &holder, 0, 1_000_000 * IO, 4 * YEAR)
        .expect("open")
        .event(&client::ID);
    assert_eq!(event.power, 4_000_000 * IO);
    assert_eq!(
        (event.amount, event.locked_total),
        (1_000_000 * IO, 1_000_000 * IO)
    );
    // One year: 1 + 3 × 1/4 = 1.75×.
    let event: PositionChanged = open_position(&mut ctx, &holder, 1, 1_000_000 * IO, YEAR)
        .expect("open")
        .event(&client::ID);
    assert_eq!(event.power, 1_750_000 * IO);
    assert_eq!(event.locked_total, 2_000_000 * IO);
    let vault = client::vault_address();
    let balance = |ctx: &io_harness::TestContext, account| {
        use solana_program_pack::Pack;
        spl_token_interface::state::Account::unpack(&ctx.data(account).unwrap())
            .unwrap()
            .amount
    };
    assert_eq!(balance(&ctx, &vault), 2_000_000 * IO);
    assert_eq!(balance(&ctx, &holder.io), 0);
    let cfg = config(&ctx);
    assert_eq!((cfg.locked_total, cfg.positions_open), (2_000_000 * IO, 2));

    // Half a year later: 1 + 3 × 0.5/4 = 1.375×; at the end, 1×.
    ctx.warp_by(YEAR / 2);
    let params = cfg.params;
    let now = ctx.now();
    assert_eq!(
        position(&ctx, &holder, 1).power(now, &params).unwrap(),
        1_375_000 * IO
    );
    ctx.warp_by(YEAR);
    let now = ctx.now();
    assert_eq!(
        position(&ctx, &holder, 1).power(now, &params).unwrap(),
        1_000_000 * IO
    );
}

#[test]
fn a_lockup_extends_but_never_shortens() {
    let mut ctx = deployment();
    let holder = holder(&mut ctx, 1_000);
    open_position(&mut ctx, &holder, 0, 1_000 * IO, YEAR).expect("open");
    let address = client::position_address(&holder.key.pubkey(), 0);
    let end = position(&ctx, &holder, 0).lockup_end;
    let key = holder.key.insecure_clone();
    let ix = client::position_extend(key.pubkey(), 0, end + YEAR);
    let event: PositionChanged = ctx.send(&[ix], &[&key]).expect("extend").event(&client::ID);
    assert_eq!(event.lockup_end, end + YEAR);
    assert_eq!(event.power, 1_000 * IO + 3 * 1_000 * IO / 2);
    let ix = client::position_extend(key.pubkey(), 0, end + YEAR - 1);
    ctx.assert_refused(ix, &[&key], GovernanceError::LockupShortened, &[address]);
    let ix = client::position_extend(key.pubkey(), 0, ctx.now() + 4 * YEAR + 1);
    ctx.assert_refused(ix, &[&key], GovernanceError::LockupOutOfRange, &[address]);
    let stranger = ctx.funded_keypair();
    let mut ix = client::position_extend(stranger.pubkey(), 0, end + 2 * YEAR);
    ix.accounts[2].pubkey = address;
    ctx.assert_refused(
        ix,
        &[&stranger],
        GovernanceError::NotPositionOwner,
        &[address],
    );
}

#[test]
fn tokens_return_after_the_lockup_end() {
    let mut ctx = deployment();
    let holder = holder(&mut ctx, 1_000);
    open_position(&mut ctx, &holder, 0, 1_000 * IO, 30 * DAY).expect("open");
    let address = client::position_address(&holder.key.pubkey(), 0);
    let key = holder.key.insecure_clone();
    let withdraw = client::position_withdraw(key.pubkey(), holder.io, 0);
    ctx.warp_by(30 * DAY - 1);
    ctx.assert_refused(
        withdraw.clone(),
        &[&key],
        GovernanceError::LockupNotEnded,
        &[address, client::vault_address()],
    );
    ctx.warp_by(1);
    let rent = ctx.lamports(&address);
    let before = ctx.lamports(&key.pubkey());
    let event: PositionChanged = ctx
        .send(&[withdraw], &[&key])
        .expect("withdraw")
        .event(&client::ID);
    assert!(event.closed);
    assert_eq!((event.power, event.locked_total), (0, 0));
    assert_eq!(ctx.data(&address), None);
    assert_eq!(ctx.lamports(&key.pubkey()), before + rent);
    let cfg = config(&ctx);
    assert_eq!((cfg.locked_total, cfg.positions_open), (0, 0));
}

#[test]
fn refuses_bad_positions() {
    let mut ctx = deployment();
    let holder = holder(&mut ctx, 1_000);
    let key = holder.key.insecure_clone();
    let address = client::position_address(&key.pubkey(), 0);
    let watched = [address, client::vault_address(), client::config_address()];
    let now = ctx.now();
    let cases = [
        (0, now + YEAR, GovernanceError::ZeroAmount),
        (IO, now, GovernanceError::LockupOutOfRange),
        (IO, now + 4 * YEAR + 1, GovernanceError::LockupOutOfRange),
    ];
    for (amount, end, error) in cases {
        let ix = client::position_open(key.pubkey(), holder.io, 0, amount, end);
        ctx.assert_refused(ix, &[&key], error, &watched);
    }
    // IO of another mint.
    let authority = ctx.mint_authority.pubkey();
    let other = ctx.create_mint(8, &authority);
    let other_account = ctx.token_account(&other, &key.pubkey());
    let ix = client::position_open(key.pubkey(), other_account, 0, IO, now + YEAR);
    ctx.assert_refused(ix, &[&key], GovernanceError::IoMintMismatch, &watched);
    open_position(&mut ctx, &holder, 0, IO, YEAR).expect("open");
    let ix = client::position_open(key.pubkey(), holder.io, 0, IO, now + YEAR);
    ctx.assert_refused(ix, &[&key], GovernanceError::AlreadyInitialized, &[address]);
}
