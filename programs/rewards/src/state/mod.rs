//! Accounts owned by the rewards program, one type per file.

pub mod config;

pub use config::*;
