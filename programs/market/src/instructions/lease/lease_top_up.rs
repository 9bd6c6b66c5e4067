//! `lease_top_up`: the renter adds funds to a lease's escrow in its currency (no fee; IO at the
//! quote locked at open). A paused lease resumes once its runway covers the minimum again.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::LeaseToppedUp;
use crate::math::add;
use crate::state::{Lease, MarketConfig, PauseClass};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseTopUp<'info> {
    pub renter: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(mut, dup, has_one = renter @ MarketError::NotLeaseParty)]
    pub lease: Box<Account<'info, Lease>>,
    /// The renter's IOSD holder (IOSD lease) or an IO account it may spend from (IO lease).
    #[account(mut)]
    pub renter_funds: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.lease_vault @ MarketError::ConfigAccountMismatch)]
    pub lease_vault: Box<Account<'info, TokenAccount>>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl LeaseTopUp<'_> {
    pub fn handle(ctx: Context<Self>, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts
            .config
            .require_not_paused(PauseClass::Leasing, now)?;
        require!(amount > 0, MarketError::ZeroAmount);
        require!(
            ctx.accounts.lease.close_requested_at == 0,
            MarketError::LeaseClosing
        );
        let currency = ctx.accounts.lease.currency;
        require_currency(&ctx.accounts.renter_funds, &ctx.accounts.config, currency)?;
        super::lease_escrows(
            &ctx.accounts.config,
            ctx.accounts.lease_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?
        .take(
            currency,
            &ctx.accounts.renter.to_account_info(),
            &ctx.accounts.renter_funds.to_account_info(),
            amount,
        )?;
        let min_runway = u64::from(ctx.accounts.config.params.min_runway_secs);
        let lease = &mut ctx.accounts.lease;
        lease.deposited = add(lease.deposited, amount)?;
        if lease.paused_at != 0 && lease.runway_secs()? >= min_runway {
            let paused = u64::try_from(now.saturating_sub(lease.paused_at)).unwrap_or(0);
            lease.paused_secs = add(lease.paused_secs, paused)?;
            lease.paused_at = 0;
        }
        lease.bump_revision()?;
        lease.invariant()?;
        let config = &mut ctx.accounts.config;
        config
            .escrowed
            .credit(currency, amount)
            .map_err(MarketError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(LeaseToppedUp {
            lease: lease.key(),
            amount,
            deposited: lease.deposited,
            remaining: lease.remaining()?,
            paused: lease.paused_at != 0,
            escrowed: config.escrowed,
            revision: lease.revision,
        });
        Ok(())
    }
}
