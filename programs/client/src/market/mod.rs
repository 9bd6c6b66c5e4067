//! Client of the market program: addresses, instruction builders and fetchers, one module per
//! group of the program's instructions (re-exported here).
//!
//! Builders take the keys a caller holds (owner, authority, slasher) and the identifiers of the
//! accounts (GPU class name, device index, slash nonce), and derive every PDA themselves.

crate::program::program_client!(::market, MarketConfig);

mod admin;
mod device;
mod lease;
mod price_book;
mod provider;
mod slash;
mod stake;

pub use admin::*;
pub use device::*;
pub use lease::*;
pub use price_book::*;
pub use program::constants::{
    SEED_DEVICE, SEED_GPU_CLASS, SEED_LEASE_VAULT, SEED_PROVIDER, SEED_SLASH, SEED_SLASH_ESCROW,
    SEED_STAKE_VAULT,
};
pub use program::state::{
    AccruedFees, Device, EscrowTotals, GpuClass, Provider, Slash, required_stake,
};
pub use program::{
    Currency, DeviceSpec, GpuClassTerms, KeySet, MarketParams, PauseClass, Pool, Role, events,
};
pub use provider::*;
pub use slash::*;
pub use stake::*;

/// A GPU class name as stored: UTF-8, zero-padded to 32 bytes.
///
/// # Panics
/// When `name` is longer than 32 bytes.
pub fn class_name(name: &str) -> [u8; 32] {
    let mut bytes = [0u8; 32];
    assert!(name.len() <= 32, "a GPU class name has at most 32 bytes");
    bytes[..name.len()].copy_from_slice(name.as_bytes());
    bytes
}

pub fn stake_vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_STAKE_VAULT], &ID).0
}

pub fn slash_escrow_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_SLASH_ESCROW], &ID).0
}

/// The IO lease vault: IO deposits of IO-funded leases and providers' unclaimed IO earnings.
pub fn lease_vault_address() -> Pubkey {
    Pubkey::find_program_address(&[SEED_LEASE_VAULT], &ID).0
}

pub fn gpu_class_address(name: &[u8; 32]) -> Pubkey {
    Pubkey::find_program_address(&[SEED_GPU_CLASS, name], &ID).0
}

pub fn provider_address(owner: &Pubkey) -> Pubkey {
    Pubkey::find_program_address(&[SEED_PROVIDER, owner.as_ref()], &ID).0
}

/// The device number `index` of `owner`'s provider.
pub fn device_address(owner: &Pubkey, index: u32) -> Pubkey {
    let provider = provider_address(owner);
    Pubkey::find_program_address(&[SEED_DEVICE, provider.as_ref(), &index.to_le_bytes()], &ID).0
}

pub fn slash_address(device: &Pubkey, nonce: u64) -> Pubkey {
    Pubkey::find_program_address(&[SEED_SLASH, device.as_ref(), &nonce.to_le_bytes()], &ID).0
}

pub(crate) const TOKEN_PROGRAM: Pubkey = anchor_spl::token::ID;
pub(crate) const SYSTEM_PROGRAM: Pubkey = anchor_lang::system_program::ID;

pub use program::constants::SEED_LEASE;
pub use program::state::Lease;
pub use program::{LeaseFunding, LeaseOpenArgs};

/// Lease number `nonce` (the device's `leases_created` at open) of `device`.
pub fn lease_address(device: &Pubkey, nonce: u64) -> Pubkey {
    Pubkey::find_program_address(&[SEED_LEASE, device.as_ref(), &nonce.to_le_bytes()], &ID).0
}

/// The market's IOSD escrow: the iosd holder account of the market's spender PDA.
pub fn escrow_address() -> Pubkey {
    crate::iosd::escrow_address(&ID)
}

/// The iosd accounts every lease instruction names.
pub(crate) fn iosd_accounts() -> program::accounts::IosdAccounts {
    program::accounts::IosdAccounts {
        spender: crate::iosd::spender_address(&ID),
        iosd_config: crate::iosd::config_address(),
        iosd_mint: crate::iosd::iosd_mint_address(),
        escrow: escrow_address(),
        token_program: TOKEN_PROGRAM,
        iosd_event_authority: crate::event_authority(&crate::iosd::ID),
        iosd_program: crate::iosd::ID,
    }
}

/// The accounts of a deployment that lease instructions name and that are not PDAs: the IO
/// mint, the market's IO treasury account and the treasury's owner (whose IOSD holder receives
/// IOSD fees). All three are in the market config.
#[derive(Clone, Copy, Debug)]
pub struct Deployment {
    pub io_mint: Pubkey,
    pub treasury: Pubkey,
    pub treasury_owner: Pubkey,
}

impl Deployment {
    /// The token account a renter's money of `currency` comes from and is refunded to: its IOSD
    /// holder, or its associated IO account. (Another IO account the renter owns works too: set
    /// the instruction's `renter_funds` meta.)
    pub fn renter_funds(&self, renter: &Pubkey, currency: Currency) -> Pubkey {
        match currency {
            Currency::Iosd => crate::iosd::holder_address(renter),
            Currency::Io => {
                anchor_spl::associated_token::get_associated_token_address(renter, &self.io_mint)
            }
        }
    }
}
