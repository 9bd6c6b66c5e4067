//! `config_init`: the deployer creates the market configuration, the stake vault, the slash
//! escrow and the IO lease vault, once.

use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};
use io_common::{AccruedFees, MAX_ROLE_KEYS};
use iosd::spender_cpi::Spender;

use crate::constants::{
    ACCOUNT_VERSION, IO_DECIMALS, SEED_CONFIG, SEED_LEASE_VAULT, SEED_SLASH_ESCROW,
    SEED_STAKE_VAULT,
};
use crate::error::MarketError;
use crate::events::ConfigInitialized;
use crate::state::{EscrowTotals, MarketConfig, MarketParams, PAUSE_CLASSES, Pause, StakeTotals};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause instruction classes; the default address for none.
    pub guardian: Pubkey,
    pub params: MarketParams,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ MarketError::NotDeployer)]
    pub deployer: Signer<'info>,
    /// The configuration PDA, created with `create_pda_account` (a pre-funded address cannot
    /// block it).
    /// CHECK: seeds checked here; `validate` refuses an account that is already initialised.
    #[account(mut, seeds = [SEED_CONFIG], bump)]
    pub config: UncheckedAccount<'info>,
    /// The IO token: classic SPL Token, 8 decimals.
    pub io_mint: Account<'info, Mint>,
    /// IOSD: must be the iosd program's mint PDA.
    #[account(
        address = Pubkey::find_program_address(&[iosd::constants::SEED_IOSD_MINT], &iosd::ID).0
            @ MarketError::IosdMintMismatch,
    )]
    pub iosd_mint: Account<'info, Mint>,
    /// IO token account receiving upheld slashes and protocol fees (any owner, e.g. governance).
    #[account(constraint = treasury.mint == io_mint.key() @ MarketError::IoMintMismatch)]
    pub treasury: Account<'info, TokenAccount>,
    /// CHECK: seeds checked here; created as an IO token account owned by the config.
    #[account(mut, seeds = [SEED_STAKE_VAULT], bump)]
    pub stake_vault: UncheckedAccount<'info>,
    /// CHECK: seeds checked here; created as an IO token account owned by the config.
    #[account(mut, seeds = [SEED_SLASH_ESCROW], bump)]
    pub slash_escrow: UncheckedAccount<'info>,
    /// CHECK: seeds checked here; created as an IO token account owned by the config.
    #[account(mut, seeds = [SEED_LEASE_VAULT], bump)]
    pub lease_vault: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

impl<'info> ConfigInit<'info> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        for account in [
            &self.config,
            &self.stake_vault,
            &self.slash_escrow,
            &self.lease_vault,
        ] {
            require!(
                io_common::is_uninitialized(account),
                MarketError::AlreadyInitialized
            );
        }
        require_keys_neq!(
            args.authority,
            Pubkey::default(),
            MarketError::AuthorityUnset
        );
        require_eq!(
            self.io_mint.decimals,
            IO_DECIMALS,
            MarketError::IoMintDecimals
        );
        args.params.check()
    }

    fn create_vault(&self, vault: &UncheckedAccount<'info>, seeds: &[&[u8]]) -> Result<()> {
        io_common::create_pda_token_account(
            &self.deployer.to_account_info(),
            &vault.to_account_info(),
            &self.system_program.to_account_info(),
            &self.token_program.to_account_info(),
            &self.io_mint.to_account_info(),
            &self.config.to_account_info(),
            seeds,
        )
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let bumps = &ctx.bumps;
        let accounts = &ctx.accounts;
        let config = MarketConfig {
            version: ACCOUNT_VERSION,
            bump: bumps.config,
            stake_vault_bump: bumps.stake_vault,
            slash_escrow_bump: bumps.slash_escrow,
            lease_vault_bump: bumps.lease_vault,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            rent_payer: accounts.deployer.key(),
            settlers: [Pubkey::default(); MAX_ROLE_KEYS],
            settler_count: 0,
            slashers: [Pubkey::default(); MAX_ROLE_KEYS],
            slasher_count: 0,
            io_mint: accounts.io_mint.key(),
            iosd_mint: accounts.iosd_mint.key(),
            token_program: accounts.token_program.key(),
            treasury: accounts.treasury.key(),
            stake_vault: accounts.stake_vault.key(),
            slash_escrow: accounts.slash_escrow.key(),
            lease_vault: accounts.lease_vault.key(),
            iosd_spender: Spender::find(&crate::ID),
            params: args.params,
            pauses: [Pause::default(); PAUSE_CLASSES],
            stake: StakeTotals::default(),
            provider_count: 0,
            device_count: 0,
            devices_registered: 0,
            open_leases: 0,
            payout_bucket_usd_micros: 0,
            payout_bucket_updated_at: 0,
            escrowed: EscrowTotals::default(),
            fees: AccruedFees::default(),
            fees_swept: AccruedFees::default(),
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
        accounts.create_vault(
            &accounts.stake_vault,
            &[SEED_STAKE_VAULT, &[config.stake_vault_bump]],
        )?;
        accounts.create_vault(
            &accounts.slash_escrow,
            &[SEED_SLASH_ESCROW, &[config.slash_escrow_bump]],
        )?;
        accounts.create_vault(
            &accounts.lease_vault,
            &[SEED_LEASE_VAULT, &[config.lease_vault_bump]],
        )?;
        emit_cpi!(ConfigInitialized {
            config: accounts.config.key(),
            authority: config.authority,
            guardian: config.guardian,
            io_mint: config.io_mint,
            iosd_mint: config.iosd_mint,
            treasury: config.treasury,
            stake_vault: config.stake_vault,
            slash_escrow: config.slash_escrow,
            lease_vault: config.lease_vault,
            params: config.params,
            revision: config.revision,
        });
        Ok(())
    }
}
