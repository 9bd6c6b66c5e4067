//! `config_init`: the checks every program shares (`io_harness::config_suite`), then this
//! program's own parameter rules. Every refusal is a named error that creates nothing.

use anchor_lang::error::ERROR_CODE_OFFSET;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::rewards as client;
use io_harness::config_suite::{ConfigInitSpec, accepts, refuses};
use io_harness::{Signer, TestContext};
use rewards::error::RewardsError;
use rewards::events::ConfigInitialized;

struct Spec;

impl ConfigInitSpec for Spec {
    type Args = client::ConfigInitArgs;
    type Config = client::Config;
    type Initialized = ConfigInitialized;

    const PROGRAM_ID: Pubkey = client::ID;
    const SEED: &'static [u8] = rewards::constants::SEED_CONFIG;
    const NOT_DEPLOYER: u32 = ERROR_CODE_OFFSET + RewardsError::NotDeployer as u32;
    const ALREADY_INITIALIZED: u32 = ERROR_CODE_OFFSET + RewardsError::AlreadyInitialized as u32;
    const AUTHORITY_UNSET: u32 = ERROR_CODE_OFFSET + RewardsError::AuthorityUnset as u32;

    fn default_args(ctx: &TestContext) -> Self::Args {
        io_client::defaults::rewards(
            ctx.authority.pubkey(),
            ctx.guardian.pubkey(),
            ctx.now(),
            io_harness::TEST_GENESIS_HASH,
        )
    }

    fn set_authority(args: &mut Self::Args, authority: Pubkey) {
        args.authority = authority;
    }

    fn instruction(ctx: &TestContext, deployer: Pubkey, args: Self::Args) -> Instruction {
        client::config_init(deployer, ctx.io_mint, args)
    }

    /// The block-reward vault, a token account.
    fn other_rent(ctx: &TestContext) -> u64 {
        ctx.svm.minimum_balance_for_rent_exemption(165)
    }

    fn expected(
        ctx: &TestContext,
        args: &Self::Args,
        bump: u8,
        rent_payer: Pubkey,
    ) -> Self::Config {
        let (reward_vault, reward_vault_bump) =
            Pubkey::find_program_address(&[rewards::constants::SEED_REWARD_VAULT], &client::ID);
        client::Config {
            version: rewards::constants::ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            rent_payer,
            enterprise_pool_bps: args.enterprise_pool_bps,
            emission_start_ts: args.emission_start_ts,
            claim_window_secs: args.claim_window_secs,
            claim_window_cap_io_base: args.claim_window_cap_io_base,
            genesis_hash: args.genesis_hash,
            io_mint: ctx.io_mint,
            seasons_created: 0,
            reward_vault,
            reward_vault_bump,
            oracles: [Pubkey::default(); 8],
            oracle_count: 0,
            oracle_version: 0,
            claimed_enterprise_io_base: 0,
            claimed_community_io_base: 0,
            claim_bucket_io_base: 0,
            claim_bucket_updated_at: 0,
            claim_pause: rewards::Pause::default(),
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
        assert_eq!(event.enterprise_pool_bps, config.enterprise_pool_bps);
        assert_eq!(event.emission_start_ts, config.emission_start_ts);
        assert_eq!(event.claim_window_secs, config.claim_window_secs);
        assert_eq!(
            event.claim_window_cap_io_base,
            config.claim_window_cap_io_base
        );
        assert_eq!(
            (event.io_mint, event.reward_vault),
            (config.io_mint, config.reward_vault)
        );
    }

    fn invariant(config: &Self::Config) -> bool {
        config.invariant().is_ok()
    }
}

io_harness::config_init_tests!(Spec);

#[test]
fn refuses_enterprise_share_above_100_percent() {
    refuses::<Spec>(
        |args| args.enterprise_pool_bps = 10_001,
        RewardsError::PoolShareAboveMaximum,
    );
}

#[test]
fn refuses_unset_emission_start() {
    refuses::<Spec>(
        |args| args.emission_start_ts = 0,
        RewardsError::EmissionStartUnset,
    );
}

#[test]
fn refuses_negative_emission_start() {
    refuses::<Spec>(
        |args| args.emission_start_ts = i64::MIN,
        RewardsError::EmissionStartUnset,
    );
}

#[test]
fn refuses_zero_claim_window() {
    refuses::<Spec>(
        |args| args.claim_window_secs = 0,
        RewardsError::ClaimWindowInvalid,
    );
}

#[test]
fn refuses_zero_claim_window_cap() {
    refuses::<Spec>(
        |args| args.claim_window_cap_io_base = 0,
        RewardsError::ClaimWindowInvalid,
    );
}

#[test]
fn limits_are_inclusive() {
    accepts::<Spec>(|args| {
        args.enterprise_pool_bps = 10_000;
        args.emission_start_ts = i64::MAX;
        args.claim_window_secs = u32::MAX;
        args.claim_window_cap_io_base = u64::MAX;
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
    io_harness::expect_error(ctx.send(&[ix], &[&deployer]), RewardsError::IoMintDecimals);
    assert_eq!(ctx.data(&client::config_address()), None);
    assert_eq!(ctx.data(&client::reward_vault_address()), None);
}
