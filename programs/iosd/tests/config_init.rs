//! `config_init`: the checks every program shares (`io_harness::config_suite`), then this
//! program's own parameter rules. Every refusal is a named error that creates nothing.

use anchor_lang::error::ERROR_CODE_OFFSET;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::iosd as client;
use io_harness::config_suite::{ConfigInitSpec, accepts, refuses};
use io_harness::{Signer, TestContext};
use iosd::error::IosdError;
use iosd::events::ConfigInitialized;

struct Spec;

impl ConfigInitSpec for Spec {
    type Args = client::ConfigInitArgs;
    type Config = client::Config;
    type Initialized = ConfigInitialized;

    const PROGRAM_ID: Pubkey = client::ID;
    const SEED: &'static [u8] = iosd::constants::SEED_CONFIG;
    const NOT_DEPLOYER: u32 = ERROR_CODE_OFFSET + IosdError::NotDeployer as u32;
    const ALREADY_INITIALIZED: u32 = ERROR_CODE_OFFSET + IosdError::AlreadyInitialized as u32;
    const AUTHORITY_UNSET: u32 = ERROR_CODE_OFFSET + IosdError::AuthorityUnset as u32;

    fn default_args(ctx: &TestContext) -> Self::Args {
        io_client::defaults::iosd(ctx.authority.pubkey(), ctx.guardian.pubkey())
    }

    fn set_authority(args: &mut Self::Args, authority: Pubkey) {
        args.authority = authority;
    }

    fn instruction(deployer: Pubkey, args: Self::Args) -> Instruction {
        client::config_init(deployer, args)
    }

    fn expected(args: &Self::Args, bump: u8, rent_payer: Pubkey) -> Self::Config {
        client::Config {
            version: iosd::constants::ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer,
            max_price_age_secs: args.max_price_age_secs,
            confidence_multiplier_bps: args.confidence_multiplier_bps,
            warning_ratio_bps: args.warning_ratio_bps,
            mint_halt_ratio_bps: args.mint_halt_ratio_bps,
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
        assert_eq!(event.max_price_age_secs, config.max_price_age_secs);
        assert_eq!(
            event.confidence_multiplier_bps,
            config.confidence_multiplier_bps
        );
        assert_eq!(event.warning_ratio_bps, config.warning_ratio_bps);
        assert_eq!(event.mint_halt_ratio_bps, config.mint_halt_ratio_bps);
    }

    fn invariant(config: &Self::Config) -> bool {
        config.invariant().is_ok()
    }
}

io_harness::config_init_tests!(Spec);

#[test]
fn refuses_price_age_above_60_seconds() {
    refuses::<Spec>(
        |args| args.max_price_age_secs = 61,
        IosdError::MaxPriceAgeOutOfRange,
    );
}

#[test]
fn refuses_zero_price_age() {
    refuses::<Spec>(
        |args| args.max_price_age_secs = 0,
        IosdError::MaxPriceAgeOutOfRange,
    );
}

#[test]
fn refuses_confidence_multiplier_above_ten() {
    refuses::<Spec>(
        |args| args.confidence_multiplier_bps = 100_001,
        IosdError::ConfidenceMultiplierTooLarge,
    );
}

#[test]
fn refuses_halt_ratio_not_below_warning() {
    refuses::<Spec>(
        |args| args.mint_halt_ratio_bps = args.warning_ratio_bps,
        IosdError::CollateralThresholdsInvalid,
    );
}

#[test]
fn refuses_warning_ratio_above_one() {
    refuses::<Spec>(
        |args| args.warning_ratio_bps = 10_001,
        IosdError::CollateralThresholdsInvalid,
    );
}

#[test]
fn refuses_zero_halt_ratio() {
    refuses::<Spec>(
        |args| args.mint_halt_ratio_bps = 0,
        IosdError::CollateralThresholdsInvalid,
    );
}

#[test]
fn limits_are_inclusive() {
    accepts::<Spec>(|args| {
        args.max_price_age_secs = 60;
        args.confidence_multiplier_bps = 100_000;
        args.warning_ratio_bps = 10_000;
        args.mint_halt_ratio_bps = 1;
    });
}
