//! Oracle prices for the IO protocol, decoded and checked by our own code.
//!
//! - [`price_update`]: Pyth pull-oracle `PriceUpdateV2` accounts, decoded from their bytes (the
//!   Pyth SDK crates pin their own Anchor and Solana versions), with every check a consumer owes:
//!   owner, discriminator, feed id, full verification, age, positive price, sane exponent.
//! - [`price`]: the named price functions: mint and IO lease quotes at min(spot, EMA) − k·conf,
//!   redeem at max(spot, EMA) + k·conf, the collateral ratio on EMA, each rounding in the
//!   protocol's favour, and the IO ⇄ IOSD conversions built on them.
//!
//! Pure and synchronous: programs, the scheduler and the tests all use the same functions.

#![deny(clippy::arithmetic_side_effects)]

pub mod error;
pub mod price;
pub mod price_update;

pub use error::OracleError;
pub use price::{CheckedPrice, UsdPerIo};
pub use price_update::{PriceFeedMessage, PriceUpdate, VerificationLevel};

#[cfg(test)]
mod tests;
