//! Typed client for the IO protocol programs, shared by the tests, the CLI, the indexer and the
//! scheduler so that every caller derives addresses and builds instructions the same way.
//!
//! - one module per program ([`iosd`], [`market`], [`inference`], [`rewards`], [`governance`])
//!   with its PDA helpers, instruction builders and account fetchers;
//! - [`fetch`]: reading and checking program accounts from any [`fetch::AccountSource`]
//!   (an SVM in tests, an RPC endpoint off-chain);
//! - [`events`]: decoding `emit_cpi!` events from inner instructions;
//! - [`compute`]: compute budget instructions for transactions that need more than the default;
//! - [`defaults`]: each program's configuration as the local network and the tests set it, and
//!   the localnet deployer; [`prices`]: the localnet IO/USD price updates;
//! - [`manifest`]: the deployment manifest every off-chain tool reads a deployment from;
//! - [`native`] (feature `native`): the programs as specs for running them off-chain.

pub mod compute;
pub mod defaults;
pub mod events;
pub mod fetch;
pub mod manifest;
#[cfg(feature = "native")]
pub mod native;
pub mod prices;
mod program;

pub use program::event_authority;

pub mod iosd;

pub mod market;

pub mod inference;

pub mod rewards;

pub mod governance;
