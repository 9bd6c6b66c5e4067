//! `config_init`: the checks every program shares (`io_harness::config_suite`), then this
//! program's own parameter rules. Every refusal is a named error that creates nothing.

use anchor_lang::error::ERROR_CODE_OFFSET;
use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use inference::error::InferenceError;
use inference::events::ConfigInitialized;
use io_client::inference as client;
use io_harness::config_suite::{ConfigInitSpec, accepts, refuses};
use io_harness::{Signer, TestContext};

struct Spec;

impl ConfigInitSpec for Spec {
    type Args = client::ConfigInitArgs;
    type Config = client::Config;
    type Initialized = ConfigInitialized;

    const PROGRAM_ID: Pubkey = client::ID;
    const SEED: &'static [u8] = inference::constants::SEED_CONFIG;
    const NOT_DEPLOYER: u32 = ERROR_CODE_OFFSET + InferenceError::NotDeployer as u32;
    const ALREADY_INITIALIZED: u32 = ERROR_CODE_OFFSET + InferenceError::AlreadyInitialized as u32;
    const AUTHORITY_UNSET: u32 = ERROR_CODE_OFFSET + InferenceError::AuthorityUnset as u32;

    fn default_args(ctx: &TestContext) -> Self::Args {
        io_client::defaults::inference(
            ctx.authority.pubkey(),
            ctx.guardian.pubkey(),
            io_harness::TEST_GENESIS_HASH,
        )
    }

    fn set_authority(args: &mut Self::Args, authority: Pubkey) {
        args.authority = authority;
    }

    fn instruction(ctx: &TestContext, deployer: Pubkey, args: Self::Args) -> Instruction {
        client::config_init(deployer, ctx.io_mint, args)
    }

    /// The IO vault, a token account.
    fn other_rent(ctx: &TestContext) -> u64 {
        ctx.svm.minimum_balance_for_rent_exemption(165)
    }

    /// The config names the IOSD mint, which iosd's `config_init` creates.
    fn prepare(ctx: &mut TestContext) {
        ctx.init_iosd_config();
    }

    fn expected(
        ctx: &TestContext,
        args: &Self::Args,
        bump: u8,
        rent_payer: Pubkey,
    ) -> Self::Config {
        let (io_vault, io_vault_bump) =
            Pubkey::find_program_address(&[inference::constants::SEED_IO_VAULT], &client::ID);
        client::Config {
            version: inference::constants::ACCOUNT_VERSION,
            bump,
            io_vault_bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            rent_payer,
            session_close_timeout_secs: args.session_close_timeout_secs,
            max_direct_batch: args.max_direct_batch,
            session_idle_secs: args.session_idle_secs,
            sessions_opened: 0,
            payment_pause: inference::Pause::default(),
            genesis_hash: args.genesis_hash,
            io_mint: ctx.io_mint,
            iosd_mint: io_client::iosd::iosd_mint_address(),
            io_vault,
            iosd_spender: {
                let (address, bump) =
                    Pubkey::find_program_address(&[iosd::constants::SEED_SPENDER], &client::ID);
                iosd::spender_cpi::Spender { address, bump }
            },
            escrowed: Default::default(),
            burn_accrued: Default::default(),
            burned: Default::default(),
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
            event.session_close_timeout_secs,
            config.session_close_timeout_secs
        );
        assert_eq!(event.max_direct_batch, config.max_direct_batch);
        assert_eq!(
            (
                event.genesis_hash,
                event.io_mint,
                event.iosd_mint,
                event.io_vault
            ),
            (
                config.genesis_hash,
                config.io_mint,
                config.iosd_mint,
                config.io_vault
            )
        );
    }

    fn invariant(config: &Self::Config) -> bool {
        config.invariant().is_ok()
    }
}

io_harness::config_init_tests!(Spec);

#[test]
fn refuses_session_timeout_under_24_hours() {
    refuses::<Spec>(
        |args| args.session_close_timeout_secs = 86_399,
        InferenceError::SessionTimeoutTooShort,
    );
}

#[test]
fn refuses_session_idle_time_under_7_days() {
    refuses::<Spec>(
        |args| args.session_idle_secs = inference::constants::MIN_SESSION_IDLE_SECS - 1,
        InferenceError::SessionIdleTooShort,
    );
}

#[test]
fn refuses_zero_direct_batch() {
    refuses::<Spec>(
        |args| args.max_direct_batch = 0,
        InferenceError::DirectBatchOutOfRange,
    );
}

#[test]
fn refuses_direct_batch_above_64() {
    refuses::<Spec>(
        |args| args.max_direct_batch = 65,
        InferenceError::DirectBatchOutOfRange,
    );
}

#[test]
fn limits_are_inclusive() {
    accepts::<Spec>(|args| {
        args.session_close_timeout_secs = 86_400;
        args.max_direct_batch = 64;
    });
}

/// The IO mint must have 8 decimals and the IOSD mint must be iosd's.
#[test]
fn refuses_wrong_mints() {
    let mut ctx = TestContext::new();
    ctx.init_iosd_config();
    let deployer = ctx.deployer.insecure_clone();
    let args = Spec::default_args(&ctx);
    let authority = ctx.mint_authority.pubkey();
    let six = ctx.create_mint(6, &authority);
    let ix = client::config_init(deployer.pubkey(), six, args.clone());
    io_harness::expect_error(
        ctx.send(&[ix], &[&deployer]),
        InferenceError::IoMintDecimals,
    );
    let mut ix = client::config_init(deployer.pubkey(), ctx.io_mint, args);
    ix.accounts[3].pubkey = six;
    io_harness::expect_error(
        ctx.send(&[ix], &[&deployer]),
        InferenceError::IosdMintMismatch,
    );
    assert_eq!(ctx.data(&client::config_address()), None);
    assert_eq!(ctx.data(&client::io_vault_address()), None);
}
