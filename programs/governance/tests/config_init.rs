//! `config_init`: the deployer creates the configuration once; every refusal is a named error
//! that creates nothing.

use anchor_lang::prelude::Pubkey;
use governance::error::GovernanceError;
use governance::events::ConfigInitialized;
use io_client::governance as client;
use io_harness::{Keypair, Outcome, Signer, TestContext, expect_error};

fn default_args(ctx: &TestContext) -> client::ConfigInitArgs {
    io_client::defaults::governance(ctx.authority.pubkey(), ctx.guardian.pubkey())
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
    let (_, bump) =
        Pubkey::find_program_address(&[governance::constants::SEED_CONFIG], &client::ID);
    let config = client::fetch_config(&ctx).unwrap();
    assert_eq!(
        config,
        client::Config {
            version: governance::constants::ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer: deployer,
            voting_period_secs: args.voting_period_secs,
            hold_up_secs: args.hold_up_secs,
            quorum_power: args.quorum_power,
            approval_threshold_bps: args.approval_threshold_bps,
            max_lockup_multiplier_bps: args.max_lockup_multiplier_bps,
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
    assert_eq!(event.voting_period_secs, args.voting_period_secs);
    assert_eq!(event.hold_up_secs, args.hold_up_secs);
    assert_eq!(event.quorum_power, args.quorum_power);
    assert_eq!(event.approval_threshold_bps, args.approval_threshold_bps);
    assert_eq!(
        event.max_lockup_multiplier_bps,
        args.max_lockup_multiplier_bps
    );
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
    expect_error(init(&mut ctx, other), GovernanceError::AlreadyInitialized);
    assert_eq!(ctx.data(&client::config_address()), before);
}

#[test]
fn only_the_deployer_may_initialise() {
    let mut ctx = TestContext::new();
    let stranger = ctx.funded_keypair();
    let ix = client::config_init(stranger.pubkey(), default_args(&ctx));
    expect_error(ctx.send(&[ix], &[&stranger]), GovernanceError::NotDeployer);
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
    expect_error(init(&mut ctx, args), GovernanceError::AuthorityUnset);
    assert_not_created(&ctx);
}

#[test]
fn refuses_zero_voting_period() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.voting_period_secs = 0;
    expect_error(init(&mut ctx, args), GovernanceError::VotingPeriodZero);
    assert_not_created(&ctx);
}

#[test]
fn refuses_zero_hold_up() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.hold_up_secs = 0;
    expect_error(init(&mut ctx, args), GovernanceError::HoldUpZero);
    assert_not_created(&ctx);
}

#[test]
fn refuses_zero_quorum() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.quorum_power = 0;
    expect_error(init(&mut ctx, args), GovernanceError::QuorumZero);
    assert_not_created(&ctx);
}

#[test]
fn refuses_zero_approval_threshold() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.approval_threshold_bps = 0;
    expect_error(
        init(&mut ctx, args),
        GovernanceError::ApprovalThresholdOutOfRange,
    );
    assert_not_created(&ctx);
}

#[test]
fn refuses_approval_threshold_above_100_percent() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.approval_threshold_bps = 10_001;
    expect_error(
        init(&mut ctx, args),
        GovernanceError::ApprovalThresholdOutOfRange,
    );
    assert_not_created(&ctx);
}

#[test]
fn refuses_lockup_multiplier_below_one() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.max_lockup_multiplier_bps = 9_999;
    expect_error(
        init(&mut ctx, args),
        GovernanceError::LockupMultiplierBelowOne,
    );
    assert_not_created(&ctx);
}

#[test]
fn limits_are_inclusive() {
    let mut ctx = TestContext::new();
    let mut args = default_args(&ctx);
    args.voting_period_secs = 1;
    args.hold_up_secs = 1;
    args.quorum_power = u64::MAX;
    args.approval_threshold_bps = 10_000;
    args.max_lockup_multiplier_bps = 10_000;
    init(&mut ctx, args).expect("boundary values are valid");
    let config = client::fetch_config(&ctx).unwrap();
    config.invariant().unwrap();
}
