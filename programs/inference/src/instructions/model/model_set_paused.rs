//! `model_set_paused`: the owner stops (or resumes) new sessions and direct payments.

use anchor_lang::prelude::*;

use super::{ModelChange, updated};

pub fn handle(ctx: Context<ModelChange>, paused: bool) -> Result<()> {
    let model = &mut ctx.accounts.model;
    model.paused = paused;
    model.bump_revision()?;
    model.invariant()?;
    emit_cpi!(updated(model));
    Ok(())
}
