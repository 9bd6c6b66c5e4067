//! The authority's instructions: parameters, breaker, spender allow-list, two-step authority
//! transfer. Each changes only what it names, bumps the revision and emits its event; anyone
//! else is refused by name.

use anchor_lang::prelude::Pubkey;
use io_client::iosd as client;
use io_harness::Signer;
use iosd::error::IosdError;
use iosd::events::{
    AuthorityAccepted, AuthorityProposed, BreakerUpdated, OracleParamsUpdated, SpenderAllowed,
    SpenderRevoked,
};

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

/// Propose, then accept by the new key; the old key loses its power; nobody else can accept.
#[test]
fn authority_moves_in_two_steps() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    let successor = ctx.funded_keypair();
    let stranger = ctx.funded_keypair();
    let before = config(&ctx).revision;

    let ix = client::authority_accept(successor.pubkey());
    refused(
        &mut ctx,
        ix,
        &[&successor],
        IosdError::NotPendingAuthority,
        &config_only(),
    );
    let proposed: AuthorityProposed = ctx
        .send(
            &[client::authority_propose(
                authority.pubkey(),
                successor.pubkey(),
            )],
            &[&authority],
        )
        .expect("propose")
        .event(&client::ID);
    assert_eq!(proposed.pending_authority, successor.pubkey());
    let ix = client::authority_accept(stranger.pubkey());
    refused(
        &mut ctx,
        ix,
        &[&stranger],
        IosdError::NotPendingAuthority,
        &config_only(),
    );
    let ix = client::authority_propose(stranger.pubkey(), stranger.pubkey());
    refused(
        &mut ctx,
        ix,
        &[&stranger],
        IosdError::NotAuthority,
        &config_only(),
    );

    let accepted: AuthorityAccepted = ctx
        .send(
            &[client::authority_accept(successor.pubkey())],
            &[&successor],
        )
        .expect("accept")
        .event(&client::ID);
    assert_eq!(
        (accepted.previous_authority, accepted.authority),
        (authority.pubkey(), successor.pubkey())
    );
    let config = config(&ctx);
    assert_eq!(
        (config.authority, config.pending_authority, config.revision),
        (successor.pubkey(), Pubkey::default(), before + 2)
    );
    let ix = client::params_set(authority.pubkey(), io_client::defaults::IOSD_ORACLE);
    refused(
        &mut ctx,
        ix,
        &[&authority],
        IosdError::NotAuthority,
        &config_only(),
    );
}
