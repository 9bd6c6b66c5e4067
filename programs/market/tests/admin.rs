//! The authority's and the guardian's instructions: parameters, two-step roles, key sets,
//! pauses.

use anchor_lang::prelude::Pubkey;
use io_client::market as client;
use io_harness::Signer;
use market::error::MarketError;
use market::events::{KeySetChanged, ParamsUpdated, PauseChanged, RoleAccepted, RoleProposed};
use market::{KeySet, PauseClass, Role};

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

#[test]
fn roles_move_in_two_steps() {
    let mut ctx = deployment();
    let authority = ctx.authority.insecure_clone();
    for role in [Role::Guardian, Role::Authority] {
        let next = ctx.funded_keypair();
        let ix = client::role_accept(next.pubkey(), role);
        ctx.assert_refused(ix, &[&next], MarketError::NotPendingRole, &config_only());
        let proposed: RoleProposed = ctx
            .send(
                &[client::role_propose(
                    authority.pubkey(),
                    role,
                    next.pubkey(),
                )],
                &[&authority],
            )
            .expect("propose")
            .event(&client::ID);
        assert_eq!((proposed.role, proposed.pending), (role, next.pubkey()));
        let stranger = ctx.funded_keypair();
        let ix = client::role_accept(stranger.pubkey(), role);
        ctx.assert_refused(
            ix,
            &[&stranger],
            MarketError::NotPendingRole,
            &config_only(),
        );
        let accepted: RoleAccepted = ctx
            .send(&[client::role_accept(next.pubkey(), role)], &[&next])
            .expect("accept")
            .event(&client::ID);
        assert_eq!(accepted.current, next.pubkey());
        let config = config(&ctx);
        match role {
            Role::Guardian => assert_eq!(
                (config.guardian, config.pending_guardian),
                (next.pubkey(), Pubkey::default())
            ),
            Role::Authority => assert_eq!(
                (config.authority, config.pending_authority),
                (next.pubkey(), Pubkey::default())
            ),
        }
    }
    let ix = client::params_set(authority.pubkey(), io_client::defaults::MARKET_PARAMS);
    ctx.assert_refused(ix, &[&authority], MarketError::NotAuthority, &config_only());
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
fn the_guardian_pauses_within_bounds() {
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
    assert_eq!(event.paused_until, ctx.now() + 72 * 3_600);
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
    assert_eq!((event.paused_until, event.by), (0, authority.pubkey()));
    ctx.send(&[register], &[&key])
        .expect("registration works again");
    let ix = client::pause_set(stranger.pubkey(), PauseClass::Registration, 0);
    ctx.assert_refused(ix, &[&stranger], MarketError::NotAuthority, &config_only());
}
