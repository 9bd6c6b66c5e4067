//! `model_update`: the owner changes the price, currency or split. Open sessions keep the terms
//! they copied at open; the change applies to new sessions and direct payments.

use anchor_lang::prelude::*;

use super::{ModelChange, updated};
use crate::state::ModelTerms;

pub fn handle(ctx: Context<ModelChange>, terms: ModelTerms) -> Result<()> {
    terms.check()?;
    let model = &mut ctx.accounts.model;
    model.terms = terms;
    model.bump_revision()?;
    model.invariant()?;
    emit_cpi!(updated(model));
    Ok(())
}
