//! Accounts owned by the market program, one per file.

pub mod config;
pub mod device;
pub mod gpu_class;
pub mod lease;
pub mod provider;
pub mod slash;

pub use config::*;
pub use device::*;
pub use gpu_class::*;
pub use lease::*;
pub use provider::*;
pub use slash::*;

/// The escrowed currencies, their totals, the pause and the roles are io-common's, shared with
/// the other programs.
pub use io_common::{AccruedFees, Currency, EscrowTotals, Pause, Role};
