//! `provider_claim_io_earnings`: the provider's owner takes the IO its IO-funded leases earned
//! out of the market's lease vault into its registered IO payout account.

use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::ProviderClaimedIo;
use crate::instructions::lease::lease_vault;
use crate::math::add;
use crate::state::{Currency, MarketConfig, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct ProviderClaimIoEarnings<'info> {
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(
        mut, dup,
        has_one = owner @ MarketError::NotProviderOwner,
        has_one = io_payout @ MarketError::LeaseMismatch,
    )]
    pub provider: Box<Account<'info, Provider>>,
    /// The provider's registered IO payout account.
    #[account(mut)]
    pub io_payout: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.lease_vault @ MarketError::ConfigAccountMismatch)]
    pub lease_vault: Box<Account<'info, TokenAccount>>,
    pub token_program: Program<'info, Token>,
}

impl ProviderClaimIoEarnings<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let amount = ctx.accounts.provider.earned_io_base;
        require!(amount > 0, MarketError::NothingToClaim);
        let vault = lease_vault(
            &ctx.accounts.config,
            &ctx.accounts.lease_vault.to_account_info(),
            &ctx.accounts.token_program,
        );
        vault.pay(&ctx.accounts.io_payout.to_account_info(), amount)?;
        let provider = &mut ctx.accounts.provider;
        provider.earned_io_base = 0;
        provider.claimed_io_base = add(provider.claimed_io_base, amount)?;
        provider.bump_revision()?;
        provider.invariant()?;
        let config = &mut ctx.accounts.config;
        config
            .escrowed
            .debit(Currency::Io, amount)
            .map_err(MarketError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(ProviderClaimedIo {
            provider: provider.key(),
            destination: ctx.accounts.io_payout.key(),
            amount_io_base: amount,
            claimed_total_io_base: provider.claimed_io_base,
            escrowed: config.escrowed,
            revision: provider.revision,
        });
        Ok(())
    }
}
