//! The named price functions and the conversions built on them.
//!
//! Prices are [`UsdPerIo`]: pico-USD (10⁻¹² USD) per whole IO, in a u128. Pyth's usual exponents
//! (−5 to −10) convert exactly; finer ones round in the direction each function names. Every
//! rounding favours the protocol's solvency: IO is valued low when it comes in (mint, IO lease
//! quotes) and high when it goes out (redeem), amounts paid out are floored and amounts owed are ceiled.

use crate::OracleError;
use crate::price_update::PriceFeedMessage;

/// Pico-USD per USD.
const PICO_PER_USD_EXPONENT: i32 = 12;
/// IO base units per IO (8 decimals).
pub const IO_BASE_PER_IO: u128 = 100_000_000;
/// IOSD micro-units per IOSD (6 decimals; 1 IOSD = 1 USD).
pub const IOSD_MICROS_PER_IOSD: u128 = 1_000_000;
/// `pico-USD per IO × IO base units / DENOMINATOR = IOSD micros` (10⁸ base units per IO,
/// 10⁶ pico per micro).
const IO_BASE_PICO_PER_IOSD_MICRO: u128 = IO_BASE_PER_IO * 1_000_000;
/// Basis points in one.
const BPS: u128 = 10_000;

/// A price of one IO in pico-USD.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct UsdPerIo(pub u128);

/// A price that passed every oracle check (`PriceUpdate::checked_message`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CheckedPrice {
    message: PriceFeedMessage,
}

impl CheckedPrice {
    /// Wraps a message returned by `PriceUpdate::checked_message` (positive prices, exponent in
    /// −18..=0); anything else is refused again here.
    pub fn new(message: PriceFeedMessage) -> Result<Self, OracleError> {
        if message.price <= 0 || message.ema_price <= 0 {
            return Err(OracleError::NonPositivePrice);
        }
        if !(-18..=0).contains(&message.exponent) {
            return Err(OracleError::ExponentOutOfRange);
        }
        Ok(Self { message })
    }

    /// The price IO is valued at when it comes in: buying IOSD, or paying for a lease in IO (the
    /// quote locked at open): `min(spot, EMA) − k·max(conf, EMA conf)`, rounded down. Using the
    /// wider of the two intervals is at least as conservative as either.
    pub fn mint_price(&self, k_bps: u32) -> Result<UsdPerIo, OracleError> {
        let m = &self.message;
        let low = to_pico_floor(m.price.min(m.ema_price).unsigned_abs(), m.exponent)?;
        let margin = self.confidence_margin_ceil(k_bps)?;
        if margin >= low {
            return Err(OracleError::ConfidenceTooWide);
        }
        low.checked_sub(margin)
            .map(UsdPerIo)
            .ok_or(OracleError::Overflow)
    }

    /// The price IO is valued at when it leaves the protocol (redemption of IOSD for IO):
    /// `max(spot, EMA) + k·max(conf, EMA conf)`, rounded up.
    pub fn redeem_price(&self, k_bps: u32) -> Result<UsdPerIo, OracleError> {
        let m = &self.message;
        let high = to_pico_ceil(m.price.max(m.ema_price).unsigned_abs(), m.exponent)?;
        let margin = self.confidence_margin_ceil(k_bps)?;
        high.checked_add(margin)
            .map(UsdPerIo)
            .ok_or(OracleError::Overflow)
    }

    /// The EMA price, rounded down: the collateral ratio's measure of the vault.
    pub fn ema_price(&self) -> Result<UsdPerIo, OracleError> {
        to_pico_floor(self.message.ema_price.unsigned_abs(), self.message.exponent).map(UsdPerIo)
    }

    /// `k·max(conf, EMA conf)` in pico-USD, rounded up.
    fn confidence_margin_ceil(&self, k_bps: u32) -> Result<u128, OracleError> {
        let m = &self.message;
        let conf = to_pico_ceil(m.conf.max(m.ema_conf), m.exponent)?;
        div_ceil(
            conf.checked_mul(u128::from(k_bps))
                .ok_or(OracleError::Overflow)?,
            BPS,
        )
    }
}

impl UsdPerIo {
    /// IOSD micros bought by `io_base` IO base units at this price, rounded down.
    pub fn iosd_for_io_floor(self, io_base: u64) -> Result<u64, OracleError> {
        let value = u128::from(io_base)
            .checked_mul(self.0)
            .ok_or(OracleError::Overflow)?;
        narrow(
            value
                .checked_div(IO_BASE_PICO_PER_IOSD_MICRO)
                .ok_or(OracleError::Overflow)?,
        )
    }

