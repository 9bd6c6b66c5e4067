//! `model_retire`: the owner retires a model for good: nothing new; open sessions finish.

use anchor_lang::prelude::*;

use super::{ModelChange, updated};

pub fn handle(ctx: Context<ModelChange>) -> Result<()> {
    let model = &mut ctx.accounts.model;
    model.retired = true;
    model.bump_revision()?;
    model.invariant()?;
    emit_cpi!(updated(model));
    Ok(())
}
