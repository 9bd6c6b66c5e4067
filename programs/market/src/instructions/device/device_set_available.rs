//! `device_set_available`: the owner offers a device for new leases, or withdraws the offer.
//! Offering needs the stake its GPUs require; withdrawing never does.

use anchor_lang::prelude::*;

use super::DeviceChange;
use crate::error::MarketError;
use crate::events::DeviceUpdated;
use crate::state::required_stake;

pub fn handle(ctx: Context<DeviceChange>, available: bool) -> Result<()> {
    if available {
        let required = required_stake(
            ctx.accounts.config.params.stake_per_gpu_io_base,
            ctx.accounts.gpu_class.terms.multiplier_bps,
            ctx.accounts.device.gpu_count,
        )?;
        require!(
            ctx.accounts.device.stake.staked >= required,
            MarketError::StakeBelowRequired
        );
    }
    let device = &mut ctx.accounts.device;
    device.available = available;
    device.bump_revision()?;
    device.invariant()?;
    emit_cpi!(DeviceUpdated {
        device: device.key(),
        device_key: device.device_key,
        available,
        revision: device.revision,
    });
    Ok(())
}
