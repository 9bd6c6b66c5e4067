//! Accounts owned by the governance program, one type per file.

pub mod config;
pub mod position;
pub mod proposal;

pub use config::*;
pub use position::*;
pub use proposal::*;

/// The roles are io-common's, shared with the other programs.
pub use io_common::Role;
