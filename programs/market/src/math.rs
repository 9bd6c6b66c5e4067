//! Checked arithmetic of the market: the totals' additions and subtractions, each failing
//! with a named error, and the protocol fee split with its rounding named.

use anchor_lang::prelude::*;
use io_common::BPS_DENOMINATOR;

use crate::error::MarketError;

/// `a + b`, or `MathOverflow`.
pub fn add(a: u64, b: u64) -> Result<u64> {
    a.checked_add(b)
        .ok_or_else(|| error!(MarketError::MathOverflow))
}

/// `a − b`, or `InvariantViolated` (a total would go negative).
pub fn sub(a: u64, b: u64) -> Result<u64> {
    a.checked_sub(b)
        .ok_or_else(|| error!(MarketError::InvariantViolated))
}

/// A fee split: `fee = ⌈amount × fee_bps⌉`, of which `burn = ⌊fee × burn_share_bps⌋` is burned
/// and the rest goes to the treasury. Fees round up and the burn rounds down, both in the
/// protocol's favour.
pub struct FeeSplit {
    pub fee: u64,
    pub burn: u64,
    pub treasury: u64,
}

pub fn split_fee(amount: u64, fee_bps: u16, burn_share_bps: u16) -> Result<FeeSplit> {
    let denominator = u128::from(BPS_DENOMINATOR);
    let fee = u128::from(amount)
        .checked_mul(u128::from(fee_bps))
        .ok_or(MarketError::MathOverflow)?
        .div_ceil(denominator);
    let burn = fee
        .checked_mul(u128::from(burn_share_bps))
        .ok_or(MarketError::MathOverflow)?
        .checked_div(denominator)
        .ok_or(MarketError::MathOverflow)?;
    let fee = u64::try_from(fee).map_err(|_| error!(MarketError::MathOverflow))?;
    let burn = u64::try_from(burn).map_err(|_| error!(MarketError::MathOverflow))?;
    Ok(FeeSplit {
        fee,
        burn,
        treasury: fee.checked_sub(burn).ok_or(MarketError::MathOverflow)?,
    })
}
