//! Instructions, grouped by concern.

pub mod admin;
pub mod market_accounts;
pub mod season;

pub use admin::*;
pub use season::*;
