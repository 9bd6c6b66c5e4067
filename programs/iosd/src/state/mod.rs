//! Accounts owned by the iosd program, one type per file.

pub mod config;

pub use config::*;
