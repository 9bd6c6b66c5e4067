//! `config_init`: the deployer creates the inference configuration, once.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_CONFIG};
use crate::error::InferenceError;
use crate::events::ConfigInitialized;
use crate::state::InferenceConfig;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause instruction classes; the default address for none.
    pub guardian: Pubkey,
    /// Seconds between a user's close request and the refund (at least 24 hours).
    pub session_close_timeout_secs: u32,
    /// Most inferences one direct payment may cover (1..=64).
    pub max_direct_batch: u16,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ InferenceError::NotDeployer)]
    pub deployer: Signer<'info>,
    #[account(
        init,
        payer = deployer,
        space = 8 + InferenceConfig::INIT_SPACE,
        seeds = [SEED_CONFIG],
        bump,
    )]
    pub config: Account<'info, InferenceConfig>,
    pub system_program: Program<'info, System>,
}

impl ConfigInit<'_> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        require_keys_neq!(args.authority, Pubkey::default(), InferenceError::AuthorityUnset);
        InferenceConfig::check_parameters(
            args.session_close_timeout_secs,
            args.max_direct_batch,
        )
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let config = &mut ctx.accounts.config;
        config.set_inner(InferenceConfig {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.config,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer: ctx.accounts.deployer.key(),
            session_close_timeout_secs: args.session_close_timeout_secs,
            max_direct_batch: args.max_direct_batch,
            reserved: [0; 64],
        });
        config.invariant()?;
        emit_cpi!(ConfigInitialized {
            config: config.key(),
            authority: config.authority,
            guardian: config.guardian,
            session_close_timeout_secs: config.session_close_timeout_secs,
            max_direct_batch: config.max_direct_batch,
            revision: config.revision,
        });
        Ok(())
    }
}
