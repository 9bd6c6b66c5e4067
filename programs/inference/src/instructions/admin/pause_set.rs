//! `pause_set`: the authority sets the end of the payment pause (0 lifts it), without the
//! guardian's bound: governance decides with its own hold-up.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::PauseChanged;

pub fn handle(ctx: Context<AuthorityChange>, paused_until: i64) -> Result<()> {
    let config = &mut ctx.accounts.config;
    config.payment_pause.authority_set(paused_until);
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(PauseChanged {
        pause: config.payment_pause,
        by: config.authority,
        revision: config.revision,
    });
    Ok(())
}
