//! `device_rotate_key`: the owner replaces the key a device signs usage reports with.

use anchor_lang::prelude::*;

use super::DeviceChange;
use crate::error::MarketError;
use crate::events::DeviceUpdated;

pub fn handle(ctx: Context<DeviceChange>, device_key: Pubkey) -> Result<()> {
    require_keys_neq!(device_key, Pubkey::default(), MarketError::DeviceKeyUnset);
    let device = &mut ctx.accounts.device;
    device.device_key = device_key;
    device.bump_revision()?;
    device.invariant()?;
    emit_cpi!(DeviceUpdated {
        device: device.key(),
        device_key,
        available: device.available,
        revision: device.revision,
    });
    Ok(())
}
