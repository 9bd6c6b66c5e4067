//! `fees_sweep`: anyone moves the fees leases have accrued in one currency (reservation fees at
//! open, provider fees at settlement): the burn share is burned and the rest paid to the
//! treasury, its IOSD holder for IOSD and the treasury IO account for IO. Settlements move no
//! tokens, so this is the one place fees leave the escrows; a crank calls it as often as the
//! treasury likes. The destinations are fixed by the config, so who calls it does not matter.
//! One currency per call keeps each call's cost bounded (an IOSD sweep is two CPIs into iosd).
//! A settlement pause holds sweeps too: it stops every outflow of the escrows.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::FeesSwept;
use crate::state::{Currency, MarketConfig, PauseClass};

#[event_cpi]
#[derive(Accounts)]
pub struct FeesSweep<'info> {
    /// Anyone; pays the transaction fee only.
    pub sweeper: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    /// Receives the IO fees' treasury share.
    #[account(mut, address = config.treasury @ MarketError::ConfigAccountMismatch)]
    pub treasury: Box<Account<'info, TokenAccount>>,
    /// The IOSD holder account of the treasury's owner (iosd checks it is a holder).
    #[account(mut)]
    pub treasury_holder: Box<Account<'info, TokenAccount>>,
    /// CHECK: the config's IO lease vault (address checked); only its address is needed, and
    /// an IOSD sweep does not touch it.
    #[account(mut, address = config.lease_vault @ MarketError::ConfigAccountMismatch)]
    pub lease_vault: UncheckedAccount<'info>,
    /// CHECK: the IO mint (address checked), writable for burning IO fees.
    #[account(mut, address = config.io_mint @ MarketError::IoMintMismatch)]
    pub io_mint: UncheckedAccount<'info>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl FeesSweep<'_> {
    pub fn handle(ctx: Context<Self>, currency: Currency) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        accounts
            .config
            .require_not_paused(PauseClass::Settlement, now)?;
        require_owned_by(&accounts.treasury_holder, &accounts.treasury.owner)?;
        let fees = accounts.config.fees;
        let (burn, treasury) = (fees.burn.of(currency), fees.treasury.of(currency));
        require!(burn > 0 || treasury > 0, MarketError::NothingToSweep);

        // The books first: the accrual is cleared before any token moves.
        let config = &mut ctx.accounts.config;
        config
            .fees
            .take(currency, burn, treasury)
            .map_err(MarketError::from)?;
        config
            .fees_swept
            .accrue(currency, burn, treasury)
            .map_err(MarketError::from)?;
        config.bump_revision()?;
        config.invariant()?;

        let money = super::lease_escrows(
            &ctx.accounts.config,
            ctx.accounts.lease_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?;
        let destination = match currency {
            Currency::Iosd => ctx.accounts.treasury_holder.to_account_info(),
            Currency::Io => ctx.accounts.treasury.to_account_info(),
        };
        money.burn(currency, &ctx.accounts.io_mint.to_account_info(), burn)?;
        money.pay(currency, &destination, treasury)?;
        emit_cpi!(FeesSwept {
            sweeper: ctx.accounts.sweeper.key(),
            currency,
            burned: burn,
            to_treasury: treasury,
            treasury: ctx.accounts.treasury.key(),
            treasury_holder: ctx.accounts.treasury_holder.key(),
            accrued: ctx.accounts.config.fees,
            lifetime: ctx.accounts.config.fees_swept,
            revision: ctx.accounts.config.revision,
        });
        Ok(())
    }
}
