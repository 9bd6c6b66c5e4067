//! Events of the rewards program, emitted with `emit_cpi!` and carrying post-state values.

use anchor_lang::prelude::*;

use crate::state::{Pause, RewardPool, Role, SeasonFormula};

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
    pub io_mint: Pubkey,
    pub reward_vault: Pubkey,
    pub revision: u64,
}

/// A season was created (its vault is funded by IO transfers until it is finalised).
#[event]
pub struct SeasonCreated {
    pub season: Pubkey,
    pub index: u32,
    pub start_ts: i64,
    pub end_ts: i64,
    pub epoch_secs: u32,
    pub posting_grace_secs: u32,
    pub formula: SeasonFormula,
    pub class_count: u8,
    pub vesting_start_ts: i64,
    pub vesting_end_ts: i64,
    pub clawback_ts: i64,
    pub oracle_count: u8,
    pub vault: Pubkey,
    /// The pool moved into the vault at creation.
    pub pool_io_base: u64,
}

/// A provider entered one of its devices in a season.
#[event]
pub struct SeasonJoined {
    pub season: Pubkey,
    pub device: Pubkey,
    pub record: Pubkey,
    pub gpu_model_bps: u32,
    pub gpu_count: u16,
    pub records_open: u32,
}

/// An oracle posted a device's cumulative inputs for an epoch; the points it added.
#[event]
pub struct InputsPosted {
    pub season: Pubkey,
    pub device: Pubkey,
    pub oracle: Pubkey,
    pub epoch: u32,
    pub job_secs: u64,
    pub uptime_secs: u64,
    pub bandwidth_tier: u8,
    pub inputs_hash: [u8; 32],
    pub points_added: u64,
    /// The device's points and the season's total afterwards.
    pub points: u64,
    pub season_total_points: u64,
    pub revision: u64,
}

/// A post for an epoch the device already has was skipped (nothing changed).
#[event]
pub struct InputsSkipped {
    pub season: Pubkey,
    pub device: Pubkey,
    pub epoch: u32,
    pub last_epoch: u32,
}

/// A season was finalised: its pool is fixed and converts pro rata.
#[event]
pub struct SeasonFinalized {
    pub season: Pubkey,
    pub pool_io_base: u64,
    pub total_points: u64,
}

/// A device's vested share was paid to its provider's IO payout account.
#[event]
pub struct SeasonClaimed {
    pub season: Pubkey,
    pub device: Pubkey,
    pub destination: Pubkey,
    pub amount_io_base: u64,
    pub claimed_io_base: u64,
    pub entitled_io_base: u64,
    /// Fully paid: the record closed and its rent went back.
    pub closed: bool,
    pub season_claimed_io_base: u64,
}

/// After the clawback deadline, what was unclaimed (rounding dust included) was swept.
#[event]
pub struct SeasonSwept {
    pub season: Pubkey,
    pub destination: Pubkey,
    pub amount_io_base: u64,
    pub pool_io_base: u64,
    pub claimed_io_base: u64,
}

/// A device record or a whole season closed; rent went back to its payer.
#[event]
pub struct SeasonAccountClosed {
    pub season: Pubkey,
    /// The record closed, or the season itself.
    pub account: Pubkey,
    pub records_open: u32,
}

/// The authority replaced the distributor's oracle set; signatures for older versions stop
/// counting.
#[event]
pub struct OraclesSet {
    pub oracles: Vec<Pubkey>,
    pub oracle_version: u32,
    pub revision: u64,
}

/// A device's block-reward record was opened (its payer paid the rent).
#[event]
pub struct DeviceRewardsOpened {
    pub device: Pubkey,
    pub record: Pubkey,
    pub rent_payer: Pubkey,
}

/// A device's block rewards were claimed against a majority of oracle signatures.
#[event]
pub struct RewardsClaimed {
    pub device: Pubkey,
    pub pool: RewardPool,
    pub destination: Pubkey,
    /// Signatures counted, and the total the program took from them.
    pub signatures: u8,
    pub agreed_total_io_base: u64,
    pub amount_io_base: u64,
    pub claimed_io_base: u64,
    /// The pool's claims over all time, and what has been emitted for all pools.
    pub pool_claimed_io_base: u64,
    pub emitted_io_base: u64,
    /// The claim outflow bucket after this claim, in IO base units.
    pub claim_bucket_io_base: u64,
    pub revision: u64,
}

/// A device's block-reward record closed after the device itself was closed.
#[event]
pub struct DeviceRewardsClosed {
    pub device: Pubkey,
    pub claimed_io_base: u64,
    pub rent_payer: Pubkey,
}

/// The authority proposed the next holder of a role (the default address withdraws).
#[event]
pub struct RoleProposed {
    pub role: Role,
    pub current: Pubkey,
    pub pending: Pubkey,
    pub revision: u64,
}

/// The proposed key accepted its role.
#[event]
pub struct RoleAccepted {
    pub role: Role,
    pub previous: Pubkey,
    pub current: Pubkey,
    pub revision: u64,
}

/// The claim pause changed, by the guardian's bounded pause or the authority's decision.
#[event]
pub struct PauseChanged {
    /// The pause's end and when the guardian may pause again.
    pub pause: Pause,
    pub by: Pubkey,
    pub revision: u64,
}
