//! `lease_close_request`: the renter or the provider's owner stops the lease. Usage stops
//! accruing at once; settlers may still settle during the close grace; then anyone finalises.

use anchor_lang::prelude::*;

use crate::error::MarketError;
use crate::events::LeaseCloseRequested;
use crate::math::add;
use crate::state::{Lease, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseCloseRequest<'info> {
    /// The renter or the provider's owner.
    pub requester: Signer<'info>,
    #[account(mut, dup, has_one = provider @ MarketError::LeaseMismatch)]
    pub lease: Account<'info, Lease>,
    pub provider: Account<'info, Provider>,
}

impl LeaseCloseRequest<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let requester = ctx.accounts.requester.key();
        let owner = ctx.accounts.provider.owner;
        let lease = &mut ctx.accounts.lease;
        require!(
            requester == lease.renter || requester == owner,
            MarketError::NotLeaseParty
        );
        require!(lease.close_requested_at == 0, MarketError::LeaseClosing);
        if lease.paused_at != 0 {
            let paused = u64::try_from(now.saturating_sub(lease.paused_at)).unwrap_or(0);
            lease.paused_secs = add(lease.paused_secs, paused)?;
            lease.paused_at = 0;
        }
        lease.close_requested_at = now;
        lease.bump_revision()?;
        lease.invariant()?;
        emit_cpi!(LeaseCloseRequested {
            lease: lease.key(),
            requester,
            close_requested_at: now,
            total_paid: lease.paid,
            remaining: lease.remaining()?,
            settled_gpu_secs: lease.settled_gpu_secs,
            revision: lease.revision,
        });
        Ok(())
    }
}
