//! `provider_close`: a provider without devices closes its account; the rent goes back to the
//! payer.

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::ProviderClosed;
use crate::state::{MarketConfig, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct ProviderClose<'info> {
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, MarketConfig>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = owner @ MarketError::NotProviderOwner,
        has_one = rent_payer @ MarketError::ConfigAccountMismatch,
        constraint = provider.device_count == 0 @ MarketError::ProviderHasDevices,
        constraint = provider.earned_iosd_micros == 0 && provider.earned_io_base == 0
            @ MarketError::ProviderHasEarnings,
    )]
    pub provider: Account<'info, Provider>,
    /// CHECK: must be the provider's recorded rent payer (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl ProviderClose<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let config = &mut ctx.accounts.config;
        config.provider_count = config
            .provider_count
            .checked_sub(1)
            .ok_or(MarketError::InvariantViolated)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(ProviderClosed {
            provider: ctx.accounts.provider.key(),
            provider_count: config.provider_count,
        });
        Ok(())
    }
}
