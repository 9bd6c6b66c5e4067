//! `unstake_request`: the owner moves stake into cooldown. It stops counting toward the
//! device's requirement at once, stays slashable, and is withdrawable when the cooldown ends. A
//! new request restarts the cooldown for everything cooling.

use anchor_lang::prelude::*;

use super::stake_event;
use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::math::{add, sub};
use crate::state::{Device, GpuClass, MarketConfig, PauseClass, Provider, required_stake};

#[event_cpi]
#[derive(Accounts)]
pub struct UnstakeRequest<'info> {
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(has_one = owner @ MarketError::NotProviderOwner)]
    pub provider: Box<Account<'info, Provider>>,
    #[account(
        mut, dup,
        has_one = provider @ MarketError::DeviceProviderMismatch,
        has_one = gpu_class @ MarketError::GpuClassMismatch,
    )]
    pub device: Box<Account<'info, Device>>,
    pub gpu_class: Box<Account<'info, GpuClass>>,
}

impl UnstakeRequest<'_> {
    pub fn handle(mut ctx: Context<Self>, amount_io_base: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &mut ctx.accounts;
        accounts
            .config
            .require_not_paused(PauseClass::Staking, now)?;
        require!(amount_io_base > 0, MarketError::ZeroAmount);
        require!(
            accounts.device.open_leases == 0,
            MarketError::DeviceHasOpenLeases
        );
        require!(
            amount_io_base <= accounts.device.stake.staked,
            MarketError::InsufficientStake
        );
        let cooldown = i64::from(accounts.config.params.unstake_cooldown_secs);
        let device = &mut accounts.device;
        device.stake.staked = sub(device.stake.staked, amount_io_base)?;
        device.stake.cooling = add(device.stake.cooling, amount_io_base)?;
        device.stake.cooldown_ends_at =
            now.checked_add(cooldown).ok_or(MarketError::MathOverflow)?;
        // Below its requirement a device stops being offered for new leases.
        let required = required_stake(
            accounts.config.params.stake_per_gpu_io_base,
            accounts.gpu_class.terms.multiplier_bps,
            device.gpu_count,
        )?;
        if device.stake.staked < required {
            device.available = false;
        }
        device.bump_revision()?;
        device.invariant()?;
        let totals = &mut accounts.config.stake;
        totals.staked_io_base = sub(totals.staked_io_base, amount_io_base)?;
        totals.cooling_io_base = add(totals.cooling_io_base, amount_io_base)?;
        accounts.config.bump_revision()?;
        accounts.config.invariant()?;
        let event = stake_event(
            &accounts.config,
            &accounts.device,
            &accounts.gpu_class,
            0,
            amount_io_base,
            0,
        )?;
        emit_cpi!(event);
        Ok(())
    }
}
