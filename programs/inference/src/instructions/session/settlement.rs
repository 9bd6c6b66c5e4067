//! What a session pays when its receipts owe more than it has settled: shared by
//! `session_settle` (a newer receipt) and `session_top_up` (new funding behind an older one).

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;
use iosd::spender_cpi::Escrows;

use crate::error::InferenceError;
use crate::events::SessionSettled;
use crate::state::{InferenceConfig, Model, Session, split_totals};

/// Raises `settled` to `min(owed, funded)` and moves the difference: the provider's part to the
/// session's provider payout account, the burn accrued in the config (`burn_sweep` burns it), the
/// owner's part credited to the model.
/// Each part is the difference of the split of the two totals. Returns the event to emit, or
/// `None` when nothing was due.
pub fn pay_due<'info>(
    config: &mut InferenceConfig,
    session: &mut Account<'info, Session>,
    model: &mut Model,
    escrows: &Escrows<'info>,
    provider_payout: &Account<'info, TokenAccount>,
) -> Result<Option<SessionSettled>> {
    let target = session.owed.min(session.funded);
    if target <= session.settled {
        return Ok(None);
    }
    let paid = target
        .checked_sub(session.settled)
        .ok_or(InferenceError::InvariantViolated)?;
    let (provider_total, burned_total, owner_total) = split_totals(target, &session.terms.split)?;
    let delta = |total: u64, before: u64| {
        total
            .checked_sub(before)
            .ok_or_else(|| error!(InferenceError::InvariantViolated))
    };
    let to_provider = delta(provider_total, session.to_provider)?;
    let burned = delta(burned_total, session.burned)?;
    let to_owner = delta(owner_total, session.to_owner)?;
    let currency = session.terms.currency;

    escrows.pay(currency, &provider_payout.to_account_info(), to_provider)?;

    session.settled = target;
    session.to_provider = provider_total;
    session.burned = burned_total;
    session.to_owner = owner_total;
    session.bump_revision()?;
    session.invariant()?;
    let earned = model.earned_mut(currency);
    *earned = earned
        .checked_add(to_owner)
        .ok_or(InferenceError::MathOverflow)?;
    let owner_earned = *earned;
    model.bump_revision()?;
    model.invariant()?;
    let left = to_provider
        .checked_add(burned)
        .ok_or(InferenceError::MathOverflow)?;
    config
        .escrowed
        .debit(currency, left)
        .map_err(InferenceError::from)?;
    config
        .burn_accrued
        .credit(currency, burned)
        .map_err(InferenceError::from)?;
    Ok(Some(SessionSettled {
        session: session.key(),
        currency,
        sequence: session.sequence,
        owed: session.owed,
        paid,
        to_provider,
        burned,
        to_owner,
        settled: session.settled,
        funded: session.funded,
        owner_earned,
        escrowed: config.escrowed,
        revision: session.revision,
    }))
}
