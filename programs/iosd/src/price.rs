//! Reading the configured Pyth IO/USD price and turning it into the protocol's solvency figures.

use anchor_lang::prelude::*;
use io_oracle::{CheckedPrice, OracleError, PriceUpdate, UsdPerIo};

use crate::error::IosdError;
use crate::state::{IosdConfig, SolvencyRecord, SolvencyState};

/// What a price account gave: a usable price, or a genuine update of our feed that is too old.
pub enum PriceReading {
    Fresh(CheckedPrice, i64),
    /// Decoded, our feed, fully verified, but older than the maximum age.
    Stale,
}

/// Decodes `account` and runs every oracle check against the config at `now`. Every refusal is
/// its own `IosdError`; a stale but otherwise valid update is returned as `Stale` so that the
/// callers that may fall back (redeem, refresh) can decide.
pub fn read_price(account: &AccountInfo, config: &IosdConfig, now: i64) -> Result<PriceReading> {
    let data = account.try_borrow_data()?;
    let update = PriceUpdate::decode(account.owner, &data).map_err(IosdError::from)?;
    match update.checked_message(&config.feed_id, now, config.oracle.max_price_age_secs) {
        Ok(message) => {
            let price = CheckedPrice::new(message).map_err(IosdError::from)?;
            Ok(PriceReading::Fresh(price, message.publish_time))
        }
        Err(OracleError::Stale) => Ok(PriceReading::Stale),
        Err(other) => Err(IosdError::from(other).into()),
    }
}

/// A usable price, or the named error of why not (for mint, which never falls back).
pub fn fresh_price(
    account: &AccountInfo,
    config: &IosdConfig,
    now: i64,
) -> Result<(CheckedPrice, i64)> {
    match read_price(account, config, now)? {
        PriceReading::Fresh(price, publish_time) => Ok((price, publish_time)),
        PriceReading::Stale => err!(IosdError::PriceStale),
    }
}

/// Whether no usable price has been seen for the configured oracle-halt delay.
pub fn oracle_halted(config: &IosdConfig, now: i64) -> bool {
    let silence = now.saturating_sub(config.solvency.last_price_publish_time);
    silence > i64::from(config.oracle.oracle_halt_after_secs)
}

/// The collateral ratio and state at `ema`, for `vault_io_base` backing `supply_micros`.
pub fn solvency_at(
    config: &IosdConfig,
    ema: UsdPerIo,
    vault_io_base: u64,
    supply_micros: u64,
) -> Result<(u64, SolvencyState)> {
    let ratio = io_oracle::price::collateral_ratio_bps(vault_io_base, supply_micros, ema)
        .map_err(IosdError::from)?;
    let state = io_credit::classify(
        ratio,
        config.oracle.warning_ratio_bps,
        config.oracle.mint_halt_ratio_bps,
    );
    Ok((ratio, state.into()))
}

/// Records a recomputation made with a usable price published at `publish_time`.
pub fn record(
    config: &mut IosdConfig,
    ratio_bps: u64,
    state: SolvencyState,
    ema: UsdPerIo,
    publish_time: i64,
    now: i64,
) {
    config.solvency = SolvencyRecord {
        state,
        ratio_bps,
        ema_pico_usd: ema.0,
        last_price_publish_time: config.solvency.last_price_publish_time.max(publish_time),
        updated_at: now,
    };
}
