//! Seeds, limits and precision constants of the market program.

/// Seed of the configuration PDA: `[SEED_CONFIG]`.
pub const SEED_CONFIG: &[u8] = b"config";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Largest fee or share, in basis points (100 %).
pub const MAX_BPS: u16 = 10_000;
