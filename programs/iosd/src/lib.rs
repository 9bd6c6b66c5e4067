//! `iosd`: USD-pegged compute credits (1 IOSD = 1 USD, 6 decimals) minted by committing IO at a
//! Pyth pull-oracle price, spendable only through allowed programs, redeemable for IO.
//!
//! This crate holds the program's configuration so far; minting, spending, redemption, solvency states and the rate breaker arrive with the IOSD issue.

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod state;

pub use instructions::*;

declare_id!("HzQRRcEukeT75iBoGEzJVa7cc52GibVWu1HoN6wiW48g");

#[program]
pub mod iosd {
    use super::*;

    /// Creates the program's configuration. Only the deployer fixed at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }
}
