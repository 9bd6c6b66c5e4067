//! `lease_finalize`: anyone closes a lease once its close grace is over, or once it has been
//! paused for the pause timeout, unless settlement is paused (the provider could not settle the
//! last usage). A settlement pause that overlapped the grace extends it by the pause, and a
//! leasing pause (which holds top-ups) the timeout, so no pause shortens either. The rest of the escrow is refunded to the renter in the lease's
//! currency, the GPUs are released, and the lease account closes with its rent back to the
//! renter.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::LeaseFinalized;
use crate::state::{Device, Lease, MarketConfig, PauseClass};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseFinalize<'info> {
    pub anyone: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = device @ MarketError::LeaseMismatch,
        has_one = rent_payer @ MarketError::LeaseMismatch,
    )]
    pub lease: Box<Account<'info, Lease>>,
    #[account(mut, dup)]
    pub device: Box<Account<'info, Device>>,
    /// Receives the refund: the renter's IOSD holder (IOSD lease) or an IO token account the
    /// renter owns (IO lease).
    #[account(mut)]
    pub renter_funds: Box<Account<'info, TokenAccount>>,
    /// CHECK: the lease's recorded rent payer, the renter (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
    #[account(mut, address = config.lease_vault @ MarketError::ConfigAccountMismatch)]
    pub lease_vault: Box<Account<'info, TokenAccount>>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl LeaseFinalize<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        // While settlement is paused, a closing lease's last usage could not be settled before
        // the refund: finalising waits for the pause to end.
        ctx.accounts
            .config
            .require_not_paused(PauseClass::Settlement, now)?;
        let config = &ctx.accounts.config;
        let lease = &ctx.accounts.lease;
        let closed =
            lease.close_requested_at != 0 && now >= settlement::close_grace_end(config, lease)?;
        let timed_out =
            lease.paused_at != 0 && now >= settlement::pause_timeout_end(config, lease)?;
        require!(closed || timed_out, MarketError::CloseTooEarly);
        let currency = lease.currency;
        require_currency(&ctx.accounts.renter_funds, &ctx.accounts.config, currency)?;
        require_owned_by(&ctx.accounts.renter_funds, &lease.renter)?;
        let refund = lease.remaining()?;
        let gpu_count = lease.gpu_count;
        super::lease_escrows(
            &ctx.accounts.config,
            ctx.accounts.lease_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?
        .pay(
            currency,
            &ctx.accounts.renter_funds.to_account_info(),
            refund,
        )?;

        let device = &mut ctx.accounts.device;
        device.gpus_leased = device
            .gpus_leased
            .checked_sub(gpu_count)
            .ok_or(MarketError::InvariantViolated)?;
        device.open_leases = device
            .open_leases
            .checked_sub(1)
            .ok_or(MarketError::InvariantViolated)?;
        device.bump_revision()?;
        device.invariant()?;
        let config = &mut ctx.accounts.config;
        config.open_leases = config
            .open_leases
            .checked_sub(1)
            .ok_or(MarketError::InvariantViolated)?;
        config
            .escrowed
            .debit(currency, refund)
            .map_err(MarketError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(LeaseFinalized {
            lease: ctx.accounts.lease.key(),
            currency,
            refund,
            total_paid: ctx.accounts.lease.paid,
            provider_paid: ctx.accounts.lease.provider_paid,
            fees: ctx.accounts.lease.fees,
            timed_out: !closed,
            gpus_leased: ctx.accounts.device.gpus_leased,
            open_leases: config.open_leases,
            escrowed: config.escrowed,
        });
        Ok(())
    }
}
