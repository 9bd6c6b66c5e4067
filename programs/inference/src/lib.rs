//! `inference`: every model inference pays a small fee, either one payment per call or through a
//! session whose key signs cumulative receipts that one transaction settles.
//!
//! This crate holds the program's configuration so far; the model registry, direct payments and sessions arrive with the inference issue.

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod state;

pub use instructions::*;

declare_id!("HAirEP9fvBbgzq9wSCQc4UhoMQ6LjwjECV2D9JpXZNFj");

#[program]
pub mod inference {
    use super::*;

    /// Creates the program's configuration. Only the deployer fixed at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }
}
