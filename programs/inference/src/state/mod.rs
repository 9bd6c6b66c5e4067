//! Accounts owned by the inference program, one type per file.

pub mod config;

pub use config::*;
