//! `provider_update`: the owner changes where payouts go.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::ProviderSet;
use crate::state::{MarketConfig, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct ProviderUpdate<'info> {
    pub owner: Signer<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, MarketConfig>,
    #[account(mut, dup, has_one = owner @ MarketError::NotProviderOwner)]
    pub provider: Account<'info, Provider>,
    #[account(constraint = io_payout.mint == config.io_mint @ MarketError::IoMintMismatch)]
    pub io_payout: Account<'info, TokenAccount>,
}

impl ProviderUpdate<'_> {
    pub fn handle(ctx: Context<Self>, iosd_payout_owner: Pubkey) -> Result<()> {
        let io_payout = ctx.accounts.io_payout.key();
        let provider = &mut ctx.accounts.provider;
        provider.io_payout = io_payout;
        provider.iosd_payout_owner = iosd_payout_owner;
        provider.bump_revision()?;
        provider.invariant()?;
        emit_cpi!(ProviderSet {
            provider: provider.key(),
            owner: provider.owner,
            io_payout,
            iosd_payout_owner,
            created: false,
            provider_count: ctx.accounts.config.provider_count,
            revision: provider.revision,
        });
        Ok(())
    }
}
