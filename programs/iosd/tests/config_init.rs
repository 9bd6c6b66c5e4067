//! `config_init`: the checks every program shares (`io_harness::config_suite`), then this
//! program's own parameter rules. Every refusal is a named error that creates nothing.

use anchor_lang::error::ERROR_CODE_OFFSET;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use io_client::iosd as client;
use io_harness::config_suite::{ConfigInitSpec, accepts, refuses};
use io_harness::{Signer, TestContext, expect_error};
use solana_program_pack::Pack;
use spl_token_interface::state::{Account as TokenAccount, Mint};

const MINT_LEN: usize = Mint::LEN;
const TOKEN_ACCOUNT_LEN: usize = TokenAccount::LEN;
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

    fn instruction(ctx: &TestContext, deployer: Pubkey, args: Self::Args) -> Instruction {
        client::config_init(deployer, ctx.io_mint, args)
    }

    fn other_rent(ctx: &TestContext) -> u64 {
        ctx.svm.minimum_balance_for_rent_exemption(MINT_LEN)
            + ctx
                .svm
                .minimum_balance_for_rent_exemption(TOKEN_ACCOUNT_LEN)
    }

    fn expected(
        ctx: &TestContext,
        args: &Self::Args,
        bump: u8,
        rent_payer: Pubkey,
    ) -> Self::Config {
        let pda = |seed: &[u8]| Pubkey::find_program_address(&[seed], &client::ID);
        let (iosd_mint, iosd_mint_bump) = pda(iosd::constants::SEED_IOSD_MINT);
        let (io_vault, io_vault_bump) = pda(iosd::constants::SEED_IO_VAULT);
        client::Config {
            version: iosd::constants::ACCOUNT_VERSION,
            bump,
            iosd_mint_bump,
            io_vault_bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            rent_payer,
            io_mint: ctx.io_mint,
            iosd_mint,
            io_vault,
            feed_id: args.feed_id,
            oracle: args.oracle,
            breaker: args.breaker,
            breaker_level_micros: 0,
            breaker_updated_at: 0,
            spenders: [client::Spender::default(); iosd::constants::MAX_SPENDERS],
            spender_count: 0,
            totals: iosd::state::Totals::default(),
            solvency: iosd::state::SolvencyRecord {
                ratio_bps: u64::MAX,
                ..Default::default()
            },
            mint_pause: iosd::Pause::default(),
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
            (
                event.io_mint,
                event.iosd_mint,
                event.io_vault,
                event.feed_id
            ),
            (
                config.io_mint,
                config.iosd_mint,
                config.io_vault,
                config.feed_id
            )
        );
        assert_eq!(
            (event.oracle, event.breaker),
            (config.oracle, config.breaker)
        );
    }

    fn invariant(config: &Self::Config) -> bool {
        config.invariant().is_ok()
    }
}

io_harness::config_init_tests!(Spec);

#[test]
fn refuses_price_age_above_60_seconds() {
    refuses::<Spec>(
        |args| args.oracle.max_price_age_secs = 61,
        IosdError::MaxPriceAgeOutOfRange,
    );
}

#[test]
fn refuses_zero_price_age() {
    refuses::<Spec>(
        |args| args.oracle.max_price_age_secs = 0,
        IosdError::MaxPriceAgeOutOfRange,
    );
}

#[test]
fn refuses_confidence_multiplier_above_ten() {
    refuses::<Spec>(
        |args| args.oracle.confidence_multiplier_bps = 100_001,
        IosdError::ConfidenceMultiplierTooLarge,
    );
}

#[test]
fn refuses_halt_ratio_not_below_warning() {
    refuses::<Spec>(
        |args| args.oracle.mint_halt_ratio_bps = args.oracle.warning_ratio_bps,
        IosdError::CollateralThresholdsInvalid,
    );
}

#[test]
fn refuses_warning_ratio_above_one() {
    refuses::<Spec>(
        |args| args.oracle.warning_ratio_bps = 10_001,
        IosdError::CollateralThresholdsInvalid,
    );
}

#[test]
fn refuses_zero_halt_ratio() {
    refuses::<Spec>(
        |args| args.oracle.mint_halt_ratio_bps = 0,
        IosdError::CollateralThresholdsInvalid,
    );
}

#[test]
fn refuses_oracle_halt_delay_below_price_age() {
    refuses::<Spec>(
        |args| args.oracle.oracle_halt_after_secs = args.oracle.max_price_age_secs - 1,
        IosdError::OracleHaltDelayOutOfRange,
    );
}

#[test]
fn refuses_oracle_halt_delay_above_a_day() {
    refuses::<Spec>(
        |args| args.oracle.oracle_halt_after_secs = 86_401,
        IosdError::OracleHaltDelayOutOfRange,
    );
}

#[test]
fn refuses_breaker_window_out_of_range() {
    refuses::<Spec>(
        |args| args.breaker.window_secs = 59,
        IosdError::BreakerWindowOutOfRange,
    );
    refuses::<Spec>(
        |args| args.breaker.window_secs = 30 * 86_400 + 1,
        IosdError::BreakerWindowOutOfRange,
    );
}

/// The IO mint must have the real token's 8 decimals; nothing is created otherwise.
#[test]
fn refuses_an_io_mint_with_other_decimals() {
    let mut ctx = TestContext::new();
    let authority = ctx.mint_authority.pubkey();
    let six_decimals = ctx.create_mint(6, &authority);
    let args = Spec::default_args(&ctx);
    let deployer = ctx.deployer.insecure_clone();
    let ix = client::config_init(deployer.pubkey(), six_decimals, args);
    expect_error(ctx.send(&[ix], &[&deployer]), IosdError::IoMintDecimals);
    for address in [
        client::config_address(),
        client::iosd_mint_address(),
        client::io_vault_address(),
    ] {
        assert_eq!(ctx.data(&address), None);
    }
}

/// The IOSD mint is the program's PDA with the config as mint and freeze authority, 6 decimals
/// and no supply; the vault is an empty IO account owned by the config.
#[test]
fn creates_the_iosd_mint_and_the_io_vault() {
    let ctx = TestContext::builder().with_configs().build();
    let config = client::config_address();
    let mint = Mint::unpack(&ctx.data(&client::iosd_mint_address()).unwrap()).unwrap();
    assert_eq!(Option::from(mint.mint_authority), Some(config));
    assert_eq!(Option::from(mint.freeze_authority), Some(config));
    assert_eq!((mint.decimals, mint.supply), (6, 0));
    let vault = TokenAccount::unpack(&ctx.data(&client::io_vault_address()).unwrap()).unwrap();
    assert_eq!(
        (vault.mint, vault.owner, vault.amount),
        (ctx.io_mint, config, 0)
    );
}

#[test]
fn limits_are_inclusive() {
    accepts::<Spec>(|args| {
        args.oracle.max_price_age_secs = 60;
        args.oracle.oracle_halt_after_secs = 86_400;
        args.breaker.window_secs = 30 * 86_400;
        args.oracle.confidence_multiplier_bps = 100_000;
        args.oracle.warning_ratio_bps = 10_000;
        args.oracle.mint_halt_ratio_bps = 1;
    });
}
