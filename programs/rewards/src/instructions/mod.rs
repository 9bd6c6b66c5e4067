//! Instructions of the rewards program, one per file, grouped by the accounts they act on:
//! `admin/` the configuration, `season/` Ignition seasons, `block_rewards/` the hourly block
//! rewards; `market_accounts` reads the market accounts they name.

pub mod admin;
pub mod block_rewards;
pub mod market_accounts;
pub mod season;

pub use admin::*;
pub use block_rewards::*;
pub use season::*;
