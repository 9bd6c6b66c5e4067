//! Events of the governance program, emitted with `emit_cpi!` and carrying post-state values.

use anchor_lang::prelude::*;

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    /// Seconds a proposal stays open for votes.
    pub voting_period_secs: u32,
    /// Seconds between a proposal passing and its execution (guardian veto window).
    pub hold_up_secs: u32,
    /// Least total voting power that must vote for a proposal to pass.
    pub quorum_power: u64,
    /// Share of yes among yes + no needed to pass, in bps.
    pub approval_threshold_bps: u16,
    /// Voting-power multiplier at full lockup saturation, in bps of 1.0.
    pub max_lockup_multiplier_bps: u32,
    pub revision: u64,
}
