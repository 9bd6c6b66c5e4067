//! `burn_sweep`: anyone burns what direct payments and session settlements accrued to burn in
//! one currency. Payments move only the provider's share; the burn share waits in the escrow,
//! counted in the config's `burn_accrued`, so a payment costs one CPI into iosd fewer. Burning
//! takes nothing from anyone who could claim it, so neither a pause nor a role holds it.

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::InferenceError;
use crate::events::BurnSwept;
use crate::instructions::escrow::*;
use crate::state::{Currency, InferenceConfig};

#[event_cpi]
#[derive(Accounts)]
pub struct BurnSweep<'info> {
    /// Anyone; pays the transaction fee only.
    pub sweeper: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, InferenceConfig>,
    /// CHECK: the config's IO vault (address checked); an IOSD sweep does not touch it.
    #[account(mut, address = config.io_vault @ InferenceError::ConfigAccountMismatch)]
    pub io_vault: UncheckedAccount<'info>,
    /// CHECK: the IO mint (address checked), writable for burning IO.
    #[account(mut, address = config.io_mint @ InferenceError::CurrencyMismatch)]
    pub io_mint: UncheckedAccount<'info>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl BurnSweep<'_> {
    pub fn handle(ctx: Context<Self>, currency: Currency) -> Result<()> {
        let amount = ctx.accounts.config.burn_accrued.of(currency);
        require!(amount > 0, InferenceError::NothingToBurn);
        // The books first: the accrual is cleared before the tokens burn.
        let config = &mut ctx.accounts.config;
        config
            .burn_accrued
            .debit(currency, amount)
            .map_err(InferenceError::from)?;
        config
            .burned
            .credit(currency, amount)
            .map_err(InferenceError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        let escrows = escrows(
            &ctx.accounts.config,
            ctx.accounts.io_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?;
        escrows.burn(currency, &ctx.accounts.io_mint.to_account_info(), amount)?;
        let config = &ctx.accounts.config;
        emit_cpi!(BurnSwept {
            sweeper: ctx.accounts.sweeper.key(),
            currency,
            burned: amount,
            accrued: config.burn_accrued,
            lifetime: config.burned,
            revision: config.revision,
        });
        Ok(())
    }
}
