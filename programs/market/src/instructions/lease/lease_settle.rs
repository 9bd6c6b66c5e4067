//! `lease_settle`: a settler reports a lease's cumulative GPU-seconds. The program bounds them
//! by `k × active wall-clock seconds`, takes `min(payable(cumulative), deposited) − paid` from
//! the lease, credits it less the provider fee to the provider's earnings (claimed with
//! `provider_claim`), burns the fee's burn share and pays the rest to the treasury, and pauses
//! the lease when its runway falls under the minimum. The same total again pays nothing; a lower
//! one is refused. Settlements count against the window's outflow cap.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::SEED_CONFIG;
use crate::error::MarketError;
use crate::state::{KeySet, Lease, MarketConfig, PauseClass, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseSettle<'info> {
    pub settler: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIG], bump = config.bump)]
    pub config: Account<'info, MarketConfig>,
    #[account(mut, has_one = provider @ MarketError::LeaseMismatch)]
    pub lease: Account<'info, Lease>,
    #[account(mut)]
    pub provider: Account<'info, Provider>,
    #[account(address = config.treasury @ MarketError::ConfigAccountMismatch)]
    pub treasury: Account<'info, TokenAccount>,
    /// The IOSD holder account of the treasury's owner.
    #[account(mut)]
    pub treasury_holder: Account<'info, TokenAccount>,
    pub iosd: IosdAccounts<'info>,
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
        require_holder_of(&accounts.treasury_holder, &accounts.treasury.owner)?;

        let config: &mut MarketConfig = &mut ctx.accounts.config;
        let lease: &mut Lease = &mut ctx.accounts.lease;
        let provider: &mut Provider = &mut ctx.accounts.provider;
        let paid = settlement::apply(config, lease, provider, cumulative_gpu_secs, now)?;
        config.bump_revision()?;
        config.invariant()?;

        let iosd = crate::iosd_cpi!(ctx.accounts.iosd, ctx.bumps.iosd);
        iosd.burn(paid.fee.burn)?;
        iosd.pay_out(
            &ctx.accounts.treasury_holder.to_account_info(),
            paid.fee.treasury,
        )?;
        let event = settlement::settled_event(
            ctx.accounts.lease.key(),
            &ctx.accounts.lease,
            ctx.accounts.settler.key(),
            &paid,
            ctx.accounts.config.payout_window_used_usd_micros,
        )?;
        emit_cpi!(event);
        Ok(())
    }
}
