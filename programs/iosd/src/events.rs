//! Events of the IOSD program, emitted with `emit_cpi!` and carrying post-state values.

use anchor_lang::prelude::*;

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    /// Seconds.
    pub max_price_age_secs: u32,
    /// Basis points of one confidence interval.
    pub confidence_multiplier_bps: u32,
    /// Basis points of 1.0.
    pub warning_ratio_bps: u16,
    /// Basis points of 1.0.
    pub mint_halt_ratio_bps: u16,
    pub revision: u64,
}
