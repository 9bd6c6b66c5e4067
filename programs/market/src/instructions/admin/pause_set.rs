//! `pause_set`: the authority lifts (0), shortens or extends a class's pause, without the
//! guardian's bound: governance decides with its own hold-up.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::PauseChanged;
use crate::state::PauseClass;

pub fn handle(ctx: Context<AuthorityChange>, class: PauseClass, paused_until: i64) -> Result<()> {
    let config = &mut ctx.accounts.config;
    config.pauses[class.index()].authority_set(paused_until);
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(PauseChanged {
        class,
        pause: config.pauses[class.index()],
        by: config.authority,
        revision: config.revision,
    });
    Ok(())
}
