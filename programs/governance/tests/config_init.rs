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

    fn instruction(_ctx: &TestContext, deployer: Pubkey, args: Self::Args) -> Instruction {
        client::config_init(deployer, args)
    }

    fn expected(
        _ctx: &TestContext,
        args: &Self::Args,
        bump: u8,
        rent_payer: Pubkey,
    ) -> Self::Config {
        client::Config {
            version: governance::constants::ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer,
            voting_period_secs: args.voting_period_secs,
            hold_up_secs: args.hold_up_secs,
            quorum_power: args.quorum_power,
            approval_threshold_bps: args.approval_threshold_bps,
            max_lockup_multiplier_bps: args.max_lockup_multiplier_bps,
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
        assert_eq!(event.voting_period_secs, config.voting_period_secs);
        assert_eq!(event.hold_up_secs, config.hold_up_secs);
        assert_eq!(event.quorum_power, config.quorum_power);
        assert_eq!(event.approval_threshold_bps, config.approval_threshold_bps);
        assert_eq!(
            event.max_lockup_multiplier_bps,
            config.max_lockup_multiplier_bps
        );
    }

    fn invariant(config: &Self::Config) -> bool {
        config.invariant().is_ok()
    }
}

io_harness::config_init_tests!(Spec);

#[test]
fn refuses_zero_voting_period() {
    refuses::<Spec>(
        |args| args.voting_period_secs = 0,
        GovernanceError::VotingPeriodZero,
    );
}

#[test]
fn refuses_zero_hold_up() {
    refuses::<Spec>(|args| args.hold_up_secs = 0, GovernanceError::HoldUpZero);
}

#[test]
fn refuses_zero_quorum() {
    refuses::<Spec>(|args| args.quorum_power = 0, GovernanceError::QuorumZero);
}

#[test]
fn refuses_zero_approval_threshold() {
    refuses::<Spec>(
        |args| args.approval_threshold_bps = 0,
        GovernanceError::ApprovalThresholdOutOfRange,
    );
}

#[test]
fn refuses_approval_threshold_above_100_percent() {
    refuses::<Spec>(
        |args| args.approval_threshold_bps = 10_001,
        GovernanceError::ApprovalThresholdOutOfRange,
    );
}

#[test]
fn refuses_lockup_multiplier_below_one() {
    refuses::<Spec>(
        |args| args.max_lockup_multiplier_bps = 9_999,
        GovernanceError::LockupMultiplierBelowOne,
    );
}

#[test]
fn limits_are_inclusive() {
    accepts::<Spec>(|args| {
        args.voting_period_secs = 1;
        args.hold_up_secs = 1;
        args.quorum_power = u64::MAX;
        args.approval_threshold_bps = 10_000;
        args.max_lockup_multiplier_bps = 10_000;
    });
}
