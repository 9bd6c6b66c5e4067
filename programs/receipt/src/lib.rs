//! Signed messages the programs accept through the ed25519 precompile: inference usage
//! receipts and oracle block-reward totals.
//!
//! A session key signs, with ed25519, a fixed-layout message for a **cumulative** amount:
//! `DOMAIN_TAG ‖ program id ‖ genesis hash ‖ session address ‖ cumulative amount ‖ sequence`.
//! The program id and genesis hash pin the receipt to one deployment on one cluster, the session
//! address (derived with a per-session nonce) to one session, so an old receipt never matches a
//! reopened session; a cumulative amount makes the latest receipt the only one worth submitting.
//!
//! - [`message`]: the receipt layout, built and parsed.
//! - [`oracle`]: the oracle total layout (a device's cumulative block rewards), built and parsed.
//! - [`instructions`]: finding the ed25519 precompile instruction through the instructions
//!   sysvar (its address checked).
//! - [`precompile`]: what a program reads back from an ed25519 precompile instruction: exactly
//!   one signature whose key, signature and message all lie inside that same instruction.
//! - [`client`] (feature `client`): signing, gateway-side verification, and the precompile
//!   instruction that carries a receipt to the program.

#![deny(clippy::arithmetic_side_effects)]

#[cfg(feature = "client")]
pub mod client;
pub mod instructions;
pub mod message;
pub mod oracle;
pub mod precompile;

pub use instructions::{
    SysvarError, ed25519_data_at, ed25519_data_before_current, ed25519_datas_before_current,
};
pub use message::{DOMAIN_TAG, MESSAGE_LEN, Receipt, ReceiptDomain};
pub use oracle::{ORACLE_MESSAGE_LEN, ORACLE_TAG, OracleTotal};
pub use precompile::{PrecompileError, VerifiedSignature, verified_signature, verified_signatures};

#[cfg(test)]
mod tests;
