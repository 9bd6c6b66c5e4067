//! `provider_claim_io`: the provider's owner takes its settled IOSD earnings as IO: the market
//! redeems them from its escrow through iosd (at the redeem price, or in kind when iosd says so)
//! straight into the provider's registered IO payout account.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::ProviderClaimed;
use crate::instructions::lease::spender_cpi;
use crate::math::add;
use crate::state::{Currency, MarketConfig, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct ProviderClaimIo<'info> {
    pub owner: Signer<'info>,
    #[account(
        mut, dup,
        has_one = owner @ MarketError::NotProviderOwner,
        has_one = io_payout @ MarketError::LeaseMismatch,
    )]
    pub provider: Box<Account<'info, Provider>>,
    /// The provider's registered IO payout account.
    #[account(mut, dup)]
    pub io_payout: Box<Account<'info, TokenAccount>>,
    /// CHECK: a Pyth price update, checked by iosd.
    pub price_update: UncheckedAccount<'info>,
    /// CHECK: iosd's IO vault, checked by iosd.
    #[account(mut)]
    pub io_vault: UncheckedAccount<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl ProviderClaimIo<'_> {
    pub fn handle(ctx: Context<Self>, min_io_out_base: u64) -> Result<()> {
        let amount = ctx.accounts.provider.earned_iosd_micros;
        require!(amount > 0, MarketError::NothingToClaim);
        let before = ctx.accounts.io_payout.amount;
        let iosd = spender_cpi(&ctx.accounts.config, &ctx.accounts.iosd)?;
        iosd.redeem(
            &ctx.accounts.price_update.to_account_info(),
            &ctx.accounts.io_vault.to_account_info(),
            &ctx.accounts.io_payout.to_account_info(),
            amount,
            min_io_out_base,
        )?;
        ctx.accounts.io_payout.reload()?;
        let io_out = ctx
            .accounts
            .io_payout
            .amount
            .checked_sub(before)
            .ok_or(MarketError::InvariantViolated)?;
        let provider = &mut ctx.accounts.provider;
        provider.earned_iosd_micros = 0;
        provider.claimed_iosd_micros = add(provider.claimed_iosd_micros, amount)?;
        provider.bump_revision()?;
        provider.invariant()?;
        let config = &mut ctx.accounts.config;
        config
            .escrowed
            .debit(Currency::Iosd, amount)
            .map_err(MarketError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(ProviderClaimed {
            provider: provider.key(),
            destination: ctx.accounts.io_payout.key(),
            amount_micros: amount,
            io_out_base: io_out,
            claimed_total_micros: provider.claimed_iosd_micros,
            escrowed: config.escrowed,
            revision: provider.revision,
        });
        Ok(())
    }
}
