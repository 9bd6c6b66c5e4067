//! Seeds, limits and precision constants of the governance program.

/// Seed of the configuration PDA: `[SEED_CONFIG]`. The config owns the vault of locked IO.
pub const SEED_CONFIG: &[u8] = b"config";
/// The configuration PDA and its bump, derived at compile time: every instruction but
/// `config_init` checks the config against this address, a comparison instead of a
/// `create_program_address`.
pub const CONFIG_PDA: (anchor_lang::prelude::Pubkey, u8) =
    io_common::singleton_pda(SEED_CONFIG, &crate::ID_CONST);

/// Seed of the governance PDA, `[SEED_GOVERNANCE]`: the authority of every other program's
/// config, and the only signer a proposal's instructions get. It owns no locked tokens, so no
/// proposal can move them.
pub const SEED_GOVERNANCE: &[u8] = b"governance";
/// The governance PDA and its bump, derived at compile time.
pub const GOVERNANCE_PDA: (anchor_lang::prelude::Pubkey, u8) =
    io_common::singleton_pda(SEED_GOVERNANCE, &crate::ID_CONST);

/// Seed of the vault of locked IO (a token account owned by the config): `[SEED_VAULT]`.
pub const SEED_VAULT: &[u8] = b"vault";

/// Seed of a position: `[SEED_POSITION, owner, id (u64 LE)]`.
pub const SEED_POSITION: &[u8] = b"position";

/// Seed of a proposal: `[SEED_PROPOSAL, index (u64 LE)]`, the index being the config's
/// `proposals_created` at creation.
pub const SEED_PROPOSAL: &[u8] = b"proposal";

/// Seed of a proposal's stored instruction: `[SEED_PROPOSAL_IX, proposal, index (u8)]`.
pub const SEED_PROPOSAL_IX: &[u8] = b"proposal_ix";

/// Seed of a vote marker: `[SEED_VOTE, proposal, position]`, so a position votes once.
pub const SEED_VOTE: &[u8] = b"vote";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Basis points in one whole (100 %).
pub const MAX_BPS: u16 = 10_000;

/// A lockup multiplier of 1.0, in basis points.
pub const MULTIPLIER_ONE_BPS: u32 = 10_000;

/// Largest lockup multiplier (10×).
pub const MAX_MULTIPLIER_BPS: u32 = 100_000;

/// Most instructions one proposal holds.
pub const MAX_PROPOSAL_INSTRUCTIONS: u8 = 8;

/// Most accounts one stored instruction names.
pub const MAX_INSTRUCTION_ACCOUNTS: usize = 16;

/// Most data bytes one stored instruction carries: with 16 accounts, the largest instruction
/// still fits the transaction that stores it (1232 bytes; `tests/sizes.rs` checks it).
pub const MAX_INSTRUCTION_DATA: usize = 224;

/// Longest voting period and hold-up (30 days each).
pub const MAX_PERIOD_SECS: u32 = 30 * 86_400;

/// Most vetoes a guardian's budget may hold, and the shortest and longest window it refills
/// over (a day to a year).
pub const MAX_VETO_BUDGET: u8 = 10;
pub const MIN_VETO_WINDOW_SECS: u32 = 86_400;
pub const MAX_VETO_WINDOW_SECS: u32 = 365 * 86_400;

/// Shortest wait between proposing a guardian and its taking over (a day), whatever the hold-up:
/// a proposal that lowers the hold-up and proposes a guardian together cannot hurry the handover.
pub const MIN_GUARDIAN_HANDOVER_SECS: u32 = 86_400;

/// Longest lockup (8 years).
pub const MAX_LOCKUP_SECS: u32 = 8 * 365 * 86_400;

/// Decimals of the IO token.
pub const IO_DECIMALS: u8 = 8;

/// How long a passed proposal stays executable after its hold-up. After it, nothing more runs
/// and the proposal may close: an instruction that can never execute (it needs a signer the
/// program cannot give, or it always fails) cannot lock the deposit forever, and nothing runs
/// against a state that has long moved on.
pub const EXECUTION_WINDOW_SECS: i64 = 30 * 86_400;
