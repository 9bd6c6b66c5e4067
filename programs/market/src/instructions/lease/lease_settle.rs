//! `lease_settle`: a settler reports a lease's cumulative GPU-seconds. The program bounds them
//! by `k × active wall-clock seconds`, takes `min(payable(cumulative), deposited) − paid` from
//! the lease, credits it less the provider fee to the provider's earnings in the lease's currency
//! (claimed with `provider_claim` or `provider_claim_io_earnings`), burns the fee's burn share
//! and pays the rest to the treasury, and pauses the lease when its runway falls under the
//! minimum. The same total again pays nothing; a lower
//! one is refused. Settlements count in the outflow bucket, which drains linearly.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::SEED_CONFIG;
use crate::error::MarketError;
use crate::state::{Currency, KeySet, Lease, MarketConfig, PauseClass, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseSettle<'info> {
    pub settler: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIG], bump = config.bump)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(mut, has_one = provider @ MarketError::LeaseMismatch)]
    pub lease: Box<Account<'info, Lease>>,
    #[account(mut)]
    pub provider: Box<Account<'info, Provider>>,
    /// Receives the IO fees' treasury share.
    #[account(mut, address = config.treasury @ MarketError::ConfigAccountMismatch)]
    pub treasury: Box<Account<'info, TokenAccount>>,
    /// The IOSD holder account of the treasury's owner.
    #[account(mut)]
    pub treasury_holder: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.lease_vault @ MarketError::ConfigAccountMismatch)]
    pub lease_vault: Box<Account<'info, TokenAccount>>,
    /// CHECK: the IO mint (address checked), writable for burning IO fees.
    #[account(mut, address = config.io_mint @ MarketError::IoMintMismatch)]
    pub io_mint: UncheckedAccount<'info>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl LeaseSettle<'_> {
    pub fn handle(ctx: Context<Self>, cumulative_gpu_secs: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        accounts
            .config
            .require_not_paused(PauseClass::Settlement, now)?;
        require!(
            accounts
                .config
                .keys(KeySet::Settlers)
                .contains(&accounts.settler.key()),
            MarketError::NotSettler
        );
        settlement::check_report(&accounts.config, &accounts.lease, cumulative_gpu_secs, now)?;
        require_owned_by(&accounts.treasury_holder, &accounts.treasury.owner)?;

        let config: &mut MarketConfig = &mut ctx.accounts.config;
        let lease: &mut Lease = &mut ctx.accounts.lease;
        let provider: &mut Provider = &mut ctx.accounts.provider;
        let paid = settlement::apply(config, lease, provider, cumulative_gpu_secs, now)?;
        config.bump_revision()?;
        config.invariant()?;

        let currency = ctx.accounts.lease.currency;
        let money = super::lease_escrows(
            &ctx.accounts.config,
            ctx.accounts.lease_vault.to_account_info(),
            &ctx.accounts.iosd,
            &ctx.bumps.iosd,
        );
        money.burn(
            currency,
            &ctx.accounts.io_mint.to_account_info(),
            paid.fee.burn,
        )?;
        let treasury = match currency {
            Currency::Iosd => ctx.accounts.treasury_holder.to_account_info(),
            Currency::Io => ctx.accounts.treasury.to_account_info(),
        };
        money.pay(currency, &treasury, paid.fee.treasury)?;
        let event = settlement::settled_event(
            ctx.accounts.lease.key(),
            &ctx.accounts.lease,
            ctx.accounts.settler.key(),
            &paid,
            ctx.accounts.config.payout_bucket_usd_micros,
        )?;
        emit_cpi!(event);
        Ok(())
    }
}
