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

    fn instruction(ctx: &TestContext, deployer: Pubkey, args: Self::Args) -> Instruction {
        client::config_init(deployer, ctx.io_mint, ctx.treasury, args)
    }

    fn other_rent(ctx: &TestContext) -> u64 {
        3 * ctx.svm.minimum_balance_for_rent_exemption(165)
    }

    /// The market's config names the IOSD mint, which iosd's `config_init` creates.
    fn prepare(ctx: &mut TestContext) {
        ctx.init_iosd_config();
    }

    fn expected(
        ctx: &TestContext,
        args: &Self::Args,
        bump: u8,
        rent_payer: Pubkey,
    ) -> Self::Config {
        let pda = |seed: &[u8]| Pubkey::find_program_address(&[seed], &client::ID);
        let (stake_vault, stake_vault_bump) = pda(market::constants::SEED_STAKE_VAULT);
        let (slash_escrow, slash_escrow_bump) = pda(market::constants::SEED_SLASH_ESCROW);
        let (lease_vault, lease_vault_bump) = pda(market::constants::SEED_LEASE_VAULT);
        client::Config {
            version: market::constants::ACCOUNT_VERSION,
            bump,
            stake_vault_bump,
            slash_escrow_bump,
            lease_vault_bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            rent_payer,
            settlers: [Pubkey::default(); 8],
            settler_count: 0,
            slashers: [Pubkey::default(); 8],
            slasher_count: 0,
            io_mint: ctx.io_mint,
            iosd_mint: io_client::iosd::iosd_mint_address(),
            token_program: spl_token_interface::ID,
            treasury: ctx.treasury,
            stake_vault,
            slash_escrow,
            lease_vault,
            iosd_spender: {
                let (address, bump) =
                    Pubkey::find_program_address(&[iosd::constants::SEED_SPENDER], &client::ID);
                iosd::spender_cpi::Spender { address, bump }
            },
            params: args.params,
            pauses: [market::Pause::default(); 5],
            stake: Default::default(),
            provider_count: 0,
            device_count: 0,
            devices_registered: 0,
            open_leases: 0,
            payout_bucket_usd_micros: 0,
            payout_bucket_updated_at: 0,
            escrowed: Default::default(),
            fees: Default::default(),
            fees_swept: Default::default(),
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
            (event.io_mint, event.iosd_mint, event.treasury),
            (config.io_mint, config.iosd_mint, config.treasury)
        );
        assert_eq!(
            (event.stake_vault, event.slash_escrow, event.lease_vault),
            (config.stake_vault, config.slash_escrow, config.lease_vault)
        );
        assert_eq!(event.params, config.params);
    }

    fn invariant(config: &Self::Config) -> bool {
        config.invariant().is_ok()
    }
}

io_harness::config_init_tests!(Spec);

#[test]
fn refuses_reservation_fee_above_100_percent() {
    refuses::<Spec>(
        |args| args.params.reservation_fee_bps = 10_001,
        MarketError::FeeAboveMaximum,
    );
}

#[test]
fn refuses_provider_fee_above_100_percent() {
    refuses::<Spec>(
        |args| args.params.provider_fee_bps = 10_001,
        MarketError::FeeAboveMaximum,
    );
}

#[test]
fn refuses_burn_share_above_100_percent() {
    refuses::<Spec>(
        |args| args.params.burn_share_bps = u16::MAX,
        MarketError::FeeAboveMaximum,
    );
}

#[test]
fn refuses_zero_stake_per_gpu() {
    refuses::<Spec>(
        |args| args.params.stake_per_gpu_io_base = 0,
        MarketError::StakePerGpuZero,
    );
}

#[test]
fn refuses_zero_cooldown() {
    refuses::<Spec>(
        |args| args.params.unstake_cooldown_secs = 0,
        MarketError::CooldownOutOfRange,
    );
}

#[test]
fn limits_are_inclusive() {
    accepts::<Spec>(|args| {
        args.params.reservation_fee_bps = 10_000;
        args.params.provider_fee_bps = 10_000;
        args.params.burn_share_bps = 10_000;
        args.params.stake_per_gpu_io_base = u64::MAX;
        args.params.unstake_cooldown_secs = 365 * 86_400;
        args.params.max_slash_bps = market::constants::MAX_SLASH_CAP_BPS;
        args.params.appeal_window_secs = 90 * 86_400;
        args.params.max_pause_hours = 72;
    });
}

#[test]
fn refuses_each_parameter_out_of_range() {
    type Case = (fn(&mut client::ConfigInitArgs), MarketError);
    let cases: [Case; 10] = [
        (
            |a| a.params.unstake_cooldown_secs = 365 * 86_400 + 1,
            MarketError::CooldownOutOfRange,
        ),
        (|a| a.params.max_slash_bps = 0, MarketError::SlashCapInvalid),
        (
            |a| a.params.max_slash_bps = market::constants::MAX_SLASH_CAP_BPS + 1,
            MarketError::SlashCapInvalid,
        ),
        (
            |a| a.params.appeal_window_secs = 0,
            MarketError::AppealWindowInvalid,
        ),
        (
            |a| a.params.min_lease_deposit_usd_micros = 0,
            MarketError::LeaseTimingInvalid,
        ),
        (
            |a| a.params.close_grace_secs = 0,
            MarketError::LeaseTimingInvalid,
        ),
        (
            |a| a.params.payout_window_cap_usd_micros = 0,
            MarketError::PayoutCapInvalid,
        ),
        (
            |a| a.params.payout_window_secs = 0,
            MarketError::PayoutCapInvalid,
        ),
        (
            |a| a.params.max_pause_hours = 0,
            MarketError::PauseHoursInvalid,
        ),
        (
            |a| a.params.max_pause_hours = 73,
            MarketError::PauseHoursInvalid,
        ),
    ];
    for (change, error) in cases {
        refuses::<Spec>(change, error);
    }
}

/// The IO mint must have 8 decimals, the IOSD mint must be iosd's, the treasury an IO account.
#[test]
fn refuses_wrong_mints_and_treasury() {
    let mut ctx = TestContext::new();
    ctx.init_iosd_config();
    let deployer = ctx.deployer.insecure_clone();
    let args = Spec::default_args(&ctx);
    let authority = ctx.mint_authority.pubkey();
    let six = ctx.create_mint(6, &authority);
    let six_account = ctx.token_account(&six, &authority);
    let cases = [
        (
            client::config_init(deployer.pubkey(), six, six_account, args.clone()),
            MarketError::IoMintDecimals,
        ),
        (
            client::config_init(deployer.pubkey(), ctx.io_mint, six_account, args.clone()),
            MarketError::IoMintMismatch,
        ),
    ];
    for (ix, error) in cases {
        io_harness::expect_error(ctx.send(&[ix], &[&deployer]), error);
    }
    let mut ix = client::config_init(deployer.pubkey(), ctx.io_mint, ctx.treasury, args);
    ix.accounts[3].pubkey = six;
    io_harness::expect_error(ctx.send(&[ix], &[&deployer]), MarketError::IosdMintMismatch);
    assert_eq!(ctx.data(&client::config_address()), None);
}
