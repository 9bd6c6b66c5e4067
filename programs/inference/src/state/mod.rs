//! Accounts owned by the inference program, one per file.

pub mod config;
pub mod model;
pub mod session;

pub use config::*;
pub use model::*;
pub use session::*;

/// The escrowed currencies, their totals, the pause and the roles are io-common's, shared with
/// the other programs.
pub use io_common::{Currency, EscrowTotals, Pause, Role};
