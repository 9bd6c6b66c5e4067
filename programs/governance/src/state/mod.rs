//! Accounts owned by the governance program, one type per file.

pub mod config;

pub use config::*;
