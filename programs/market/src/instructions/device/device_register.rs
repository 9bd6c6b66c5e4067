//! `device_register`: a provider adds a device of a (non-retired) GPU class. It starts
//! unavailable and unstaked; staking to the requirement then `device_set_available` offer it.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_DEVICE};
use crate::error::MarketError;
use crate::events::DeviceRegistered;
use crate::state::{
    Device, DeviceSpec, DeviceStake, GpuClass, MarketConfig, PauseClass, Provider, required_stake,
};

#[event_cpi]
#[derive(Accounts)]
pub struct DeviceRegister<'info> {
    /// The provider's owner; pays the rent.
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(mut, dup, has_one = owner @ MarketError::NotProviderOwner)]
    pub provider: Box<Account<'info, Provider>>,
    #[account(mut, dup, constraint = !gpu_class.retired @ MarketError::GpuClassRetired)]
    pub gpu_class: Box<Account<'info, GpuClass>>,
    /// CHECK: seeds checked here (the provider's next index); created by `handle`.
    #[account(
        mut,
        seeds = [SEED_DEVICE, provider.key().as_ref(), &provider.devices_created.to_le_bytes()],
        bump,
    )]
    pub device: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl DeviceRegister<'_> {
    pub fn handle(ctx: Context<Self>, spec: DeviceSpec) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts
            .config
            .require_not_paused(PauseClass::Registration, now)?;
        spec.check()?;
        require!(
            io_common::is_uninitialized(&ctx.accounts.device),
            MarketError::AlreadyInitialized
        );
        let provider_key = ctx.accounts.provider.key();
        let index = ctx.accounts.provider.devices_created;
        let device = Device {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.device,
            revision: 0,
            provider: provider_key,
            index,
            gpu_class: ctx.accounts.gpu_class.key(),
            gpu_count: spec.gpu_count,
            bandwidth_tier: spec.bandwidth_tier,
            region: spec.region,
            device_key: spec.device_key,
            available: false,
            gpus_leased: 0,
            open_leases: 0,
            stake: DeviceStake::default(),
            slash_open: false,
            slash_nonce: 0,
            leases_created: 0,
            rent_payer: ctx.accounts.owner.key(),
            reserved: [0; 32],
        };
        device.invariant()?;
        let index_bytes = index.to_le_bytes();
        io_common::create_pda_with(
            &ctx.accounts.owner.to_account_info(),
            &ctx.accounts.device.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &[
                SEED_DEVICE,
                provider_key.as_ref(),
                &index_bytes,
                &[device.bump],
            ],
            &device,
        )?;

        let provider = &mut ctx.accounts.provider;
        provider.devices_created = index.checked_add(1).ok_or(MarketError::MathOverflow)?;
        provider.device_count = provider
            .device_count
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        provider.bump_revision()?;
        provider.invariant()?;
        let class = &mut ctx.accounts.gpu_class;
        class.device_count = class
            .device_count
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        class.bump_revision()?;
        class.invariant()?;
        let config = &mut ctx.accounts.config;
        config.device_count = config
            .device_count
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        config.devices_registered = config
            .devices_registered
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        config.bump_revision()?;
        config.invariant()?;
        let required = required_stake(
            config.params.stake_per_gpu_io_base,
            class.terms.multiplier_bps,
            spec.gpu_count,
        )?;
        emit_cpi!(DeviceRegistered {
            device: ctx.accounts.device.key(),
            provider: provider_key,
            index,
            gpu_class: class.key(),
            gpu_count: spec.gpu_count,
            bandwidth_tier: spec.bandwidth_tier,
            region: spec.region,
            device_key: spec.device_key,
            required_stake_io_base: required,
            device_count: ctx.accounts.provider.device_count,
        });
        Ok(())
    }
}
