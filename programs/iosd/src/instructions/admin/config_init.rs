//! `config_init`: the deployer creates the IOSD configuration, once.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_CONFIG};
use crate::error::IosdError;
use crate::events::ConfigInitialized;
use crate::state::IosdConfig;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause instruction classes; the default address for none.
    pub guardian: Pubkey,
    /// Oldest a price may be when minting, in seconds (1..=60).
    pub max_price_age_secs: u32,
    /// `k` in `price ± k·conf`, in basis points of one confidence interval.
    pub confidence_multiplier_bps: u32,
    /// Warning state below this collateral ratio, in bps of 1.0.
    pub warning_ratio_bps: u16,
    /// Minting halts below this collateral ratio, in bps of 1.0.
    pub mint_halt_ratio_bps: u16,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ IosdError::NotDeployer)]
    pub deployer: Signer<'info>,
    #[account(
        init,
        payer = deployer,
        space = 8 + IosdConfig::INIT_SPACE,
        seeds = [SEED_CONFIG],
        bump,
    )]
    pub config: Account<'info, IosdConfig>,
    pub system_program: Program<'info, System>,
}

impl ConfigInit<'_> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        require_keys_neq!(args.authority, Pubkey::default(), IosdError::AuthorityUnset);
        IosdConfig::check_parameters(
            args.max_price_age_secs,
            args.confidence_multiplier_bps,
            args.warning_ratio_bps,
            args.mint_halt_ratio_bps,
        )
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let config = &mut ctx.accounts.config;
        config.set_inner(IosdConfig {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.config,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer: ctx.accounts.deployer.key(),
            max_price_age_secs: args.max_price_age_secs,
            confidence_multiplier_bps: args.confidence_multiplier_bps,
            warning_ratio_bps: args.warning_ratio_bps,
            mint_halt_ratio_bps: args.mint_halt_ratio_bps,
            reserved: [0; 64],
        });
        config.invariant()?;
        emit_cpi!(ConfigInitialized {
            config: config.key(),
            authority: config.authority,
            guardian: config.guardian,
            max_price_age_secs: config.max_price_age_secs,
            confidence_multiplier_bps: config.confidence_multiplier_bps,
            warning_ratio_bps: config.warning_ratio_bps,
            mint_halt_ratio_bps: config.mint_halt_ratio_bps,
            revision: config.revision,
        });
        Ok(())
    }
}
