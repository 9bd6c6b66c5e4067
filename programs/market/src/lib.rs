//! `market`: renters pay providers for GPU time in IO or IOSD through escrowed leases settled
//! from usage reported by settlers; providers register devices and stake IO against them.
//!
//! This crate holds the program's configuration so far; the price book, providers, devices, stake, leases and settlement arrive with the market issues.

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod state;

pub use instructions::*;

declare_id!("HVxUbFp8GJd77qZif8TXYEZk4TidSTwJkunEGeBdyqrU");

#[program]
pub mod market {
    use super::*;

    /// Creates the program's configuration. Only the deployer fixed at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }
}
