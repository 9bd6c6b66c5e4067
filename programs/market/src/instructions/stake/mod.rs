//! Stake: deposit, request an unstake (starts the cooldown), withdraw after it.

pub mod stake_deposit;
pub mod stake_withdraw;
pub mod unstake_request;

pub use unstake_request::*;

use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::StakeChanged;
use crate::state::{Device, GpuClass, MarketConfig, Provider, required_stake};

/// The accounts of a stake movement between the owner's IO account and the stake vault.
#[event_cpi]
#[derive(Accounts)]
pub struct StakeMove<'info> {
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
    /// The owner's IO token account: the source of a deposit, the destination of a withdrawal.
    #[account(mut, constraint = owner_io.mint == config.io_mint @ MarketError::IoMintMismatch)]
    pub owner_io: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.stake_vault @ MarketError::ConfigAccountMismatch)]
    pub stake_vault: Box<Account<'info, TokenAccount>>,
    pub token_program: Program<'info, Token>,
}

/// The `StakeChanged` event for a device after a movement.
pub(crate) fn stake_event(
    config: &MarketConfig,
    device: &Account<Device>,
    class: &GpuClass,
    deposited: u64,
    requested: u64,
    withdrawn: u64,
) -> Result<StakeChanged> {
    Ok(StakeChanged {
        device: device.key(),
        deposited_io_base: deposited,
        requested_io_base: requested,
        withdrawn_io_base: withdrawn,
        stake: device.stake,
        required_stake_io_base: required_stake(
            config.params.stake_per_gpu_io_base,
            class.terms.multiplier_bps,
            device.gpu_count,
        )?,
        totals: config.stake,
        revision: device.revision,
    })
}
