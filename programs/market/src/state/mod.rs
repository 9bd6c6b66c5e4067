//! Accounts owned by the market program, one type per file.

pub mod config;

pub use config::*;
