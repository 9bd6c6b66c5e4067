//! Seeds, limits and precision constants of the inference program.

/// Seed of the configuration PDA: `[SEED_CONFIG]`.
pub const SEED_CONFIG: &[u8] = b"config";
/// The configuration PDA and its bump, derived at compile time: every instruction but
/// `config_init` checks the config against this address, a comparison instead of a
/// `create_program_address`.
pub const CONFIG_PDA: (anchor_lang::prelude::Pubkey, u8) =
    io_common::singleton_pda(SEED_CONFIG, &crate::ID_CONST);

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Shortest a user must wait after requesting a session close before the refund (24 hours).
pub const MIN_SESSION_CLOSE_TIMEOUT_SECS: u32 = 86_400;

/// Shortest a session must have been idle (no receipt, no top-up) before anyone may request
/// its close (7 days): a forgotten session never keeps its model, or its funds, locked.
pub const MIN_SESSION_IDLE_SECS: u32 = 7 * 86_400;

/// Most inferences one direct-payment instruction may pay for.
pub const MAX_DIRECT_BATCH: u16 = 64;

/// Seed of a model: `[SEED_MODEL, owner, model_id (32 bytes)]`.
pub const SEED_MODEL: &[u8] = b"model";

/// Seed of a session: `[SEED_SESSION, model, nonce (u64 LE)]`, the nonce being the model's
/// `sessions_created` at open. A model's first nonce is the config's count of sessions ever
/// opened, so no session address is ever used twice, even by a model closed and registered
/// again under the same id, and a receipt for a closed session can never match a new one.
pub const SEED_SESSION: &[u8] = b"session";

/// Seed of the IO vault (a token account owned by the config): `[SEED_IO_VAULT]`. It holds IO
/// sessions' deposits and model owners' unclaimed IO.
pub const SEED_IO_VAULT: &[u8] = b"io_vault";

/// Decimals of the IO token.
pub const IO_DECIMALS: u8 = 8;

/// Tokens per priced unit of `price_per_1k_tokens`.
pub const TOKENS_PER_PRICE_UNIT: u64 = 1_000;
