//! `lease_top_up`: the renter adds IOSD to a lease's escrow (no fee). A paused lease resumes once
//! its runway covers the minimum again.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::SEED_CONFIG;
use crate::error::MarketError;
use crate::events::LeaseToppedUp;
use crate::instructions::stake::add;
use crate::state::{Lease, MarketConfig, PauseClass};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseTopUp<'info> {
    pub renter: Signer<'info>,
    #[account(seeds = [SEED_CONFIG], bump = config.bump)]
    pub config: Account<'info, MarketConfig>,
    #[account(mut, has_one = renter @ MarketError::NotLeaseParty)]
    pub lease: Account<'info, Lease>,
    #[account(mut)]
    pub renter_holder: Account<'info, TokenAccount>,
    pub iosd: IosdAccounts<'info>,
}

impl LeaseTopUp<'_> {
    pub fn handle(ctx: Context<Self>, amount_micros: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts
            .config
            .require_not_paused(PauseClass::Leasing, now)?;
        require!(amount_micros > 0, MarketError::ZeroAmount);
        require!(
            ctx.accounts.lease.close_requested_at == 0,
            MarketError::LeaseClosing
        );
        let iosd = crate::iosd_cpi!(ctx.accounts.iosd, ctx.bumps.iosd);
        iosd.spend(
            &ctx.accounts.renter.to_account_info(),
            &ctx.accounts.renter_holder.to_account_info(),
            amount_micros,
        )?;
        let min_runway = u64::from(ctx.accounts.config.params.min_runway_secs);
        let lease = &mut ctx.accounts.lease;
        lease.deposited = add(lease.deposited, amount_micros)?;
        if lease.paused_at != 0 && lease.runway_secs()? >= min_runway {
            let paused = u64::try_from(now.saturating_sub(lease.paused_at)).unwrap_or(0);
            lease.paused_secs = add(lease.paused_secs, paused)?;
            lease.paused_at = 0;
        }
        lease.bump_revision()?;
        lease.invariant()?;
        emit_cpi!(LeaseToppedUp {
            lease: lease.key(),
            amount_micros,
            deposited_micros: lease.deposited,
            remaining_micros: lease.remaining()?,
            paused: lease.paused_at != 0,
            revision: lease.revision,
        });
        Ok(())
    }
}
