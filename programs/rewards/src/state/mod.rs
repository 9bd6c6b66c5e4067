//! Accounts owned by the rewards program, one concern per file.

pub mod config;
pub mod device_rewards;
pub mod season;

pub use config::*;
pub use device_rewards::*;
pub use season::*;

/// The pause and the roles are io-common's, shared with the other programs.
pub use io_common::{Pause, Role};
