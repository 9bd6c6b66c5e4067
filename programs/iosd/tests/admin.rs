//! The authority's and the guardian's instructions: parameters, breaker, spender allow-list,
//! two-step roles, the mint pause. Each changes only what it names, bumps the revision and emits
//! its event; anyone else is refused by name.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::iosd as client;
use io_harness::Signer;
use iosd::error::IosdError;
use iosd::events::{
    BreakerUpdated, OracleParamsUpdated, PauseChanged, RoleAccepted, RoleProposed, SpenderAllowed,
    SpenderRevoked,
};
use iosd::{Pause, Role};

use crate::fixture::*;

fn config_only() -> Vec<Pubkey> {
    vec![client::config_address()]
}

#[test]
fn the_authority_sets_oracle_parameters() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let mut oracle = io_client::defaults::IOSD_ORACLE;
    oracle.max_price_age_secs = 30;
    oracle.confidence_multiplier_bps = 30_000;
    let before = config(&ctx).revision;
    let event: OracleParamsUpdated = ctx
        .send(
            &[client::params_set(authority.pubkey(), oracle)],
            &[&authority],
        )
        .expect("params_set")
        .event(&client::ID);
    let config = config(&ctx);
    assert_eq!((config.oracle, config.revision), (oracle, before + 1));
    assert_eq!((event.oracle, event.revision), (oracle, before + 1));
    assert!(config.invariant().is_ok());
}

#[test]
fn refuses_oracle_parameters_from_others_or_out_of_range() {
    let mut ctx = deployment();
    let stranger = ctx.funded_keypair();
    let oracle = io_client::defaults::IOSD_ORACLE;
    let ix = client::params_set(stranger.pubkey(), oracle);
    refused(
        &mut ctx,
        ix,
        &[&stranger],
        IosdError::NotAuthority,
        &config_only(),
    );
    let authority = ctx.authority.insecure_clone();
    type Case = (fn(&mut iosd::OracleParams), IosdError);
    let cases: [Case; 4] = [
        (
            |o| o.max_price_age_secs = 61,
            IosdError::MaxPriceAgeOutOfRange,
        ),
        (
            |o| o.oracle_halt_after_secs = 30,
            IosdError::OracleHaltDelayOutOfRange,
        ),
        (
            |o| o.confidence_multiplier_bps = 100_001,
            IosdError::ConfidenceMultiplierTooLarge,
        ),
        (
            |o| o.mint_halt_ratio_bps = 9_600,
            IosdError::CollateralThresholdsInvalid,
        ),
    ];
    for (change, error) in cases {
        let mut bad = oracle;
        change(&mut bad);
        let ix = client::params_set(authority.pubkey(), bad);
        refused(&mut ctx, ix, &[&authority], error, &config_only());
    }
}

#[test]
fn the_authority_sets_the_breaker() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let breaker = iosd::BreakerSettings {
        window_secs: 600,
        cap_absolute_micros: 5,
        cap_supply_bps: 7,
    };
    let before = config(&ctx).revision;
    let event: BreakerUpdated = ctx
        .send(
            &[client::breaker_set(authority.pubkey(), breaker)],
            &[&authority],
        )
        .expect("breaker_set")
        .event(&client::ID);
    assert_eq!(config(&ctx).breaker, breaker);
    assert_eq!((event.breaker, event.revision), (breaker, before + 1));

    let stranger = ctx.funded_keypair();
    let ix = client::breaker_set(stranger.pubkey(), breaker);
    refused(
        &mut ctx,
        ix,
        &[&stranger],
        IosdError::NotAuthority,
        &config_only(),
    );
    let ix = client::breaker_set(
        authority.pubkey(),
        iosd::BreakerSettings {
            window_secs: 0,
            ..breaker
        },
    );
    refused(
        &mut ctx,
        ix,
        &[&authority],
        IosdError::BreakerWindowOutOfRange,
        &config_only(),
    );
}

