//! Positions: an IO holder locks IO until a chosen end for voting power, extends the lockup,
//! and withdraws after the end once its votes are relinquished.

pub mod position_extend;
pub mod position_open;
pub mod position_withdraw;

pub use position_extend::*;
pub use position_open::*;
pub use position_withdraw::*;

use anchor_lang::prelude::*;

use crate::events::PositionChanged;
use crate::state::{GovernanceConfig, Position};

/// The `PositionChanged` event of `position` at `now`.
pub(crate) fn position_event(
    address: Pubkey,
    position: &Position,
    config: &GovernanceConfig,
    now: i64,
    closed: bool,
) -> Result<PositionChanged> {
    Ok(PositionChanged {
        position: address,
        owner: position.owner,
        amount: position.amount,
        lockup_end: position.lockup_end,
        active_votes: position.active_votes,
        power: if closed {
            0
        } else {
            position.power(now, &config.params)?
        },
        closed,
        locked_total: config.locked_total,
        revision: position.revision,
    })
}

/// Checks a lockup end against `now` and the longest lockup.
pub(crate) fn check_lockup_end(lockup_end: i64, now: i64, config: &GovernanceConfig) -> Result<()> {
    let latest = now
        .checked_add(i64::from(config.params.max_lockup_secs))
        .ok_or(crate::error::GovernanceError::MathOverflow)?;
    require!(
        lockup_end > now && lockup_end <= latest,
        crate::error::GovernanceError::LockupOutOfRange
    );
    Ok(())
}
