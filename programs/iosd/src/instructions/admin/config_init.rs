//! `config_init`: the deployer creates the iosd configuration, once.

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
    /// Collateral ratio below which the protocol is in the warning state, in bps of 1.0.
    pub warning_ratio_bps: u16,
    /// Collateral ratio below which minting halts, in bps of 1.0.
    pub mint_halt_ratio_bps: u16,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ IosdError::NotDeployer)]
    pub deployer: Signer<'info>,
    /// The configuration PDA, created by this instruction with `create_pda_account`, which a
    /// pre-funded address cannot block (Anchor's `init` can be; see io-common).
    /// CHECK: seeds checked here; `validate` refuses an account that is already initialised.
    #[account(mut, seeds = [SEED_CONFIG], bump)]
    pub config: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ConfigInit<'_> {
    fn validate(&self, args: &ConfigInitArgs) -> Result<()> {
        require!(
            self.config.owner == &anchor_lang::system_program::ID && self.config.data_is_empty(),
            IosdError::AlreadyInitialized
        );
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
        let bump = ctx.bumps.config;
        let config = IosdConfig {
            version: ACCOUNT_VERSION,
            bump,
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
        };
        config.invariant()?;
        io_common::create_pda_account(
            &ctx.accounts.deployer.to_account_info(),
            &ctx.accounts.config.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &crate::ID,
            8 + IosdConfig::INIT_SPACE,
            &[SEED_CONFIG, &[bump]],
        )?;
        config.try_serialize(&mut &mut ctx.accounts.config.try_borrow_mut_data()?[..])?;
        emit_cpi!(ConfigInitialized {
            config: ctx.accounts.config.key(),
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
