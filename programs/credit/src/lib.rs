//! Pure rules of the IOSD credit, shared by the `iosd` program and off-chain code:
//!
//! - [`solvency`]: which state a collateral ratio puts the protocol in;
//! - [`breaker`]: the windowed mint-rate cap, a bucket that drains linearly over its window.
//!
//! No Solana types and no allocation: the same functions run on-chain, in the scheduler and in
//! the property tests.

#![no_std]
#![deny(clippy::arithmetic_side_effects)]

pub mod breaker;
pub mod solvency;

pub use breaker::{BreakerError, BreakerParams, MintBucket};
pub use solvency::{Solvency, classify};

/// Basis points in one whole.
pub const BPS: u64 = 10_000;

#[cfg(test)]
extern crate std;

#[cfg(test)]
mod tests;
