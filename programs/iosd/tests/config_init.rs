//! `config_init`: the deployer creates the configuration once; every refusal is a named error
//! that creates nothing.

use anchor_lang::prelude::Pubkey;
use io_client::iosd as client;
use io_harness::{Keypair, Outcome, Signer, TestContext, expect_error};
use iosd::error::IosdError;
use iosd::events::ConfigInitialized;

fn default_args(ctx: &TestContext) -> client::ConfigInitArgs {
    io_client::defaults::iosd(ctx.authority.pubkey(), ctx.guardian.pubkey())
}

fn init(ctx: &mut TestContext, args: client::ConfigInitArgs) -> Outcome {
    let deployer = ctx.deployer.insecure_clone();
    ctx.send(
        &[client::config_init(deployer.pubkey(), args)],
        &[&deployer],
    )
}

fn assert_not_created(ctx: &TestContext) {
    assert_eq!(
        ctx.data(&client::config_address()),
        None,
        "no config account may exist"
    );
}

#[test]
fn deployer_initialises_the_config() {
    // Given a fresh deployment
    let mut ctx = TestContext::new();
    let args = default_args(&ctx);
    let deployer = ctx.deployer.pubkey();
    let deployer_before = ctx.lamports(&deployer);

    // When the deployer initialises the config
    let executed = init(&mut ctx, args.clone()).expect("config_init succeeds");

    // Then the account holds exactly the arguments, at revision 0
    let address = client::config_address();
    let (_, bump) = Pubkey::find_program_address(&[iosd::constants::SEED_CONFIG], &client::ID);
    let config = client::fetch_config(&ctx).unwrap();
    assert_eq!(
        config,
        client::Config {
            version: iosd::constants::ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer: deployer,
            max_price_age_secs: args.max_price_age_secs,
            confidence_multiplier_bps: args.confidence_multiplier_bps,
            warning_ratio_bps: args.warning_ratio_bps,
            mint_halt_ratio_bps: args.mint_halt_ratio_bps,
            reserved: [0; 64],
        }
    );
    // And the deployer paid exactly its rent (the fee payer paid the fee)
    let rent = ctx.lamports(&address);
    let size = ctx.data(&address).unwrap().len();
    assert_eq!(rent, ctx.svm.minimum_balance_for_rent_exemption(size));
    assert_eq!(deployer_before - ctx.lamports(&deployer), rent);
    // And one event reports the new state
    let event: ConfigInitialized = executed.event(&client::ID);
    assert_eq!(
        (event.config, event.authority, event.guardian),
        (address, args.authority, args.guardian)
    );
    assert_eq!(event.max_price_age_secs, args.max_price_age_secs);
    assert_eq!(
        event.confidence_multiplier_bps,
        args.confidence_multiplier_bps
    );
    assert_eq!(event.warning_ratio_bps, args.warning_ratio_bps);
    assert_eq!(event.mint_halt_ratio_bps, args.mint_halt_ratio_bps);
    assert_eq!(event.revision, 0);
}

#[test]
fn pre_funded_config_address_still_initialises() {
    // Given a stranger who sent lamports to the config address first
    let mut ctx = TestContext::new();
    let address = client::config_address();
    ctx.fund(&address, 1_000_000_000);

    // When the deployer initialises the config
    let args = default_args(&ctx);
    init(&mut ctx, args).expect("a pre-funded address cannot block config_init");

    // Then it is the program's account, and the surplus stays in it
    let config = client::fetch_config(&ctx).unwrap();
    config.invariant().unwrap();
    assert_eq!(ctx.lamports(&address), 1_000_000_000);
}

#[test]
fn second_initialisation_is_refused_and_changes_nothing() {
    let mut ctx = TestContext::new();
    let args = default_args(&ctx);
    init(&mut ctx, args).expect("first init");
    let before = ctx.data(&client::config_address());

    let mut other = default_args(&ctx);
    other.authority = Pubkey::new_unique();
    expect_error(init(&mut ctx, other), IosdError::AlreadyInitialized);
    assert_eq!(ctx.data(&client::config_address()), before);
}

#[test]
fn only_the_deployer_may_initialise() {
    let mut ctx = TestContext::new();
    let stranger = ctx.funded_keypair();
    let ix = client::config_init(stranger.pubkey(), default_args(&ctx));
    expect_error(ctx.send(&[ix], &[&stranger]), IosdError::NotDeployer);
    assert_not_created(&ctx);
}

#[test]
fn the_deployer_must_sign() {
    let mut ctx = TestContext::new();
    let mut ix = client::config_init(ctx.deployer.pubkey(), default_args(&ctx));
    ix.accounts[0].is_signer = false;
    expect_error(
        ctx.send(&[ix], &[]),
        anchor_lang::error::ErrorCode::AccountNotSigner,
    );
    assert_not_created(&ctx);
}

#[test]
fn a_config_account_off_its_seeds_is_refused() {
    let mut ctx = TestContext::new();
    let impostor = Keypair::new();
    let mut ix = client::config_init(ctx.deployer.pubkey(), default_args(&ctx));
    ix.accounts[1].pubkey = impostor.pubkey();
    let deployer = ctx.deployer.insecure_clone();
    expect_error(
        ctx.send(&[ix], &[&deployer]),
        anchor_lang::error::ErrorCode::ConstraintSeeds,
    );
    assert_eq!(ctx.data(&impostor.pubkey()), None);
}

#[test]
fn refuses_the_default_address_as_authority() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.authority = Pubkey::default();
    expect_error(init(&mut ctx, args), IosdError::AuthorityUnset);
    assert_not_created(&ctx);
}

#[test]
fn refuses_price_age_above_60_seconds() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.max_price_age_secs = 61;
    expect_error(init(&mut ctx, args), IosdError::MaxPriceAgeOutOfRange);
    assert_not_created(&ctx);
}

#[test]
fn refuses_zero_price_age() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.max_price_age_secs = 0;
    expect_error(init(&mut ctx, args), IosdError::MaxPriceAgeOutOfRange);
    assert_not_created(&ctx);
}

#[test]
fn refuses_confidence_multiplier_above_ten() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.confidence_multiplier_bps = 100_001;
    expect_error(
        init(&mut ctx, args),
        IosdError::ConfidenceMultiplierTooLarge,
    );
    assert_not_created(&ctx);
}

#[test]
fn refuses_halt_ratio_not_below_warning() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.mint_halt_ratio_bps = args.warning_ratio_bps;
    expect_error(init(&mut ctx, args), IosdError::CollateralThresholdsInvalid);
    assert_not_created(&ctx);
}

#[test]
fn refuses_warning_ratio_above_one() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.warning_ratio_bps = 10_001;
    expect_error(init(&mut ctx, args), IosdError::CollateralThresholdsInvalid);
    assert_not_created(&ctx);
}

#[test]
fn refuses_zero_halt_ratio() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.mint_halt_ratio_bps = 0;
    expect_error(init(&mut ctx, args), IosdError::CollateralThresholdsInvalid);
    assert_not_created(&ctx);
}

#[test]
fn limits_are_inclusive() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.max_price_age_secs = 60;
    args.confidence_multiplier_bps = 100_000;
    args.warning_ratio_bps = 10_000;
    args.mint_halt_ratio_bps = 1;
    init(&mut ctx, args).expect("boundary values are valid");
    let config = client::fetch_config(&ctx).unwrap();
    config.invariant().unwrap();
}
