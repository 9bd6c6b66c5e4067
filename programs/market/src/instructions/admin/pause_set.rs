//! `pause_set`: the authority lifts (0), shortens or extends a class's pause, without the
//! guardian's bound: governance decides with its own hold-up.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::PauseChanged;
use crate::state::PauseClass;

pub fn handle(ctx: Context<AuthorityChange>, class: PauseClass, paused_until: i64) -> Result<()> {
    let config = &mut ctx.accounts.config;
    config.paused_until[class.index()] = paused_until;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(PauseChanged {
        class,
        paused_until,
        by: config.authority,
        revision: config.revision,
    });
    Ok(())
}
