//! `slash_finalize`: after the appeal deadline, anyone applies the default outcome: upheld. The
//! slasher's evidence stands unless the authority reversed it in time; the escrow and the cap
//! are the provider's protection.

use anchor_lang::prelude::*;

use super::SlashDecide;
use crate::error::MarketError;

pub fn handle(ctx: Context<SlashDecide>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    require!(
        now > ctx.accounts.slash.deadline,
        MarketError::AppealWindowOpen
    );
    let mut event = ctx.accounts.decide(true)?;
    event.by_default = true;
    emit_cpi!(event);
    Ok(())
}
