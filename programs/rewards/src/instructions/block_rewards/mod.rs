//! Hourly block rewards: the authority sets the oracle set; anyone opens a device's record;
//! anyone claims a device's rewards with a majority of oracle signatures over its cumulative
//! total (ed25519 precompile instructions before the claim), within its pool's share of what
//! has been emitted and the claim bucket (draining linearly); a record closes once its device is
//! gone.

pub mod device_rewards_close;
pub mod device_rewards_open;
pub mod oracles_set;
pub mod rewards_claim;
pub mod signed_totals;

pub use device_rewards_close::*;
pub use device_rewards_open::*;
pub use oracles_set::*;
pub use rewards_claim::*;
