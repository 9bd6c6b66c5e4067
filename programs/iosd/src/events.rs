//! Events of the iosd program, emitted with `emit_cpi!` and carrying post-state values.

use anchor_lang::prelude::*;

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    /// Oldest a price may be when minting, in seconds (1..=60).
    pub max_price_age_secs: u32,
    /// `k` in `price ± k·conf`, in basis points of one confidence interval.
    pub confidence_multiplier_bps: u32,
    /// Collateral ratio below which the protocol is in the warning state, in bps of 1.0.
    pub warning_ratio_bps: u16,
    /// Collateral ratio below which minting halts, in bps of 1.0.
    pub mint_halt_ratio_bps: u16,
    pub revision: u64,
}
