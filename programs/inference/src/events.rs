//! Events of the inference program, emitted with `emit_cpi!` and carrying post-state values.

use anchor_lang::prelude::*;

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    /// Seconds between a user's close request and the refund (at least 24 hours).
    pub session_close_timeout_secs: u32,
    /// Most inferences one direct payment may cover (1..=64).
    pub max_direct_batch: u16,
    pub revision: u64,
}

/// A model was registered.
#[event]
pub struct ModelRegistered {
    pub model: Pubkey,
    pub owner: Pubkey,
    pub model_id: [u8; 32],
    pub content_hash: [u8; 32],
    pub terms: crate::state::ModelTerms,
}

/// A model's terms, pause or retirement changed (post-state).
#[event]
pub struct ModelUpdated {
    pub model: Pubkey,
    pub terms: crate::state::ModelTerms,
    pub paused: bool,
    pub retired: bool,
    pub revision: u64,
}

/// A retired model without sessions was closed; its rent went back to the payer.
#[event]
pub struct ModelClosed {
    pub model: Pubkey,
    pub rent_payer: Pubkey,
}
