//! `config_init`: the deployer creates the inference configuration and its IO vault, once.

use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token};

use crate::constants::{ACCOUNT_VERSION, IO_DECIMALS, SEED_CONFIG, SEED_IO_VAULT};
use crate::error::InferenceError;
use crate::events::ConfigInitialized;
use crate::state::{EscrowTotals, InferenceConfig, Pause};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause new payments for a bounded time; the default address for none.
    pub guardian: Pubkey,
    /// Seconds between a user's close request and the refund (at least 24 hours).
    pub session_close_timeout_secs: u32,
    /// Most inferences one direct payment may cover (1..=64).
    pub max_direct_batch: u16,
    /// Seconds a session must be idle before anyone may request its close (at least 7 days).
    pub session_idle_secs: u32,
    /// The cluster's genesis hash (`getGenesisHash`), which every receipt message carries.
    pub genesis_hash: [u8; 32],
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ InferenceError::NotDeployer)]
    pub deployer: Signer<'info>,
    /// The configuration PDA, created by this instruction with `create_pda_account`, which a
    /// pre-funded address cannot block (Anchor's `init` can be; see io-common).
    /// CHECK: seeds checked here; `validate` refuses an account that is already initialised.
    #[account(mut, seeds = [SEED_CONFIG], bump)]
    pub config: UncheckedAccount<'info>,
    /// The IO token: classic SPL Token, 8 decimals.
    pub io_mint: Account<'info, Mint>,
    /// IOSD: must be the iosd program's mint PDA.
    #[account(
        address = Pubkey::find_program_address(&[iosd::constants::SEED_IOSD_MINT], &iosd::ID).0
            @ InferenceError::IosdMintMismatch,
    )]
    pub iosd_mint: Account<'info, Mint>,
    /// CHECK: seeds checked here; created as an IO token account owned by the config.
    #[account(mut, seeds = [SEED_IO_VAULT], bump)]
    pub io_vault: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

impl ConfigInit<'_> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        for account in [&self.config, &self.io_vault] {
            require!(
                io_common::is_uninitialized(account),
                InferenceError::AlreadyInitialized
            );
        }
        require_keys_neq!(
            args.authority,
            Pubkey::default(),
            InferenceError::AuthorityUnset
        );
        require_eq!(
            self.io_mint.decimals,
            IO_DECIMALS,
            InferenceError::IoMintDecimals
        );
        InferenceConfig::check_parameters(
            args.session_close_timeout_secs,
            args.max_direct_batch,
            args.session_idle_secs,
        )
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let accounts = &ctx.accounts;
        let config = InferenceConfig {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.config,
            io_vault_bump: ctx.bumps.io_vault,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            rent_payer: accounts.deployer.key(),
            session_close_timeout_secs: args.session_close_timeout_secs,
            max_direct_batch: args.max_direct_batch,
            session_idle_secs: args.session_idle_secs,
            sessions_opened: 0,
            payment_pause: Pause::default(),
            genesis_hash: args.genesis_hash,
            io_mint: accounts.io_mint.key(),
            iosd_mint: accounts.iosd_mint.key(),
            io_vault: accounts.io_vault.key(),
            iosd_spender: iosd::spender_cpi::Spender::find(&crate::ID),
            escrowed: EscrowTotals::default(),
            burn_accrued: EscrowTotals::default(),
            burned: EscrowTotals::default(),
            reserved: [0; 64],
        };
        config.invariant()?;
        io_common::create_pda_with(
            &accounts.deployer.to_account_info(),
            &accounts.config.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[SEED_CONFIG, &[config.bump]],
            &config,
        )?;
        io_common::create_pda_token_account(
            &accounts.deployer.to_account_info(),
            &accounts.io_vault.to_account_info(),
            &accounts.system_program.to_account_info(),
            &accounts.token_program.to_account_info(),
            &accounts.io_mint.to_account_info(),
            &accounts.config.to_account_info(),
            &[SEED_IO_VAULT, &[config.io_vault_bump]],
        )?;
        emit_cpi!(ConfigInitialized {
            config: accounts.config.key(),
            authority: config.authority,
            guardian: config.guardian,
            session_close_timeout_secs: config.session_close_timeout_secs,
            max_direct_batch: config.max_direct_batch,
            session_idle_secs: config.session_idle_secs,
            genesis_hash: config.genesis_hash,
            io_mint: config.io_mint,
            iosd_mint: config.iosd_mint,
            io_vault: config.io_vault,
            revision: config.revision,
        });
        Ok(())
    }
}
