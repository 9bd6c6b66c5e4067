//! Accounts owned by the IOSD program, one type per file.

pub mod config;

pub use config::*;
