//! `slash_reverse`: the authority returns the escrowed stake to the device (an appeal won).

use anchor_lang::prelude::*;

use super::SlashDecide;
use crate::error::MarketError;

pub fn handle(ctx: Context<SlashDecide>) -> Result<()> {
    require_keys_eq!(
        ctx.accounts.decider.key(),
        ctx.accounts.config.authority,
        MarketError::NotAuthority
    );
    let event = ctx.accounts.decide(false)?;
    emit_cpi!(event);
    Ok(())
}
