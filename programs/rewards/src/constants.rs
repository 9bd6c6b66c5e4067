//! Seeds, limits and precision constants of the rewards program.

/// Seed of the configuration PDA: `[SEED_CONFIG]`. The config owns the block-reward vault.
pub const SEED_CONFIG: &[u8] = b"config";
/// The configuration PDA and its bump, derived at compile time: every instruction but
/// `config_init` checks the config against this address, a comparison instead of a
/// `create_program_address`.
pub const CONFIG_PDA: (anchor_lang::prelude::Pubkey, u8) =
    io_common::singleton_pda(SEED_CONFIG, &crate::ID_CONST);

/// Seed of the block-reward vault (an IO token account owned by the config):
/// `[SEED_REWARD_VAULT]`.
pub const SEED_REWARD_VAULT: &[u8] = b"reward_vault";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Basis points in one whole (100 %).
pub const MAX_BPS: u16 = 10_000;

/// Seed of a season: `[SEED_SEASON, index (u32 LE)]`, the index being the config's
/// `seasons_created` at creation.
pub const SEED_SEASON: &[u8] = b"season";

/// Seed of a season's reward vault (an IO token account owned by the season):
/// `[SEED_SEASON_VAULT, season]`.
pub const SEED_SEASON_VAULT: &[u8] = b"season_vault";

/// Seed of a device's season record: `[SEED_SEASON_DEVICE, season, device]`.
pub const SEED_SEASON_DEVICE: &[u8] = b"season_device";

/// Most GPU classes a season counts: with twelve, `season_create` still fits a legacy
/// transaction (`tests/sizes.rs`).
pub const MAX_SEASON_CLASSES: usize = 12;

/// Most devices one `inputs_post` or `season_claim` names.
pub const MAX_SEASON_BATCH: usize = 8;

/// Shortest time between the vesting end and the clawback: holders get at least a day to
/// claim what has fully vested.
pub const MIN_CLAIM_WINDOW_SECS: i64 = 86_400;

/// Decimals of the IO token.
pub const IO_DECIMALS: u8 = 8;

/// Seed of a device's block-reward record: `[SEED_DEVICE_REWARDS, device]`.
pub const SEED_DEVICE_REWARDS: &[u8] = b"device_rewards";

/// Fewest and most oracles the block-reward distributor works with.
pub const MIN_DISTRIBUTOR_ORACLES: usize = 3;

/// Most devices one `rewards_claim` pays: with a majority of three oracles signing each, three
/// devices fill a v0 transaction with a lookup table (`how_many_devices_fit_one_claim`).
pub const MAX_CLAIM_BATCH: usize = 3;
