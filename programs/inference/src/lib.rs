//! `inference`: every model inference pays a small fee, either one payment per call or through a
//! session whose key signs cumulative receipts that one transaction settles.
//!
//! So far: the configuration and the model registry (register, update terms for new sessions,
//! pause, retire, close). Direct payments and receipt-settled sessions follow.

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod state;

pub use instructions::*;
pub use state::{Currency, ModelTerms, RevenueSplit};

declare_id!("HAirEP9fvBbgzq9wSCQc4UhoMQ6LjwjECV2D9JpXZNFj");

#[program]
pub mod inference {
    use super::*;

    /// Creates the program's configuration. Only the deployer fixed at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }

    /// Model owner: registers a model with its content hash, price and revenue split.
    pub fn model_register(
        ctx: Context<ModelRegister>,
        model_id: [u8; 32],
        content_hash: [u8; 32],
        terms: ModelTerms,
    ) -> Result<()> {
        ModelRegister::handle(ctx, model_id, content_hash, terms)
    }

    /// Model owner: changes the terms (for new sessions and direct payments).
    pub fn model_update(ctx: Context<ModelChange>, terms: ModelTerms) -> Result<()> {
        instructions::model::model_update::handle(ctx, terms)
    }

    /// Model owner: pauses or resumes the model.
    pub fn model_set_paused(ctx: Context<ModelChange>, paused: bool) -> Result<()> {
        instructions::model::model_set_paused::handle(ctx, paused)
    }

    /// Model owner: retires the model for good.
    pub fn model_retire(ctx: Context<ModelChange>) -> Result<()> {
        instructions::model::model_retire::handle(ctx)
    }

    /// Model owner: closes a retired model without open sessions.
    pub fn model_close(ctx: Context<ModelClose>) -> Result<()> {
        ModelClose::handle(ctx)
    }
}
