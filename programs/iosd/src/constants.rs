//! Seeds, limits and precision constants of the iosd program.

/// Seed of the configuration PDA: `[SEED_CONFIG]`. The config is also the IOSD mint and freeze
/// authority and the owner of the IO vault, so one PDA signs everything the program does.
pub const SEED_CONFIG: &[u8] = b"config";
/// The configuration PDA and its bump, derived at compile time: every instruction but
/// `config_init` checks the config against this address, a comparison instead of a
/// `create_program_address`.
pub const CONFIG_PDA: (anchor_lang::prelude::Pubkey, u8) =
    io_common::singleton_pda(SEED_CONFIG, &crate::ID_CONST);

/// Seed of the IOSD mint PDA: `[SEED_IOSD_MINT]`.
pub const SEED_IOSD_MINT: &[u8] = b"iosd_mint";

/// Seed of the IO vault PDA (an SPL token account of the IO mint): `[SEED_IO_VAULT]`.
pub const SEED_IO_VAULT: &[u8] = b"io_vault";

/// Seed of a holder's frozen IOSD account: `[SEED_HOLDER, owner]`.
pub const SEED_HOLDER: &[u8] = b"holder";

/// Seed under which an allowed program derives the PDA it signs spends with:
/// `find_program_address(&[SEED_SPENDER], spender_program)`.
pub const SEED_SPENDER: &[u8] = b"iosd_spender";

/// Layout version written into every account this program creates.
pub const ACCOUNT_VERSION: u8 = 1;

/// Decimals of the IO token the vault holds.
pub const IO_DECIMALS: u8 = 8;

/// Decimals of IOSD (1 IOSD = 1 USD = 10⁶ micros).
pub const IOSD_DECIMALS: u8 = 6;

/// Longest a price may be old when minting or redeeming, in seconds (at most 60 s).
pub const MAX_MINT_PRICE_AGE_SECS: u32 = 60;

/// Longest the oracle-halt delay may be: a day without a price is an incident, not a quiet hour.
pub const MAX_ORACLE_HALT_SECS: u32 = 86_400;

/// Largest confidence multiplier `k`, in basis points of one confidence interval (k <= 10).
pub const MAX_CONFIDENCE_MULTIPLIER_BPS: u32 = 100_000;

/// Collateral ratios are in basis points of 1.0 (10_000 = fully backed).
pub const COLLATERAL_RATIO_ONE_BPS: u16 = 10_000;

/// Shortest and longest breaker window, in seconds (a minute to thirty days).
pub const MIN_BREAKER_WINDOW_SECS: u32 = 60;
pub const MAX_BREAKER_WINDOW_SECS: u32 = 30 * 86_400;

/// Most programs the spender allow-list holds (fixed so the config never reallocates).
pub const MAX_SPENDERS: usize = 8;
