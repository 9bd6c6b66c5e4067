//! `config_init`: the checks every program shares (`io_harness::config_suite`), then this
//! program's own parameter rules. Every refusal is a named error that creates nothing.

use anchor_lang::error::ERROR_CODE_OFFSET;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use governance::error::GovernanceError;
use governance::events::ConfigInitialized;
use io_client::governance as client;
use io_harness::config_suite::{ConfigInitSpec, accepts, refuses};
use io_harness::{Signer, TestContext};

struct Spec;

impl ConfigInitSpec for Spec {
    type Args = client::ConfigInitArgs;
    type Config = client::Config;
    type Initialized = ConfigInitialized;

    const PROGRAM_ID: Pubkey = client::ID;
    const SEED: &'static [u8] = governance::constants::SEED_CONFIG;
    const NOT_DEPLOYER: u32 = ERROR_CODE_OFFSET + GovernanceError::NotDeployer as u32;
    const ALREADY_INITIALIZED: u32 = ERROR_CODE_OFFSET + GovernanceError::AlreadyInitialized as u32;
    const AUTHORITY_UNSET: u32 = ERROR_CODE_OFFSET + GovernanceError::AuthorityUnset as u32;

    fn default_args(ctx: &TestContext) -> Self::Args {
        io_client::defaults::governance(ctx.authority.pubkey(), ctx.guardian.pubkey())
    }

    fn set_authority(args: &mut Self::Args, authority: Pubkey) {
        args.authority = authority;
    }

    fn instruction(ctx: &TestContext, deployer: Pubkey, args: Self::Args) -> Instruction {
        client::config_init(deployer, ctx.io_mint, args)
    }

    /// The vault of locked IO, a token account.
    fn other_rent(ctx: &TestContext) -> u64 {
        ctx.svm.minimum_balance_for_rent_exemption(165)
    }

    fn expected(
        ctx: &TestContext,
        args: &Self::Args,
        bump: u8,
        rent_payer: Pubkey,
    ) -> Self::Config {
        let pda = |seed: &[u8]| Pubkey::find_program_address(&[seed], &client::ID);
        let (vault, vault_bump) = pda(governance::constants::SEED_VAULT);
        let (_, governance_bump) = pda(governance::constants::SEED_GOVERNANCE);
        client::Config {
            version: governance::constants::ACCOUNT_VERSION,
            bump,
            vault_bump,
            governance_bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            pending_guardian_ready_at: 0,
            rent_payer,
            io_mint: ctx.io_mint,
            vault,
            params: args.params,
            locked_total: 0,
            positions_open: 0,
            proposals_created: 0,
            veto_bucket: 0,
            veto_bucket_updated_at: 0,
            reserved: [0; 64],
        }
    }

    fn assert_event(event: &ConfigInitialized, address: Pubkey, config: &Self::Config) {
        assert_eq!(
            (
                event.config,
                event.authority,
                event.guardian,
                event.revision
            ),
            (address, config.authority, config.guardian, config.revision)
        );
        assert_eq!(
            (event.governance, event.io_mint, event.vault, event.params),
            (
                client::governance_address(),
                config.io_mint,
                config.vault,
                config.params
            )
        );
    }

    fn invariant(config: &Self::Config) -> bool {
        config.invariant().is_ok()
    }
}

io_harness::config_init_tests!(Spec);

/// Each parameter rule, by name.
#[test]
fn refuses_each_parameter_out_of_range() {
    type Change = fn(&mut client::GovernanceParams);
    let cases: [(Change, GovernanceError); 16] = [
        (
            |p| p.voting_period_secs = 0,
            GovernanceError::VotingPeriodZero,
        ),
        (
            |p| p.voting_period_secs = 30 * 86_400 + 1,
            GovernanceError::VotingPeriodZero,
        ),
        (|p| p.hold_up_secs = 0, GovernanceError::HoldUpZero),
        (
            |p| p.hold_up_secs = 30 * 86_400 + 1,
            GovernanceError::HoldUpZero,
        ),
        (|p| p.quorum_power = 0, GovernanceError::QuorumZero),
        (
            |p| p.approval_threshold_bps = 0,
            GovernanceError::ApprovalThresholdOutOfRange,
        ),
        (
            |p| p.approval_threshold_bps = 10_001,
            GovernanceError::ApprovalThresholdOutOfRange,
        ),
        (
            |p| p.max_lockup_multiplier_bps = 9_999,
            GovernanceError::LockupMultiplierBelowOne,
        ),
        (
            |p| p.max_lockup_multiplier_bps = 100_001,
            GovernanceError::LockupMultiplierBelowOne,
        ),
        (
            |p| p.lockup_saturation_secs = 0,
            GovernanceError::LockupRangeInvalid,
        ),
        (
            |p| p.max_lockup_secs = p.lockup_saturation_secs - 1,
            GovernanceError::LockupRangeInvalid,
        ),
        (
            |p| p.max_lockup_secs = 8 * 365 * 86_400 + 1,
            GovernanceError::LockupRangeInvalid,
        ),
        (|p| p.veto_budget = 0, GovernanceError::VetoBudgetInvalid),
        (|p| p.veto_budget = 11, GovernanceError::VetoBudgetInvalid),
        (
            |p| p.veto_window_secs = 86_399,
            GovernanceError::VetoBudgetInvalid,
        ),
        (
            |p| p.veto_window_secs = 365 * 86_400 + 1,
            GovernanceError::VetoBudgetInvalid,
        ),
    ];
    for (change, error) in cases {
        refuses::<Spec>(|args| change(&mut args.params), error);
    }
}

#[test]
fn limits_are_inclusive() {
    accepts::<Spec>(|args| {
        let p = &mut args.params;
        p.voting_period_secs = 1;
        p.hold_up_secs = 30 * 86_400;
        p.quorum_power = u64::MAX;
        p.approval_threshold_bps = 10_000;
        p.max_lockup_multiplier_bps = 10_000;
        p.lockup_saturation_secs = 1;
        p.max_lockup_secs = 8 * 365 * 86_400;
        p.veto_budget = 10;
        p.veto_window_secs = 365 * 86_400;
    });
    accepts::<Spec>(|args| {
        args.params.veto_budget = 1;
        args.params.veto_window_secs = 86_400;
    });
}

/// The IO mint must have 8 decimals.
#[test]
fn refuses_an_io_mint_without_8_decimals() {
    let mut ctx = TestContext::new();
    let deployer = ctx.deployer.insecure_clone();
    let args = Spec::default_args(&ctx);
    let authority = ctx.mint_authority.pubkey();
    let six = ctx.create_mint(6, &authority);
    let ix = client::config_init(deployer.pubkey(), six, args);
    io_harness::expect_error(
        ctx.send(&[ix], &[&deployer]),
        GovernanceError::IoMintDecimals,
    );
    assert_eq!(ctx.data(&client::config_address()), None);
    assert_eq!(ctx.data(&client::vault_address()), None);
}
