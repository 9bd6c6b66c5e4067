//! `provider_register`: a GPU owner registers as a provider, naming where payouts go: an IO
//! token account, and the owner of an IOSD holder account.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_PROVIDER};
use crate::error::MarketError;
use crate::events::ProviderSet;
use crate::state::{MarketConfig, PauseClass, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct ProviderRegister<'info> {
    /// The provider's owner; pays the rent.
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, MarketConfig>,
    /// CHECK: seeds checked here; created by `handle`, which refuses an existing account.
    #[account(mut, seeds = [SEED_PROVIDER, owner.key().as_ref()], bump)]
    pub provider: UncheckedAccount<'info>,
    #[account(constraint = io_payout.mint == config.io_mint @ MarketError::IoMintMismatch)]
    pub io_payout: Account<'info, TokenAccount>,
    pub system_program: Program<'info, System>,
}

impl ProviderRegister<'_> {
    pub fn handle(ctx: Context<Self>, iosd_payout_owner: Pubkey) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts
            .config
            .require_not_paused(PauseClass::Registration, now)?;
        require!(
            io_common::is_uninitialized(&ctx.accounts.provider),
            MarketError::AlreadyInitialized
        );
        let owner = ctx.accounts.owner.key();
        let provider = Provider {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.provider,
            revision: 0,
            owner,
            io_payout: ctx.accounts.io_payout.key(),
            iosd_payout_owner,
            earned_iosd_micros: 0,
            claimed_iosd_micros: 0,
            earned_io_base: 0,
            claimed_io_base: 0,
            device_count: 0,
            // Past every index any provider ever used: an owner that closed its provider and
            // registers again never derives a device address of its earlier life.
            devices_created: ctx.accounts.config.devices_registered,
            rent_payer: owner,
            reserved: [0; 32],
        };
        provider.invariant()?;
        io_common::create_pda_with(
            &ctx.accounts.owner.to_account_info(),
            &ctx.accounts.provider.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &[SEED_PROVIDER, owner.as_ref(), &[provider.bump]],
            &provider,
        )?;
        let config = &mut ctx.accounts.config;
        config.provider_count = config
            .provider_count
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(ProviderSet {
            provider: ctx.accounts.provider.key(),
            owner,
            io_payout: provider.io_payout,
            iosd_payout_owner,
            created: true,
            provider_count: config.provider_count,
            revision: 0,
        });
        Ok(())
    }
}
