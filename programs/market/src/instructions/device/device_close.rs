//! `device_close`: the owner closes a device holding no stake, no open slash and no open lease;
//! the rent goes back to the payer.

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::DeviceClosed;
use crate::state::{Device, GpuClass, MarketConfig, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct DeviceClose<'info> {
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(mut, dup, has_one = owner @ MarketError::NotProviderOwner)]
    pub provider: Box<Account<'info, Provider>>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = provider @ MarketError::DeviceProviderMismatch,
        has_one = gpu_class @ MarketError::GpuClassMismatch,
        has_one = rent_payer @ MarketError::ConfigAccountMismatch,
    )]
    pub device: Box<Account<'info, Device>>,
    #[account(mut, dup)]
    pub gpu_class: Box<Account<'info, GpuClass>>,
    /// CHECK: must be the device's recorded rent payer (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl DeviceClose<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let device = &ctx.accounts.device;
        let stake = &device.stake;
        require!(
            stake.staked == 0
                && stake.cooling == 0
                && stake.escrowed == 0
                && !device.slash_open
                && device.open_leases == 0,
            MarketError::DeviceNotEmpty
        );
        let provider = &mut ctx.accounts.provider;
        provider.device_count = provider
            .device_count
            .checked_sub(1)
            .ok_or(MarketError::InvariantViolated)?;
        provider.bump_revision()?;
        provider.invariant()?;
        let class = &mut ctx.accounts.gpu_class;
        class.device_count = class
            .device_count
            .checked_sub(1)
            .ok_or(MarketError::InvariantViolated)?;
        class.bump_revision()?;
        class.invariant()?;
        let config = &mut ctx.accounts.config;
        config.device_count = config
            .device_count
            .checked_sub(1)
            .ok_or(MarketError::InvariantViolated)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(DeviceClosed {
            device: ctx.accounts.device.key(),
            provider: ctx.accounts.provider.key(),
            device_count: ctx.accounts.provider.device_count,
        });
        Ok(())
    }
}
