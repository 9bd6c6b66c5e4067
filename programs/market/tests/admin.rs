//! The authority's and the guardian's instructions: parameters, two-step roles, key sets,
//! pauses.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::market as client;
use io_harness::Signer;
use market::error::MarketError;
use market::events::{KeySetChanged, ParamsUpdated, PauseChanged, RoleAccepted, RoleProposed};
use market::{KeySet, Pause, PauseClass, Role};

use crate::fixture::*;

fn config_only() -> [Pubkey; 1] {
    [client::config_address()]
}

#[test]
fn the_authority_sets_parameters_within_range() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let mut params = io_client::defaults::MARKET_PARAMS;
    params.reservation_fee_bps = 30;
    let event: ParamsUpdated = ctx
        .send(
            &[client::params_set(authority.pubkey(), params)],
            &[&authority],
        )
        .expect("params_set")
        .event(&client::ID);
    assert_eq!(config(&ctx).params, params);
    assert_eq!(event.params, params);
    let stranger = ctx.funded_keypair();
    let ix = client::params_set(stranger.pubkey(), params);
    ctx.assert_refused(ix, &[&stranger], MarketError::NotAuthority, &config_only());
    params.provider_fee_bps = 10_001;
    let ix = client::params_set(authority.pubkey(), params);
    ctx.assert_refused(
        ix,
        &[&authority],
        MarketError::FeeAboveMaximum,
        &config_only(),
    );
}

/// The shared role and pause rules (`io_harness::admin_suite`) for the market, with
/// registration as the paused class.
pub struct MarketAdmin;

impl io_harness::admin_suite::RoleSpec for MarketAdmin {
    fn deployment() -> io_harness::TestContext {
        deployment()
    }
    fn config_address() -> Pubkey {
        client::config_address()
    }
    fn roles(ctx: &io_harness::TestContext) -> [Pubkey; 4] {
        let c = config(ctx);
        [
            c.authority,
            c.pending_authority,
            c.guardian,
            c.pending_guardian,
        ]
    }
    fn role_propose(authority: Pubkey, role: Role, pending: Pubkey) -> Instruction {
        client::role_propose(authority, role, pending)
    }
    fn role_accept(pending: Pubkey, role: Role) -> Instruction {
        client::role_accept(pending, role)
    }
    fn authority_only(_ctx: &io_harness::TestContext, authority: Pubkey) -> Instruction {
        client::params_set(authority, io_client::defaults::MARKET_PARAMS)
    }
    const NOT_AUTHORITY: u32 = MarketError::NotAuthority as u32 + 6_000;
    const NOT_PENDING_ROLE: u32 = MarketError::NotPendingRole as u32 + 6_000;
}

impl io_harness::admin_suite::PauseSpec for MarketAdmin {
    fn guardian_pause(guardian: Pubkey, hours: u32) -> Instruction {
        client::guardian_pause(guardian, PauseClass::Registration, hours)
    }
    fn pause_set(authority: Pubkey, paused_until: i64) -> Instruction {
        client::pause_set(authority, PauseClass::Registration, paused_until)
    }
    fn pause(ctx: &io_harness::TestContext) -> Pause {
        config(ctx).pauses[PauseClass::Registration.index()]
    }
    fn paused_class_action(ctx: &mut io_harness::TestContext) -> io_harness::Outcome {
        let key = ctx.funded_keypair();
        let mint = ctx.io_mint;
        let io = ctx.token_account(&mint, &key.pubkey());
        let ix = client::provider_register(key.pubkey(), io, key.pubkey());
        ctx.send(&[ix], &[&key])
    }
    const MAX_HOURS: u32 = io_client::defaults::MARKET_PARAMS.max_pause_hours;
    const NOT_GUARDIAN: u32 = MarketError::NotGuardian as u32 + 6_000;
    const PAUSE_TOO_LONG: u32 = MarketError::PauseTooLong as u32 + 6_000;
    const PAUSE_ACTIVE: u32 = MarketError::PauseActive as u32 + 6_000;
    const COOLING_DOWN: u32 = MarketError::GuardianCoolingDown as u32 + 6_000;
    const PAUSED: u32 = MarketError::Paused as u32 + 6_000;
}

io_harness::role_tests!(MarketAdmin);
io_harness::pause_tests!(MarketAdmin);

