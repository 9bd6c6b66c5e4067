//! Instructions of the deployer and the authority.

pub mod config_init;
pub mod params_set;

pub use config_init::*;
pub use params_set::*;
