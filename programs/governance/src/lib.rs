//! `governance`: IO holders lock tokens for voting power, propose and vote on parameter changes,
//! and passed proposals execute their stored instructions signed by the governance PDA.
//!
//! This crate holds the program's configuration so far; positions, proposals, votes and execution arrive with the governance issue.

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod state;

pub use instructions::*;

declare_id!("81QiXticKbRib31xipkxibatimgjvbysHcXMv3gtg4Sd");

#[program]
pub mod governance {
    use super::*;

    /// Creates the program's configuration. Only the deployer fixed at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }
}
