//! `config_init`: the deployer creates the governance configuration and the vault of locked IO,
//! once.

use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token};

use crate::constants::{ACCOUNT_VERSION, IO_DECIMALS, SEED_CONFIG, SEED_GOVERNANCE, SEED_VAULT};
use crate::error::GovernanceError;
use crate::events::ConfigInitialized;
use crate::state::{GovernanceConfig, GovernanceParams};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that changes the parameters: the governance PDA (`[b"governance"]`) on a real
    /// deployment, so governance governs itself.
    pub authority: Pubkey,
    /// Key that may veto proposals within its budget; the default address for none.
    pub guardian: Pubkey,
    pub params: GovernanceParams,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ GovernanceError::NotDeployer)]
    pub deployer: Signer<'info>,
    /// The configuration PDA, created by this instruction with `create_pda_account`, which a
    /// pre-funded address cannot block (Anchor's `init` can be; see io-common).
    /// CHECK: seeds checked here; `validate` refuses an account that is already initialised.
    #[account(mut, seeds = [SEED_CONFIG], bump)]
    pub config: UncheckedAccount<'info>,
    /// CHECK: the governance PDA (seeds checked); only its bump is recorded.
    #[account(seeds = [SEED_GOVERNANCE], bump)]
    pub governance: UncheckedAccount<'info>,
    /// The IO token: classic SPL Token, 8 decimals.
    pub io_mint: Account<'info, Mint>,
    /// CHECK: seeds checked here; created as an IO token account owned by the config.
    #[account(mut, seeds = [SEED_VAULT], bump)]
    pub vault: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

impl ConfigInit<'_> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        for account in [&self.config, &self.vault] {
            require!(
                io_common::is_uninitialized(account),
                GovernanceError::AlreadyInitialized
            );
        }
        require_keys_neq!(
            args.authority,
            Pubkey::default(),
            GovernanceError::AuthorityUnset
        );
        require_eq!(
            self.io_mint.decimals,
            IO_DECIMALS,
            GovernanceError::IoMintDecimals
        );
        args.params.check()
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let accounts = &ctx.accounts;
        let config = GovernanceConfig {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.config,
            vault_bump: ctx.bumps.vault,
            governance_bump: ctx.bumps.governance,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            pending_guardian_ready_at: 0,
            rent_payer: accounts.deployer.key(),
            io_mint: accounts.io_mint.key(),
            vault: accounts.vault.key(),
            params: args.params,
            locked_total: 0,
            positions_open: 0,
            proposals_created: 0,
            veto_bucket: 0,
            veto_bucket_updated_at: 0,
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
            &accounts.vault.to_account_info(),
            &accounts.system_program.to_account_info(),
            &accounts.token_program.to_account_info(),
            &accounts.io_mint.to_account_info(),
            &accounts.config.to_account_info(),
            &[SEED_VAULT, &[config.vault_bump]],
        )?;
        emit_cpi!(ConfigInitialized {
            config: accounts.config.key(),
            authority: config.authority,
            guardian: config.guardian,
            governance: accounts.governance.key(),
            io_mint: config.io_mint,
            vault: config.vault,
            params: config.params,
            revision: config.revision,
        });
        Ok(())
    }
}
