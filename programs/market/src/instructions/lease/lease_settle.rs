//! `lease_settle`: a settler reports a lease's cumulative GPU-seconds. The program bounds them
//! by `k × active wall-clock seconds`, pays `min(payable(cumulative), deposited) − paid` to the
//! provider's IOSD holder minus the provider fee (burn share burned, the rest to the treasury),
//! and pauses the lease when its runway falls under the minimum. The same total again pays
//! nothing; a lower one is refused. Settlements count against the window's outflow cap.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::SEED_CONFIG;
use crate::error::MarketError;
use crate::events::LeaseSettled;
use crate::instructions::stake::{add, sub};
use crate::state::{Lease, MarketConfig, PauseClass, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseSettle<'info> {
    pub settler: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIG], bump = config.bump)]
    pub config: Account<'info, MarketConfig>,
    #[account(mut, has_one = provider @ MarketError::LeaseMismatch)]
    pub lease: Account<'info, Lease>,
    pub provider: Account<'info, Provider>,
    /// The IOSD holder of the provider's `iosd_payout_owner`.
    #[account(mut)]
    pub provider_holder: Account<'info, TokenAccount>,
    #[account(address = config.treasury @ MarketError::ConfigAccountMismatch)]
    pub treasury: Account<'info, TokenAccount>,
    /// The IOSD holder account of the treasury's owner.
    #[account(mut)]
    pub treasury_holder: Account<'info, TokenAccount>,
    pub iosd: IosdAccounts<'info>,
}

impl LeaseSettle<'_> {
    fn validate(&self, cumulative_gpu_secs: u64, now: i64) -> Result<()> {
        let config = &self.config;
        config.require_not_paused(PauseClass::Settlement, now)?;
        require!(
            config
                .keys(crate::state::KeySet::Settlers)
                .contains(&self.settler.key()),
            MarketError::NotSettler
        );
        let lease = &self.lease;
        if lease.close_requested_at != 0 {
            let grace_end = lease
                .close_requested_at
                .checked_add(i64::from(config.params.close_grace_secs))
                .ok_or(MarketError::MathOverflow)?;
            require!(now <= grace_end, MarketError::LeaseClosing);
        }
        require!(
            cumulative_gpu_secs >= lease.settled_gpu_secs,
            MarketError::UsageWentBackwards
        );
        require!(
            cumulative_gpu_secs <= lease.capacity_gpu_secs(now)?,
            MarketError::UsageAboveCapacity
        );
        require_holder_of(&self.provider_holder, &self.provider.iosd_payout_owner)?;
        require_holder_of(&self.treasury_holder, &self.treasury.owner)
    }

    pub fn handle(ctx: Context<Self>, cumulative_gpu_secs: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.validate(cumulative_gpu_secs, now)?;
        let params = ctx.accounts.config.params;
        let lease = &ctx.accounts.lease;
        let owed = lease.payable(cumulative_gpu_secs)?.min(lease.deposited);
        let due = owed.saturating_sub(lease.paid);
        let fee = split_fee(due, params.provider_fee_bps, params.burn_share_bps)?;
        let to_provider = sub(due, fee.fee)?;

        // The outflow cap: USD micros settled per window.
        let config = &mut ctx.accounts.config;
        let window_end = config
            .payout_window_started_at
            .checked_add(i64::from(params.payout_window_secs))
            .ok_or(MarketError::MathOverflow)?;
        if now >= window_end {
            config.payout_window_started_at = now;
            config.payout_window_used_usd_micros = 0;
        }
        let used = add(config.payout_window_used_usd_micros, due)?;
        require!(
            used <= params.payout_window_cap_usd_micros,
            MarketError::PayoutCapExceeded
        );
        config.payout_window_used_usd_micros = used;
        config.bump_revision()?;
        config.invariant()?;

        let iosd = crate::iosd_cpi!(ctx.accounts.iosd, ctx.bumps.iosd);
        iosd.pay_out(&ctx.accounts.provider_holder.to_account_info(), to_provider)?;
        iosd.burn(fee.burn)?;
        iosd.pay_out(
            &ctx.accounts.treasury_holder.to_account_info(),
            fee.treasury,
        )?;

        let lease = &mut ctx.accounts.lease;
        lease.settled_gpu_secs = cumulative_gpu_secs;
        lease.paid = add(lease.paid, due)?;
        lease.provider_paid = add(lease.provider_paid, to_provider)?;
        lease.fees = add(lease.fees, fee.fee)?;
        // Low runway pauses the lease instead of letting it run dry; a top-up resumes it.
        let paused_now = lease.paused_at == 0
            && lease.close_requested_at == 0
            && lease.runway_secs()? < u64::from(params.min_runway_secs);
        if paused_now {
            lease.paused_at = now;
        }
        lease.bump_revision()?;
        lease.invariant()?;
        emit_cpi!(LeaseSettled {
            lease: lease.key(),
            settler: ctx.accounts.settler.key(),
            cumulative_gpu_secs,
            paid_micros: due,
            provider_micros: to_provider,
            fee_micros: fee.fee,
            burned_micros: fee.burn,
            total_paid_micros: lease.paid,
            remaining_micros: lease.remaining()?,
            paused: lease.paused_at != 0,
            window_used_usd_micros: ctx.accounts.config.payout_window_used_usd_micros,
            revision: lease.revision,
        });
        Ok(())
    }
}
