//! `provider_claim`: the provider's owner takes its settled earnings out of the market's escrow
//! into the IOSD holder of its registered `iosd_payout_owner`.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::ProviderClaimed;
use crate::instructions::lease::*;
use crate::math::add;
use crate::state::{Currency, MarketConfig, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct ProviderClaim<'info> {
    pub owner: Signer<'info>,
    #[account(mut, dup, has_one = owner @ MarketError::NotProviderOwner)]
    pub provider: Box<Account<'info, Provider>>,
    /// The IOSD holder of the provider's `iosd_payout_owner`.
    #[account(mut, dup)]
    pub provider_holder: Box<Account<'info, TokenAccount>>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl ProviderClaim<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let amount = ctx.accounts.provider.earned_iosd_micros;
        require!(amount > 0, MarketError::NothingToClaim);
        require_owned_by(
            &ctx.accounts.provider_holder,
            &ctx.accounts.provider.iosd_payout_owner,
        )?;
        let iosd = spender_cpi(&ctx.accounts.config, &ctx.accounts.iosd)?;
        iosd.pay(&ctx.accounts.provider_holder.to_account_info(), amount)?;
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
            destination: ctx.accounts.provider_holder.key(),
            amount_micros: amount,
            io_out_base: 0,
            claimed_total_micros: provider.claimed_iosd_micros,
            escrowed: config.escrowed,
            revision: provider.revision,
        });
        Ok(())
    }
}
