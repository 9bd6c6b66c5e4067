//! Seeds, limits and precision constants of the market program.

/// Seed of the configuration PDA: `[SEED_CONFIG]`. The config also owns the stake vault, the
/// slash escrow and the lease vault, so one PDA signs every IO movement of the program.
pub const SEED_CONFIG: &[u8] = b"config";
/// The configuration PDA and its bump, derived at compile time: every instruction but
/// `config_init` checks the config against this address, a comparison instead of a
/// `create_program_address`.
pub const CONFIG_PDA: (anchor_lang::prelude::Pubkey, u8) =
    io_common::singleton_pda(SEED_CONFIG, &crate::ID_CONST);
/// Seed of the IO stake vault (a token account owned by the config): `[SEED_STAKE_VAULT]`.
pub const SEED_STAKE_VAULT: &[u8] = b"stake_vault";
/// Seed of the IO slash escrow (a token account owned by the config): `[SEED_SLASH_ESCROW]`.
pub const SEED_SLASH_ESCROW: &[u8] = b"slash_escrow";
/// Seed of the IO lease vault (a token account owned by the config): `[SEED_LEASE_VAULT]`.
pub const SEED_LEASE_VAULT: &[u8] = b"lease_vault";
/// Seed of a GPU class in the price book: `[SEED_GPU_CLASS, name (32 bytes)]`.
pub const SEED_GPU_CLASS: &[u8] = b"gpu_class";
/// Seed of a provider: `[SEED_PROVIDER, owner]`.
pub const SEED_PROVIDER: &[u8] = b"provider";
/// Seed of a device: `[SEED_DEVICE, provider, index (u32 LE)]`.
pub const SEED_DEVICE: &[u8] = b"device";
/// Seed of a slash: `[SEED_SLASH, device, nonce (u64 LE)]`.
pub const SEED_SLASH: &[u8] = b"slash";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Largest fee or share, in basis points (100 %).
pub const MAX_BPS: u16 = 10_000;

/// A GPU class's earning multiplier is fixed point in bps: 10_000 is 1.0.
pub const MULTIPLIER_ONE_BPS: u32 = 10_000;
/// Largest earning multiplier (10×).
pub const MAX_MULTIPLIER_BPS: u32 = 100_000;

/// Most GPUs one device may declare.
pub const MAX_GPUS_PER_DEVICE: u16 = 64;
/// Bandwidth tiers run from 0 to this.
pub const MAX_BANDWIDTH_TIER: u8 = 4;

/// Decimals of the IO token and of IOSD.
pub const IO_DECIMALS: u8 = 8;
pub const IOSD_DECIMALS: u8 = 6;

/// Largest share of a device's stake one slash may take, whatever the authority sets (half):
/// the authority and its slashers cannot take a whole stake in one decision.
pub const MAX_SLASH_CAP_BPS: u16 = 5_000;

/// Longest unstake cooldown and appeal window.
pub const MAX_COOLDOWN_SECS: u32 = 365 * 86_400;
pub const MAX_APPEAL_WINDOW_SECS: u32 = 90 * 86_400;
/// Seed of a lease: `[SEED_LEASE, device, nonce (u64 LE)]`.
pub const SEED_LEASE: &[u8] = b"lease";

/// Seconds per hour, the unit of the price book's rates.
pub const SECS_PER_HOUR: u64 = 3_600;

/// Most leases one `lease_settle_batch` settles (each names 3 remaining accounts).
pub const MAX_SETTLE_BATCH: usize = 32;
