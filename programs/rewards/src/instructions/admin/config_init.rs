//! `config_init`: the deployer creates the rewards configuration, once.

use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token};
use io_common::MAX_ROLE_KEYS;

use crate::constants::{ACCOUNT_VERSION, IO_DECIMALS, SEED_CONFIG, SEED_REWARD_VAULT};
use crate::error::RewardsError;
use crate::events::ConfigInitialized;
use crate::state::{Pause, RewardsConfig};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause block-reward claims for a bounded time; the default address for none.
    pub guardian: Pubkey,
    /// Share of each hour's emission for the enterprise pool, in bps (io.net: 9_500); the rest goes
    /// to the community pool.
    pub enterprise_pool_bps: u16,
    /// Unix time at which month 0 of the emission schedule begins.
    pub emission_start_ts: i64,
    /// Length of the claim-cap window, in seconds: a full cap drains over this long.
    pub claim_window_secs: u32,
    /// Most IO paid out per window, in IO base units (8 decimals), as a bucket draining
    /// linearly.
    pub claim_window_cap_io_base: u64,
    /// The cluster's genesis hash (`getGenesisHash`), which every oracle total carries.
    pub genesis_hash: [u8; 32],
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ RewardsError::NotDeployer)]
    pub deployer: Signer<'info>,
    /// The configuration PDA, created by this instruction with `create_pda_account`, which a
    /// pre-funded address cannot block (Anchor's `init` can be; see io-common).
    /// CHECK: seeds checked here; `validate` refuses an account that is already initialised.
    #[account(mut, seeds = [SEED_CONFIG], bump)]
    pub config: UncheckedAccount<'info>,
    /// The IO token: classic SPL Token, 8 decimals.
    pub io_mint: Account<'info, Mint>,
    /// CHECK: seeds checked here; created as an IO token account owned by the config.
    #[account(mut, seeds = [SEED_REWARD_VAULT], bump)]
    pub reward_vault: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

impl<'info> ConfigInit<'info> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        for account in [&self.config, &self.reward_vault] {
            require!(
                io_common::is_uninitialized(account),
                RewardsError::AlreadyInitialized
            );
        }
        require_eq!(
            self.io_mint.decimals,
            IO_DECIMALS,
            RewardsError::IoMintDecimals
        );
        require_keys_neq!(
            args.authority,
            Pubkey::default(),
            RewardsError::AuthorityUnset
        );
        RewardsConfig::check_parameters(
            args.enterprise_pool_bps,
            args.emission_start_ts,
            args.claim_window_secs,
            args.claim_window_cap_io_base,
        )
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let bump = ctx.bumps.config;
        let config = RewardsConfig {
            version: ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            pending_guardian: Pubkey::default(),
            rent_payer: ctx.accounts.deployer.key(),
            enterprise_pool_bps: args.enterprise_pool_bps,
            emission_start_ts: args.emission_start_ts,
            claim_window_secs: args.claim_window_secs,
            claim_window_cap_io_base: args.claim_window_cap_io_base,
            genesis_hash: args.genesis_hash,
            io_mint: ctx.accounts.io_mint.key(),
            seasons_created: 0,
            reward_vault: ctx.accounts.reward_vault.key(),
            reward_vault_bump: ctx.bumps.reward_vault,
            oracles: [Pubkey::default(); MAX_ROLE_KEYS],
            oracle_count: 0,
            oracle_version: 0,
            claimed_enterprise_io_base: 0,
            claimed_community_io_base: 0,
            claim_bucket_io_base: 0,
            claim_bucket_updated_at: 0,
            claim_pause: Pause::default(),
            reserved: [0; 64],
        };
        config.invariant()?;
        io_common::create_pda_with(
            &ctx.accounts.deployer.to_account_info(),
            &ctx.accounts.config.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &[SEED_CONFIG, &[bump]],
            &config,
        )?;
        let accounts = &ctx.accounts;
        io_common::create_pda_token_account(
            &accounts.deployer.to_account_info(),
            &accounts.reward_vault.to_account_info(),
            &accounts.system_program.to_account_info(),
            &accounts.token_program.to_account_info(),
            &accounts.io_mint.to_account_info(),
            &accounts.config.to_account_info(),
            &[SEED_REWARD_VAULT, &[config.reward_vault_bump]],
        )?;
        emit_cpi!(ConfigInitialized {
            config: ctx.accounts.config.key(),
            authority: config.authority,
            guardian: config.guardian,
            enterprise_pool_bps: config.enterprise_pool_bps,
            emission_start_ts: config.emission_start_ts,
            claim_window_secs: config.claim_window_secs,
            claim_window_cap_io_base: config.claim_window_cap_io_base,
            io_mint: config.io_mint,
            reward_vault: config.reward_vault,
            revision: config.revision,
        });
        Ok(())
    }
}
