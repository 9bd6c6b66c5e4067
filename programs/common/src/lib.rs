//! What every IO protocol program shares, and the off-chain code that talks to them: the deployer
//! key fixed at build time, role-set bounds, PDA creation that a pre-funded address cannot block
//! ([`create_pda_account`], [`create_pda_with`], [`create_pda_token_account`]), token vaults
//! owned by a PDA ([`PdaVault`]), config addresses derived at compile time ([`singleton_pda`]),
//! the escrowed currencies and accrued fees ([`Currency`], [`EscrowTotals`], [`AccruedFees`]),
//! and the roles every config holds with the guardian's bounded pause ([`Role`], [`Pause`]).

#![deny(clippy::arithmetic_side_effects)]

// Links the 128-bit builtins into every program of an SBF build (see programs/sbf-i128-abi).
#[cfg(target_os = "solana")]
use sbf_i128_abi as _;

pub mod money;
pub mod pause;
mod pda_account;
pub mod pda_vault;
pub mod roles;

use anchor_lang::prelude::Pubkey;

pub use money::{AccruedFees, Currency, EscrowTotals, MoneyError};
pub use pause::{Pause, PauseError};
pub use pda_account::{
    create_pda_account, create_pda_token_account, create_pda_with, is_uninitialized,
};
pub use pda_vault::PdaVault;
pub use roles::{Role, RoleError, RoleSlot};

/// The localnet deployer, whose keypair is committed at `keys/localnet-deployer.json`.
///
/// It is only a default: a build for a real cluster sets `IO_DEPLOYER` to its own deployer's
/// address, so the committed key has no power there.
pub const LOCALNET_DEPLOYER: &str = "AndcVz9C9DEtsJNSz3d2XRDTC8vHZTXceY6LYqpLcg77";

/// The only key allowed to call any program's `*_init` instruction.
///
/// Fixed at build time (`IO_DEPLOYER`, or [`LOCALNET_DEPLOYER`]) so that nobody can front-run
/// the initialisation of a freshly deployed program with a configuration of their own.
pub const DEPLOYER: Pubkey = Pubkey::from_str_const(match option_env!("IO_DEPLOYER") {
    Some(address) => address,
    None => LOCALNET_DEPLOYER,
});

/// The PDA of the one-seed singleton `seed` of `program` and its canonical bump, derived at
/// compile time. Programs check their configs against such a constant: a 32-byte comparison,
/// where a seeds constraint costs a `create_program_address` (1,500 compute units) on every
/// instruction, and a search costs that per bump tried.
pub const fn singleton_pda(seed: &[u8], program: &Pubkey) -> (Pubkey, u8) {
    let (address, bump) = anchor_lang::derive_program_address(&[seed], &program.to_bytes());
    (Pubkey::new_from_array(address), bump)
}

/// Most keys any bounded role set (settlers, oracles, slashers) may hold. Fixing it keeps every
/// config account's size known at `init`, so no config ever needs a realloc.
pub const MAX_ROLE_KEYS: usize = 8;

/// Basis points in one whole (100 %).
pub const BPS_DENOMINATOR: u16 = 10_000;

/// Longest a guardian's pause may last, in hours, unless a config sets a shorter one.
pub const MAX_GUARDIAN_PAUSE_HOURS: u32 = 72;
