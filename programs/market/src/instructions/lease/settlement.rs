//! The settlement rules shared by `lease_settle` and `lease_settle_batch`: which reports are
//! acceptable, what they pay, and the state they leave. A settlement moves no tokens: the
//! provider's part is credited to its earnings and the fee accrues in the config.

use anchor_lang::prelude::*;

use crate::error::MarketError;
use crate::events::LeaseSettlement;
use crate::math::{FeeSplit, split_fee};
use crate::math::{add, sub};
use crate::state::{Currency, Lease, MarketConfig, PauseClass, Provider};

/// `secs` after `start`, or after the end of the pause of `class` when that pause ended (or
/// ends) after `start`, whichever is later: a pause that overlaps a waiting period never shortens
/// what the waiting period protects.
fn after_start_or_pause(
    config: &MarketConfig,
    class: PauseClass,
    start: i64,
    secs: u32,
) -> Result<i64> {
    let pause_end = config.pauses[class.index()].paused_until;
    let from = if pause_end > start { pause_end } else { start };
    from.checked_add(i64::from(secs))
        .ok_or_else(|| error!(MarketError::MathOverflow))
}

/// When a closing lease's grace ends: `close_grace_secs` after the close request, or after the
/// end of a settlement pause that overlapped it. Settlers always get a whole grace to settle the
/// usage before the close, and the refund waits for them.
pub fn close_grace_end(config: &MarketConfig, lease: &Lease) -> Result<i64> {
    after_start_or_pause(
        config,
        PauseClass::Settlement,
        lease.close_requested_at,
        config.params.close_grace_secs,
    )
}

/// When anyone may close a lease paused for low runway: `pause_timeout_secs` after it paused, or
/// after the end of a leasing pause (which holds top-ups) that overlapped it. The renter always
/// gets a whole timeout to top up.
pub fn pause_timeout_end(config: &MarketConfig, lease: &Lease) -> Result<i64> {
    after_start_or_pause(
        config,
        PauseClass::Leasing,
        lease.paused_at,
        config.params.pause_timeout_secs,
    )
}

/// Checks a report of `cumulative_gpu_secs` for `lease` at `now`: not past the close grace, not
/// lower than what was settled, not above `k × active seconds`.
pub fn check_report(
    config: &MarketConfig,
    lease: &Lease,
    cumulative_gpu_secs: u64,
    now: i64,
) -> Result<()> {
    if lease.close_requested_at != 0 {
        require!(
            now <= close_grace_end(config, lease)?,
            MarketError::LeaseClosing
        );
    }
    require!(
        cumulative_gpu_secs >= lease.settled_gpu_secs,
        MarketError::UsageWentBackwards
    );
    require!(
        cumulative_gpu_secs <= lease.capacity_gpu_secs(now)?,
        MarketError::UsageAboveCapacity
    );
    Ok(())
}

/// What a report of `cumulative_gpu_secs` would take from the lease now:
/// `min(payable(cumulative), deposited) − paid`. Zero for a replay, unless a top-up since a
/// settlement capped at the escrow now funds usage that was reported but not yet paid.
pub fn due(lease: &Lease, cumulative_gpu_secs: u64) -> Result<u64> {
    let owed = lease.payable(cumulative_gpu_secs)?.min(lease.deposited);
    Ok(owed.saturating_sub(lease.paid))
}

/// What one settlement pays out of the escrow.
pub struct Settlement {
    pub due: u64,
    pub to_provider: u64,
    pub fee: FeeSplit,
}

/// Applies a checked report: takes `min(payable(cumulative), deposited) − paid` from the lease,
/// credits it less the provider fee (computed on the cumulative total with the terms locked at
/// open) to the provider's earnings in the lease's currency (claimed later with
/// `provider_claim` or `provider_claim_io_earnings`, so a settlement moves no tokens for the
/// provider), counts its USD value (rounded up) against the outflow bucket, records the totals
/// and pauses the lease on low runway. The fee accrues in the config for `fees_sweep`; the
/// caller bumps the config's revision.
pub fn apply(
    config: &mut MarketConfig,
    lease: &mut Lease,
    provider: &mut Provider,
    cumulative_gpu_secs: u64,
    now: i64,
) -> Result<Settlement> {
    let params = config.params;
    let due = due(lease, cumulative_gpu_secs)?;
    // The fee and its burn are functions of the cumulative total paid, with the terms locked at
    // open: this settlement takes what the new total owes less what was taken before, so
    // rounding never compounds however the usage is split.
    let paid = add(lease.paid, due)?;
    let totals = split_fee(paid, lease.provider_fee_bps, lease.burn_share_bps)?;
    let fee_delta = sub(totals.fee, lease.fees)?;
    let burn_delta = sub(totals.burn, lease.burned)?;
    let fee = FeeSplit {
        fee: fee_delta,
        burn: burn_delta,
        treasury: sub(fee_delta, burn_delta)?,
    };
    let to_provider = sub(due, fee.fee)?;

    // The outflow cap: a bucket of recent USD value (rounded up) that drains linearly.
    let bucket = config
        .payout_bucket()
        .admit(
            params.payout_window_cap_usd_micros,
            params.payout_window_secs,
            lease.usd_value(due, true)?,
            now,
        )
        .map_err(|error| match error {
            io_limits::LimitError::Exceeded { .. } => MarketError::PayoutCapExceeded,
            io_limits::LimitError::WindowZero => MarketError::PayoutCapInvalid,
        })?;
    config.payout_bucket_usd_micros = bucket.level;
    config.payout_bucket_updated_at = bucket.updated_at;

    lease.settled_gpu_secs = cumulative_gpu_secs;
    lease.paid = paid;
    lease.provider_paid = add(lease.provider_paid, to_provider)?;
    lease.fees = totals.fee;
    lease.burned = totals.burn;
    // Low runway pauses the lease instead of letting it run dry; a top-up resumes it.
    if lease.paused_at == 0
        && lease.close_requested_at == 0
        && lease.runway_secs()? < u64::from(params.min_runway_secs)
    {
        lease.paused_at = now;
    }
    lease.bump_revision()?;
    lease.invariant()?;
    let earned = match lease.currency {
        Currency::Iosd => &mut provider.earned_iosd_micros,
        Currency::Io => &mut provider.earned_io_base,
    };
    *earned = add(*earned, to_provider)?;
    provider.bump_revision()?;
    provider.invariant()?;
    // Nothing moves: the provider's part stays in escrow until claimed, and the fee stays there
    // too, owed to the burn and the treasury until `fees_sweep` moves it.
    config
        .escrowed
        .debit(lease.currency, fee.fee)
        .map_err(MarketError::from)?;
    config
        .fees
        .accrue(lease.currency, fee.burn, fee.treasury)
        .map_err(MarketError::from)?;
    Ok(Settlement {
        due,
        to_provider,
        fee,
    })
}

/// What an applied settlement did to `lease`, for its event.
pub fn settled(
    lease_key: Pubkey,
    lease: &Lease,
    settlement: &Settlement,
) -> Result<LeaseSettlement> {
    Ok(LeaseSettlement {
        lease: lease_key,
        currency: lease.currency,
        cumulative_gpu_secs: lease.settled_gpu_secs,
        paid: settlement.due,
        to_provider: settlement.to_provider,
        fee: settlement.fee.fee,
        burned: settlement.fee.burn,
        total_paid: lease.paid,
        remaining: lease.remaining()?,
        paused: lease.paused_at != 0,
        revision: lease.revision,
    })
}
