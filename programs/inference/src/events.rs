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
