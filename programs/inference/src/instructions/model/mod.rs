//! The model registry: a model owner registers, reprices, pauses, retires and closes models, and
//! claims its share of payments.

pub mod model_claim;
pub mod model_close;
pub mod model_register;
pub mod model_retire;
pub mod model_set_paused;
pub mod model_update;

pub use model_claim::*;
pub use model_close::*;
pub use model_register::*;

use anchor_lang::prelude::*;

use crate::error::InferenceError;
use crate::events::ModelUpdated;
use crate::state::Model;

/// The accounts of a change the owner makes to its model.
#[event_cpi]
#[derive(Accounts)]
pub struct ModelChange<'info> {
    pub owner: Signer<'info>,
    #[account(
        mut, dup,
        has_one = owner @ InferenceError::NotModelOwner,
        constraint = !model.retired @ InferenceError::ModelRetired,
    )]
    pub model: Account<'info, Model>,
}

/// The `ModelUpdated` event after a change.
pub(crate) fn updated(model: &Account<Model>) -> ModelUpdated {
    ModelUpdated {
        model: model.key(),
        terms: model.terms,
        paused: model.paused,
        retired: model.retired,
        revision: model.revision,
    }
}
