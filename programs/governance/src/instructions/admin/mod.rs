//! Instructions of the deployer and the authority.

pub mod config_init;

pub use config_init::*;
