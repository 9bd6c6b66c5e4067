//! Events of the rewards program, emitted with `emit_cpi!` and carrying post-state values.

use anchor_lang::prelude::*;

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    /// Share of each hour's emission for the enterprise pool, in bps (io.net: 9_500); the rest goes to the community pool.
    pub enterprise_pool_bps: u16,
    /// Unix time at which month 0 of the emission schedule begins.
    pub emission_start_ts: i64,
    /// Length of the payout-cap window, in seconds.
    pub claim_window_secs: u32,
    /// Most IO paid out per window, in IO base units (8 decimals).
    pub claim_window_cap_io_base: u64,
    pub revision: u64,
}
