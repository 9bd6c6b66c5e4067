//! Devices: register, rotate the device key, set availability, close.

pub mod device_close;
pub mod device_register;
pub mod device_rotate_key;
pub mod device_set_available;

pub use device_close::*;
pub use device_register::*;

use anchor_lang::prelude::*;

use crate::error::MarketError;
use crate::state::{Device, GpuClass, Provider};

/// The accounts of a change the provider's owner makes to one of its devices.
#[event_cpi]
#[derive(Accounts)]
pub struct DeviceChange<'info> {
    pub owner: Signer<'info>,
    #[account(has_one = owner @ MarketError::NotProviderOwner)]
    pub provider: Box<Account<'info, Provider>>,
    #[account(
        mut, dup,
        has_one = provider @ MarketError::DeviceProviderMismatch,
        has_one = gpu_class @ MarketError::GpuClassMismatch,
    )]
    pub device: Account<'info, Device>,
    pub gpu_class: Account<'info, GpuClass>,
    #[account(address = crate::constants::CONFIG_PDA.0)]
    pub config: Box<Account<'info, crate::state::MarketConfig>>,
}
