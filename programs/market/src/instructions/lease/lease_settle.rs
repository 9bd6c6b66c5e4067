//! `lease_settle`: a settler reports a lease's cumulative GPU-seconds. The program bounds them
//! by `k × active wall-clock seconds`, takes `min(payable(cumulative), deposited) − paid` from
//! the lease, credits it less the provider fee to the provider's earnings in the lease's currency
//! (claimed with `provider_claim` or `provider_claim_io_earnings`), accrues the fee in the config
//! (`fees_sweep` burns its burn share and pays the rest to the treasury), and pauses the lease
//! when its runway falls under the minimum. No token moves, so a settlement costs no CPI but
//! its event's. The same total again pays nothing; a lower one is refused. Settlements count in
//! the outflow bucket, which drains linearly.

use anchor_lang::prelude::*;

use super::*;
use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::LeaseSettled;
use crate::state::{KeySet, Lease, MarketConfig, PauseClass, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseSettle<'info> {
    pub settler: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(mut, dup, has_one = provider @ MarketError::LeaseMismatch)]
    pub lease: Box<Account<'info, Lease>>,
    #[account(mut, dup)]
    pub provider: Box<Account<'info, Provider>>,
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

        let config: &mut MarketConfig = &mut ctx.accounts.config;
        let lease: &mut Lease = &mut ctx.accounts.lease;
        let provider: &mut Provider = &mut ctx.accounts.provider;
        let paid = settlement::apply(config, lease, provider, cumulative_gpu_secs, now)?;
        config.bump_revision()?;
        config.invariant()?;
        let event = LeaseSettled {
            settler: ctx.accounts.settler.key(),
            settlement: settlement::settled(ctx.accounts.lease.key(), &ctx.accounts.lease, &paid)?,
            payout_bucket_usd_micros: ctx.accounts.config.payout_bucket_usd_micros,
        };
        emit_cpi!(event);
        Ok(())
    }
}
