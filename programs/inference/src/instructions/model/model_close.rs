//! `model_close`: the owner closes a retired model without open sessions or unclaimed earnings;
//! the rent goes back to whoever paid it.

use anchor_lang::prelude::*;

use crate::error::InferenceError;
use crate::events::ModelClosed;
use crate::state::Model;

#[event_cpi]
#[derive(Accounts)]
pub struct ModelClose<'info> {
    pub owner: Signer<'info>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = owner @ InferenceError::NotModelOwner,
        has_one = rent_payer @ InferenceError::NotModelOwner,
        constraint = model.retired && model.open_sessions == 0 @ InferenceError::ModelInUse,
        constraint = model.earned_iosd_micros == 0 && model.earned_io_base == 0
            @ InferenceError::ModelHasEarnings,
    )]
    pub model: Account<'info, Model>,
    /// CHECK: the model's recorded rent payer (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl ModelClose<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        emit_cpi!(ModelClosed {
            model: ctx.accounts.model.key(),
            rent_payer: ctx.accounts.rent_payer.key(),
        });
        Ok(())
    }
}
