//! `lease_settle_batch`: a settler settles up to 32 leases in one transaction. Each lease names
//! two remaining accounts (lease, provider, both writable) and one cumulative report. Providers'
//! earnings are credited, not transferred (`provider_claim` pays them), and fees accrue in the
//! config (`fees_sweep` moves them), so a batch moves no tokens: the runtime's limit of 64
//! instructions per transaction would otherwise stop a batch at seven leases.
//! A lease that is closed, past its close grace, or whose report is not above what was settled
//! is skipped, so nobody can make the batch fail by closing one lease; any other bad report
//! fails the whole transaction. One `LeaseBatchSettled` event lists every lease settled and
//! skipped: an event is a CPI, and one per lease would cost about 3,000 units each.

use anchor_lang::prelude::*;

use super::*;
use crate::constants::{CONFIG_PDA, MAX_SETTLE_BATCH};
use crate::error::MarketError;
use crate::events::{LeaseBatchSettled, LeaseSkip, SkipReason};
use crate::state::{KeySet, Lease, MarketConfig, PauseClass, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseSettleBatch<'info> {
    pub settler: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
}

/// Whether a lease is skipped, and why. A report is stale when it would pay nothing: not above
/// what was settled, and no earlier usage still unpaid (a top-up since a settlement capped at
/// the escrow makes the same total pay the rest, exactly as `lease_settle` does).
fn skip_reason(
    config: &MarketConfig,
    lease: &Lease,
    cumulative: u64,
    now: i64,
) -> Result<Option<SkipReason>> {
    match settlement::check_report(config, lease, cumulative, now) {
        Ok(())
            if cumulative == lease.settled_gpu_secs && settlement::due(lease, cumulative)? == 0 =>
        {
            Ok(Some(SkipReason::Stale))
        }
        Ok(()) => Ok(None),
        Err(error) if error == MarketError::LeaseClosing.into() => Ok(Some(SkipReason::Closing)),
        Err(error) if error == MarketError::UsageWentBackwards.into() => {
            Ok(Some(SkipReason::Stale))
        }
        Err(error) => Err(error),
    }
}

impl<'info> LeaseSettleBatch<'info> {
    pub fn handle(ctx: Context<'info, Self>, cumulatives: Vec<u64>) -> Result<()> {
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
        let remaining = ctx.remaining_accounts;
        require!(
            (1..=MAX_SETTLE_BATCH).contains(&cumulatives.len())
                && Some(remaining.len()) == cumulatives.len().checked_mul(2),
            MarketError::BatchShape
        );

        let mut settled = Vec::with_capacity(cumulatives.len());
        let mut skipped = Vec::new();
        // Providers met so far, credited in memory and written back once after the loop: a
        // provider's leases usually come together, and a provider's load and store cost more
        // than its settlement's arithmetic.
        let mut providers: Vec<Account<'info, Provider>> = Vec::new();
        for (entry, &cumulative) in remaining.chunks_exact(2).zip(&cumulatives) {
            let [lease_info, provider_info] = entry else {
                return err!(MarketError::BatchShape);
            };
            let skip = |reason| LeaseSkip {
                lease: lease_info.key(),
                cumulative_gpu_secs: cumulative,
                reason,
            };
            if lease_info.owner != &crate::ID || lease_info.data_is_empty() {
                skipped.push(skip(SkipReason::Closed));
                continue;
            }
            let mut lease: Account<'info, Lease> = Account::try_from(lease_info)?;
            require!(lease_info.is_writable, MarketError::LeaseMismatch);
            if let Some(reason) = skip_reason(&ctx.accounts.config, &lease, cumulative, now)? {
                skipped.push(skip(reason));
                continue;
            }
            require_keys_eq!(
                provider_info.key(),
                lease.provider,
                MarketError::LeaseMismatch
            );
            require!(provider_info.is_writable, MarketError::LeaseMismatch);
            let known = providers.iter().position(|p| p.key() == lease.provider);
            let index = match known {
                Some(index) => index,
                None => {
                    providers.push(Account::try_from(provider_info)?);
                    providers.len().saturating_sub(1)
                }
            };
            let provider = providers
                .get_mut(index)
                .ok_or(MarketError::InvariantViolated)?;

            let paid = settlement::apply(
                &mut ctx.accounts.config,
                &mut lease,
                provider,
                cumulative,
                now,
            )?;
            // Written back now: the same lease named again later reloads these bytes.
            lease.exit(&crate::ID)?;
            settled.push(settlement::settled(lease_info.key(), &lease, &paid)?);
        }
        for provider in &providers {
            provider.exit(&crate::ID)?;
        }
        let config = &mut ctx.accounts.config;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(LeaseBatchSettled {
            settler: ctx.accounts.settler.key(),
            settled,
            skipped,
            payout_bucket_usd_micros: ctx.accounts.config.payout_bucket_usd_micros,
        });
        Ok(())
    }
}