/// A role change reports the state it leaves.
#[test]
fn role_events_report_the_new_state() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let next = ctx.funded_keypair();
    let proposed: RoleProposed = ctx
        .send(
            &[client::role_propose(
                authority.pubkey(),
                Role::Guardian,
                next.pubkey(),
            )],
            &[&authority],
        )
        .expect("propose")
        .event(&client::ID);
    assert_eq!(
        (proposed.role, proposed.current, proposed.pending),
        (Role::Guardian, ctx.guardian.pubkey(), next.pubkey())
    );
    let accepted: RoleAccepted = ctx
        .send(
            &[client::role_accept(next.pubkey(), Role::Guardian)],
            &[&next],
        )
        .expect("accept")
        .event(&client::ID);
    assert_eq!(
        (accepted.previous, accepted.current, accepted.revision),
        (ctx.guardian.pubkey(), next.pubkey(), config(&ctx).revision)
    );
}

#[test]
fn key_sets_are_bounded_and_dense() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let keys: Vec<Pubkey> = (0..8).map(|_| Pubkey::new_unique()).collect();
    for (i, key) in keys.iter().enumerate() {
        let event: KeySetChanged = ctx
            .send(
                &[client::key_set_add(
                    authority.pubkey(),
                    KeySet::Settlers,
                    *key,
                )],
                &[&authority],
            )
            .expect("add")
            .event(&client::ID);
        assert_eq!((event.added, usize::from(event.count)), (true, i + 1));
    }
    let add = |key| client::key_set_add(authority.pubkey(), KeySet::Settlers, key);
    ctx.assert_refused(
        add(keys[0]),
        &[&authority],
        MarketError::KeyAlreadyInSet,
        &config_only(),
    );
    ctx.assert_refused(
        add(Pubkey::new_unique()),
        &[&authority],
        MarketError::KeySetFull,
        &config_only(),
    );
    let event: KeySetChanged = ctx
        .send(
            &[client::key_set_remove(
                authority.pubkey(),
                KeySet::Settlers,
                keys[1],
            )],
            &[&authority],
        )
        .expect("remove")
        .event(&client::ID);
    assert_eq!((event.added, event.count), (false, 7));
    let config = config(&ctx);
    assert!(!config.keys(KeySet::Settlers).contains(&keys[1]));
    assert!(config.invariant().is_ok());
    let ix = client::key_set_remove(authority.pubkey(), KeySet::Slashers, keys[0]);
    ctx.assert_refused(ix, &[&authority], MarketError::KeyNotInSet, &config_only());
    let stranger = ctx.funded_keypair();
    let ix = client::key_set_add(stranger.pubkey(), KeySet::Slashers, stranger.pubkey());
    ctx.assert_refused(ix, &[&stranger], MarketError::NotAuthority, &config_only());
}

/// The guardian pauses registration for at most 72 hours and cannot extend it; the authority
/// can lift it.
#[test]
fn pauses_report_their_state_and_stop_registration() {
    let mut ctx = deployment();
    let guardian = ctx.guardian.insecure_clone();
    let pause = |hours| client::guardian_pause(guardian.pubkey(), PauseClass::Registration, hours);
    ctx.assert_refused(
        pause(73),
        &[&guardian],
        MarketError::PauseTooLong,
        &config_only(),
    );
    ctx.assert_refused(
        pause(0),
        &[&guardian],
        MarketError::PauseTooLong,
        &config_only(),
    );
    let event: PauseChanged = ctx
        .send(&[pause(72)], &[&guardian])
        .expect("pause")
        .event(&client::ID);
    assert_eq!(event.pause.paused_until, ctx.now() + 72 * 3_600);
    ctx.assert_refused(
        pause(1),
        &[&guardian],
        MarketError::PauseActive,
        &config_only(),
    );
    let stranger = ctx.funded_keypair();
    let ix = client::guardian_pause(stranger.pubkey(), PauseClass::Leasing, 1);
    ctx.assert_refused(ix, &[&stranger], MarketError::NotGuardian, &config_only());

    let key = ctx.funded_keypair();
    let mint = ctx.io_mint;
    let io = ctx.token_account(&mint, &key.pubkey());
    let register = client::provider_register(key.pubkey(), io, key.pubkey());
    ctx.assert_refused(
        register.clone(),
        &[&key],
        MarketError::Paused,
        &[client::provider_address(&key.pubkey())],
    );

    let authority = ctx.authority.insecure_clone();
    let lift = client::pause_set(authority.pubkey(), PauseClass::Registration, 0);
    let event: PauseChanged = ctx
        .send(&[lift], &[&authority])
        .expect("lift")
        .event(&client::ID);
    assert_eq!(
        (event.pause.paused_until, event.by),
        (0, authority.pubkey())
    );
    ctx.send(&[register], &[&key])
        .expect("registration works again");
    let ix = client::pause_set(stranger.pubkey(), PauseClass::Registration, 0);
    ctx.assert_refused(ix, &[&stranger], MarketError::NotAuthority, &config_only());
}
