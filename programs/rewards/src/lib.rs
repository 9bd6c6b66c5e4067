//! `rewards`: providers earn Ignition airdrop points per season and hourly block rewards, paid
//! from pre-funded vaults against oracle-posted or oracle-signed cumulative totals.
//!
//! This crate holds the program's configuration so far; seasons, points, the emission curve and claims arrive with the rewards issues.

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod state;

pub use instructions::*;

declare_id!("GHn5J5uF4hzWhref3CX1kNyorYLwMNxBTmW1prfxoVqK");

#[program]
pub mod rewards {
    use super::*;

    /// Creates the program's configuration. Only the deployer fixed at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }
}
