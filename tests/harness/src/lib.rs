//! Test harness for the IO protocol programs.
//!
//! [`TestContext`] is a real LiteSVM with all five programs deployed (natively, or from ELF files
//! when `IO_SBF_DIR` is set), the IO mint (8 decimals, like the real token) and the IOSD mint
//! (6 decimals, the iosd program's PDA), the localnet deployer, Pyth price fixtures, and helpers to fund keys, hold tokens, warp the clock,
//! send instructions, assert named errors and decode `emit_cpi!` events.
//!
//! ```ignore
//! let mut ctx = TestContext::builder().with_configs().build();
//! let user = ctx.funded_keypair();
//! let account = ctx.token_account(ctx.io_mint, user.pubkey());
//! ctx.mint_io(&account, 1_000 * IO);
//! ctx.warp_by(14 * 86_400);
//! ```

pub mod admin_suite;
pub mod config_suite;
mod context;
pub mod cu_log;
mod outcome;
pub mod prices;
pub mod programs;
pub mod sizes;
mod tokens;

#[cfg(test)]
mod tests;

pub use context::{TEST_GENESIS_HASH, TestContext, TestContextBuilder, deployer_keypair};
pub use outcome::{Executed, Failed, Outcome, expect_error};

/// IO base units per IO (8 decimals).
pub const IO: u64 = io_client::defaults::IO_BASE_PER_IO;
/// IOSD base units per IOSD (6 decimals; 1 IOSD = 1 USD).
pub const IOSD: u64 = 1_000_000;
/// Decimals of the IO mint.
pub const IO_DECIMALS: u8 = 8;
/// Decimals of the IOSD mint.
pub const IOSD_DECIMALS: u8 = 6;

pub use solana_keypair::Keypair;
pub use solana_signer::Signer;
