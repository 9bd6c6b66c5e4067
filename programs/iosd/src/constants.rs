//! Seeds, limits and precision constants of the iosd program.

/// Seed of the configuration PDA: `[SEED_CONFIG]`.
pub const SEED_CONFIG: &[u8] = b"config";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Longest a price may be old when minting, in seconds (ARCHITECTURE.md: at most 60 s).
pub const MAX_MINT_PRICE_AGE_SECS: u32 = 60;

/// Largest confidence multiplier `k`, in basis points of one confidence interval (k <= 10).
pub const MAX_CONFIDENCE_MULTIPLIER_BPS: u32 = 100_000;

/// Collateral ratios are in basis points of 1.0 (10_000 = fully backed).
pub const COLLATERAL_RATIO_ONE_BPS: u16 = 10_000;
