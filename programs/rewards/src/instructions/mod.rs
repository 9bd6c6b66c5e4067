//! Instructions, grouped by concern.

pub mod admin;
pub mod distributor;
pub mod market_accounts;
pub mod season;

pub use admin::*;
pub use distributor::*;
pub use season::*;
