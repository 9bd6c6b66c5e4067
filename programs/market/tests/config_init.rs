//! `config_init`: the checks every program shares (`io_harness::config_suite`), then this
//! program's own parameter rules. Every refusal is a named error that creates nothing.

use anchor_lang::error::ERROR_CODE_OFFSET;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::market as client;
use io_harness::config_suite::{ConfigInitSpec, accepts, refuses};
use io_harness::{Signer, TestContext};
use market::error::MarketError;
use market::events::ConfigInitialized;

struct Spec;

impl ConfigInitSpec for Spec {
    type Args = client::ConfigInitArgs;
    type Config = client::Config;
    type Initialized = ConfigInitialized;

    const PROGRAM_ID: Pubkey = client::ID;
    const SEED: &'static [u8] = market::constants::SEED_CONFIG;
    const NOT_DEPLOYER: u32 = ERROR_CODE_OFFSET + MarketError::NotDeployer as u32;
    const ALREADY_INITIALIZED: u32 = ERROR_CODE_OFFSET + MarketError::AlreadyInitialized as u32;
    const AUTHORITY_UNSET: u32 = ERROR_CODE_OFFSET + MarketError::AuthorityUnset as u32;

    fn default_args(ctx: &TestContext) -> Self::Args {
        io_client::defaults::market(ctx.authority.pubkey(), ctx.guardian.pubkey())
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
            version: market::constants::ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer,
            reservation_fee_bps: args.reservation_fee_bps,
            provider_fee_bps: args.provider_fee_bps,
            burn_share_bps: args.burn_share_bps,
            stake_per_gpu_io_base: args.stake_per_gpu_io_base,
            unstake_cooldown_secs: args.unstake_cooldown_secs,
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
        assert_eq!(event.reservation_fee_bps, config.reservation_fee_bps);
        assert_eq!(event.provider_fee_bps, config.provider_fee_bps);
        assert_eq!(event.burn_share_bps, config.burn_share_bps);
        assert_eq!(event.stake_per_gpu_io_base, config.stake_per_gpu_io_base);
        assert_eq!(event.unstake_cooldown_secs, config.unstake_cooldown_secs);
    }

    fn invariant(config: &Self::Config) -> bool {
        config.invariant().is_ok()
    }
}

io_harness::config_init_tests!(Spec);

#[test]
fn refuses_reservation_fee_above_100_percent() {
    refuses::<Spec>(
        |args| args.reservation_fee_bps = 10_001,
        MarketError::FeeAboveMaximum,
    );
}

#[test]
fn refuses_provider_fee_above_100_percent() {
    refuses::<Spec>(
        |args| args.provider_fee_bps = 10_001,
        MarketError::FeeAboveMaximum,
    );
}

#[test]
fn refuses_burn_share_above_100_percent() {
    refuses::<Spec>(
        |args| args.burn_share_bps = u16::MAX,
        MarketError::FeeAboveMaximum,
    );
}

#[test]
fn refuses_zero_stake_per_gpu() {
    refuses::<Spec>(
        |args| args.stake_per_gpu_io_base = 0,
        MarketError::StakePerGpuZero,
    );
}

#[test]
fn refuses_zero_cooldown() {
    refuses::<Spec>(
        |args| args.unstake_cooldown_secs = 0,
        MarketError::CooldownZero,
    );
}

#[test]
fn limits_are_inclusive() {
    accepts::<Spec>(|args| {
        args.reservation_fee_bps = 10_000;
        args.provider_fee_bps = 10_000;
        args.burn_share_bps = 10_000;
        args.stake_per_gpu_io_base = u64::MAX;
        args.unstake_cooldown_secs = u32::MAX;
    });
}
