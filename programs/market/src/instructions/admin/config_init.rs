//! `config_init`: the deployer creates the market configuration, once.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_CONFIG};
use crate::error::MarketError;
use crate::events::ConfigInitialized;
use crate::state::MarketConfig;

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct ConfigInitArgs {
    /// Key that will govern the program (the governance PDA on a real deployment).
    pub authority: Pubkey,
    /// Key that may pause instruction classes; the default address for none.
    pub guardian: Pubkey,
    /// Reservation fee charged to the renter at lease open, in bps (io.net: 25).
    pub reservation_fee_bps: u16,
    /// Fee withheld from each provider payout, in bps (io.net: 25).
    pub provider_fee_bps: u16,
    /// Share of protocol revenue that is burned, in bps.
    pub burn_share_bps: u16,
    /// IO staked per GPU before the class multiplier, in IO base units (8 decimals).
    pub stake_per_gpu_io_base: u64,
    /// Seconds between an unstake request and the withdrawal (default 14 days).
    pub unstake_cooldown_secs: u32,
}

#[event_cpi]
#[derive(Accounts)]
pub struct ConfigInit<'info> {
    /// The build-time deployer; pays the rent.
    #[account(mut, address = io_common::DEPLOYER @ MarketError::NotDeployer)]
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
            MarketError::AlreadyInitialized
        );
        require_keys_neq!(
            args.authority,
            Pubkey::default(),
            MarketError::AuthorityUnset
        );
        MarketConfig::check_parameters(
            args.reservation_fee_bps,
            args.provider_fee_bps,
            args.burn_share_bps,
            args.stake_per_gpu_io_base,
            args.unstake_cooldown_secs,
        )
    }

    pub fn handle(ctx: Context<Self>, args: ConfigInitArgs) -> Result<()> {
        ctx.accounts.validate(&args)?;
        let bump = ctx.bumps.config;
        let config = MarketConfig {
            version: ACCOUNT_VERSION,
            bump,
            revision: 0,
            authority: args.authority,
            pending_authority: Pubkey::default(),
            guardian: args.guardian,
            rent_payer: ctx.accounts.deployer.key(),
            reservation_fee_bps: args.reservation_fee_bps,
            provider_fee_bps: args.provider_fee_bps,
            burn_share_bps: args.burn_share_bps,
            stake_per_gpu_io_base: args.stake_per_gpu_io_base,
            unstake_cooldown_secs: args.unstake_cooldown_secs,
            reserved: [0; 64],
        };
        config.invariant()?;
        io_common::create_pda_account(
            &ctx.accounts.deployer.to_account_info(),
            &ctx.accounts.config.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &crate::ID,
            8 + MarketConfig::INIT_SPACE,
            &[SEED_CONFIG, &[bump]],
        )?;
        config.try_serialize(&mut &mut ctx.accounts.config.try_borrow_mut_data()?[..])?;
        emit_cpi!(ConfigInitialized {
            config: ctx.accounts.config.key(),
            authority: config.authority,
            guardian: config.guardian,
            reservation_fee_bps: config.reservation_fee_bps,
            provider_fee_bps: config.provider_fee_bps,
            burn_share_bps: config.burn_share_bps,
            stake_per_gpu_io_base: config.stake_per_gpu_io_base,
            unstake_cooldown_secs: config.unstake_cooldown_secs,
            revision: config.revision,
        });
        Ok(())
    }
}
