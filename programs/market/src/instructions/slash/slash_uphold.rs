//! `slash_uphold`: the authority sends the escrowed stake to the treasury.

use anchor_lang::prelude::*;

use super::SlashDecide;
use crate::error::MarketError;

pub fn handle(ctx: Context<SlashDecide>) -> Result<()> {
    require_keys_eq!(
        ctx.accounts.decider.key(),
        ctx.accounts.config.authority,
        MarketError::NotAuthority
    );
    let event = ctx.accounts.decide(true)?;
    emit_cpi!(event);
    Ok(())
}
