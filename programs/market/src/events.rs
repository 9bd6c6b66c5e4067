//! Events of the market program, emitted with `emit_cpi!` and carrying post-state values.

use anchor_lang::prelude::*;

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    /// Reservation fee charged to the renter at lease open, in bps (io.net: 25).
    pub reservation_fee_bps: u16,
    /// Fee withheld from each provider payout, in bps (io.net: 25).
    pub provider_fee_bps: u16,
    /// Share of protocol revenue that is burned, in bps.
    pub burn_share_bps: u16,
    /// IO staked per GPU before the class multiplier, in IO base units (8 decimals).
    pub stake_per_gpu_io_base: u64,
    /// Seconds between an unstake request and the withdrawal (default 14 days).
    pub unstake_cooldown_secs: u32,
    pub revision: u64,
}
