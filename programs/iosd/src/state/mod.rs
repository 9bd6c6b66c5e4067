//! Accounts owned by the iosd program. Holder accounts are SPL Token accounts, not listed here.

pub mod config;

pub use config::*;
