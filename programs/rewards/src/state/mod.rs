//! Accounts owned by the rewards program, one concern per file.

pub mod config;
pub mod season;

pub use config::*;
pub use season::*;