    /// The IOSD micros `io_base` IO base units are worth at this price, rounded up (what an
    /// amount counts against a USD cap).
    pub fn iosd_for_io_ceil(self, io_base: u64) -> Result<u64, OracleError> {
        let value = u128::from(io_base)
            .checked_mul(self.0)
            .ok_or(OracleError::Overflow)?;
        narrow(div_ceil(value, IO_BASE_PICO_PER_IOSD_MICRO)?)
    }

    /// IO base units needed to buy exactly `iosd_micros` at this price, rounded up.
    pub fn io_for_iosd_ceil(self, iosd_micros: u64) -> Result<u64, OracleError> {
        let value = u128::from(iosd_micros)
            .checked_mul(IO_BASE_PICO_PER_IOSD_MICRO)
            .ok_or(OracleError::Overflow)?;
        narrow(div_ceil(value, self.nonzero()?)?)
    }

    /// IO base units paid for `iosd_micros` at this price, rounded down.
    pub fn io_for_iosd_floor(self, iosd_micros: u64) -> Result<u64, OracleError> {
        let value = u128::from(iosd_micros)
            .checked_mul(IO_BASE_PICO_PER_IOSD_MICRO)
            .ok_or(OracleError::Overflow)?;
        narrow(
            value
                .checked_div(self.nonzero()?)
                .ok_or(OracleError::Overflow)?,
        )
    }

    fn nonzero(self) -> Result<u128, OracleError> {
        if self.0 == 0 {
            Err(OracleError::NonPositivePrice)
        } else {
            Ok(self.0)
        }
    }
}

/// Collateral ratio in basis points of 1.0: the vault's IO valued at `ema` over the outstanding
/// IOSD, rounded down. With nothing outstanding the protocol is fully backed by definition and
/// the ratio is `u64::MAX`.
pub fn collateral_ratio_bps(
    vault_io_base: u64,
    outstanding_iosd_micros: u64,
    ema: UsdPerIo,
) -> Result<u64, OracleError> {
    if outstanding_iosd_micros == 0 {
        return Ok(u64::MAX);
    }
    let value_pico_base = u128::from(vault_io_base)
        .checked_mul(ema.0)
        .ok_or(OracleError::Overflow)?;
    let numerator = value_pico_base
        .checked_mul(BPS)
        .ok_or(OracleError::Overflow)?;
    let denominator = u128::from(outstanding_iosd_micros)
        .checked_mul(IO_BASE_PICO_PER_IOSD_MICRO)
        .ok_or(OracleError::Overflow)?;
    let ratio = numerator
        .checked_div(denominator)
        .ok_or(OracleError::Overflow)?;
    Ok(u64::try_from(ratio).unwrap_or(u64::MAX))
}

/// IO base units paid in kind for `iosd_micros` when no oracle price may be used:
/// `iosd × vault IO / outstanding IOSD`, rounded down.
pub fn in_kind_io_floor(
    iosd_micros: u64,
    vault_io_base: u64,
    outstanding_iosd_micros: u64,
) -> Result<u64, OracleError> {
    if outstanding_iosd_micros == 0 {
        return Err(OracleError::Overflow);
    }
    let value = u128::from(iosd_micros)
        .checked_mul(u128::from(vault_io_base))
        .ok_or(OracleError::Overflow)?;
    narrow(
        value
            .checked_div(u128::from(outstanding_iosd_micros))
            .ok_or(OracleError::Overflow)?,
    )
}

fn to_pico_floor(value: u64, exponent: i32) -> Result<u128, OracleError> {
    scale(value, exponent, false)
}

fn to_pico_ceil(value: u64, exponent: i32) -> Result<u128, OracleError> {
    scale(value, exponent, true)
}

/// `value × 10^(exponent + 12)`, rounded up or down when the shift is negative.
fn scale(value: u64, exponent: i32, round_up: bool) -> Result<u128, OracleError> {
    if !(-18..=0).contains(&exponent) {
        return Err(OracleError::ExponentOutOfRange);
    }
    let shift = exponent
        .checked_add(PICO_PER_USD_EXPONENT)
        .ok_or(OracleError::Overflow)?;
    let value = u128::from(value);
    if shift >= 0 {
        let factor = 10u128
            .checked_pow(shift.unsigned_abs())
            .ok_or(OracleError::Overflow)?;
        value.checked_mul(factor).ok_or(OracleError::Overflow)
    } else {
        let divisor = 10u128
            .checked_pow(shift.unsigned_abs())
            .ok_or(OracleError::Overflow)?;
        if round_up {
            div_ceil(value, divisor)
        } else {
            value.checked_div(divisor).ok_or(OracleError::Overflow)
        }
    }
}

fn div_ceil(numerator: u128, denominator: u128) -> Result<u128, OracleError> {
    if denominator == 0 {
        return Err(OracleError::Overflow);
    }
    Ok(numerator.div_ceil(denominator))
}

fn narrow(value: u128) -> Result<u64, OracleError> {
    u64::try_from(value).map_err(|_| OracleError::Overflow)
}
