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

/// What a usable price says that the program records: its EMA (the collateral ratio's price),
/// its redeem price, and when it was published.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    pub ema: UsdPerIo,
    /// max(spot, EMA) + k·conf: the most IO per IOSD a redemption may pay at this price, and,
    /// once recorded, in an oracle halt.
    pub redeem: UsdPerIo,
    pub publish_time: i64,
}

impl Reading {
    /// The figures of `price`, published at `publish_time`, under the config's confidence rule.
    pub fn of(price: &CheckedPrice, config: &IosdConfig, publish_time: i64) -> Result<Self> {
        Ok(Self {
            ema: price.ema_price().map_err(IosdError::from)?,
            redeem: price
                .redeem_price(config.oracle.confidence_multiplier_bps)
                .map_err(IosdError::from)?,
            publish_time,
        })
    }
}

/// Records a recomputation made with a usable price.
pub fn record(
    config: &mut IosdConfig,
    ratio_bps: u64,
    state: SolvencyState,
    reading: &Reading,
    now: i64,
) {
    // The recorded prices are those of the newest update seen: an older update (still within
    // the maximum age) updates the state, never what an oracle halt would pay.
    let previous = config.solvency;
    let newest = reading.publish_time >= previous.last_price_publish_time;
    config.solvency = SolvencyRecord {
        state,
        ratio_bps,
        ema_pico_usd: if newest {
            reading.ema.0
        } else {
            previous.ema_pico_usd
        },
        redeem_price_pico_usd: if newest {
            reading.redeem.0
        } else {
            previous.redeem_price_pico_usd
        },
        last_price_publish_time: previous.last_price_publish_time.max(reading.publish_time),
        updated_at: now,
    };
}

/// What an oracle-halted redemption of `iosd_in` pays: in kind (`in_kind`), but never more
/// than a redemption at the last recorded redeem price would. The halt means nobody used a
/// price for a while, not that no price exists; without this bound anyone could wait out a
/// quiet spell and redeem an over-collateralised vault in kind, above the price and without
/// its confidence margin. Returns the IO and the price applied (0 when paid in kind).
pub fn halted_payout(config: &IosdConfig, iosd_in: u64, in_kind: u64) -> Result<(u64, u128)> {
    let recorded = UsdPerIo(config.solvency.redeem_price_pico_usd);
    if recorded.0 == 0 {
        // No price was ever used (nothing was minted): in kind is all there is.
        return Ok((in_kind, 0));
    }
    let at_price = recorded
        .io_for_iosd_floor(iosd_in)
        .map_err(IosdError::from)?;
    Ok(if at_price < in_kind {
        (at_price, recorded.0)
    } else {
        (in_kind, 0)
    })
}