/// Allow stores the program with its spender PDA; the list holds eight (the market and the
/// inference program are already on it); a duplicate, a ninth and a stranger are refused;
/// revoke keeps the list dense.
#[test]
fn the_spender_allow_list_is_bounded_and_dense() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let listed_before = usize::from(config(&ctx).spender_count);
    assert_eq!(
        listed_before, 2,
        "the deployment allows the market and the inference program"
    );
    let programs: Vec<Pubkey> = (listed_before..8).map(|_| Pubkey::new_unique()).collect();
    for (i, program) in programs.iter().enumerate() {
        let event: SpenderAllowed = ctx
            .send(
                &[client::spender_allow(authority.pubkey(), *program)],
                &[&authority],
            )
            .expect("allow")
            .event(&client::ID);
        assert_eq!(event.program, *program);
        assert_eq!(event.signer, client::spender_address(program));
        assert_eq!(usize::from(event.spender_count), listed_before + i + 1);
    }
    let ix = client::spender_allow(authority.pubkey(), programs[3]);
    refused(
        &mut ctx,
        ix,
        &[&authority],
        IosdError::SpenderAlreadyAllowed,
        &config_only(),
    );
    let ix = client::spender_allow(authority.pubkey(), Pubkey::new_unique());
    refused(
        &mut ctx,
        ix,
        &[&authority],
        IosdError::SpenderListFull,
        &config_only(),
    );
    let stranger = ctx.funded_keypair();
    let ix = client::spender_revoke(stranger.pubkey(), programs[0]);
    refused(
        &mut ctx,
        ix,
        &[&stranger],
        IosdError::NotAuthority,
        &config_only(),
    );

    let event: SpenderRevoked = ctx
        .send(
            &[client::spender_revoke(authority.pubkey(), programs[2])],
            &[&authority],
        )
        .expect("revoke")
        .event(&client::ID);
    assert_eq!((event.program, event.spender_count), (programs[2], 7));
    let config = config(&ctx);
    let listed: Vec<Pubkey> = config.active_spenders().iter().map(|s| s.program).collect();
    assert_eq!(listed.len(), 7);
    assert!(!listed.contains(&programs[2]));
    assert!(config.invariant().is_ok());
    let ix = client::spender_revoke(authority.pubkey(), programs[2]);
    refused(
        &mut ctx,
        ix,
        &[&authority],
        IosdError::SpenderNotListed,
        &config_only(),
    );
}

/// The shared role and pause rules (`io_harness::admin_suite`) for iosd: the guardian pauses
/// minting only.
pub struct IosdAdmin;

impl io_harness::admin_suite::RoleSpec for IosdAdmin {
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
        client::params_set(authority, io_client::defaults::IOSD_ORACLE)
    }
    const NOT_AUTHORITY: u32 = IosdError::NotAuthority as u32 + 6_000;
    const NOT_PENDING_ROLE: u32 = IosdError::NotPendingRole as u32 + 6_000;
}

impl io_harness::admin_suite::PauseSpec for IosdAdmin {
    fn guardian_pause(guardian: Pubkey, hours: u32) -> Instruction {
        client::guardian_pause(guardian, hours)
    }
    fn pause_set(authority: Pubkey, paused_until: i64) -> Instruction {
        client::pause_set(authority, paused_until)
    }
    fn pause(ctx: &io_harness::TestContext) -> Pause {
        config(ctx).mint_pause
    }
    fn paused_class_action(ctx: &mut io_harness::TestContext) -> io_harness::Outcome {
        let user = user(ctx, 10);
        let price = ctx.io_price_now(PRICE_E8, CONF_E8);
        mint(
            ctx,
            &user,
            price,
            iosd::MintAmount::ExactIo {
                io_in_base: io_harness::IO,
                min_iosd_out_micros: 0,
            },
        )
    }
    const MAX_HOURS: u32 = io_common::MAX_GUARDIAN_PAUSE_HOURS;
    const NOT_GUARDIAN: u32 = IosdError::NotGuardian as u32 + 6_000;
    const PAUSE_TOO_LONG: u32 = IosdError::PauseTooLong as u32 + 6_000;
    const PAUSE_ACTIVE: u32 = IosdError::PauseActive as u32 + 6_000;
    const COOLING_DOWN: u32 = IosdError::GuardianCoolingDown as u32 + 6_000;
    const PAUSED: u32 = IosdError::Paused as u32 + 6_000;
}

io_harness::role_tests!(IosdAdmin);
io_harness::pause_tests!(IosdAdmin);

/// A role change and a pause each report the state they leave; redemption works while minting
/// is paused.
#[test]
fn role_and_pause_events_report_the_new_state() {
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
    let user = user(&mut ctx, 100);
    mint_io(&mut ctx, &user, 10);
    let paused: PauseChanged = ctx
        .send(&[client::guardian_pause(next.pubkey(), 5)], &[&next])
        .expect("pause")
        .event(&client::ID);
    let now = ctx.now();
    assert_eq!(
        (
            paused.pause.paused_until,
            paused.pause.guardian_ready_at,
            paused.by
        ),
        (now + 5 * 3_600, now + 10 * 3_600, next.pubkey())
    );
    let price = ctx.io_price_now(PRICE_E8, CONF_E8);
    let ix = client::iosd_redeem(user.key.pubkey(), user.io, price, io_harness::IOSD, 0);
    ctx.send(&[ix], &[&user.key])
        .expect("redemption is never paused");
    let lifted: PauseChanged = ctx
        .send(&[client::pause_set(authority.pubkey(), 0)], &[&authority])
        .expect("lift")
        .event(&client::ID);
    assert_eq!(
        (
            lifted.pause.paused_until,
            lifted.pause.guardian_ready_at,
            lifted.by
        ),
        (0, now + 10 * 3_600, authority.pubkey())
    );
}
