//! Seeds, limits and precision constants of the inference program.

/// Seed of the configuration PDA: `[SEED_CONFIG]`.
pub const SEED_CONFIG: &[u8] = b"config";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Shortest a user must wait after requesting a session close before the refund (24 hours).
pub const MIN_SESSION_CLOSE_TIMEOUT_SECS: u32 = 86_400;

/// Most inferences one direct-payment instruction may pay for.
pub const MAX_DIRECT_BATCH: u16 = 64;

/// Seed of a model: `[SEED_MODEL, owner, model_id (32 bytes)]`.
pub const SEED_MODEL: &[u8] = b"model";
