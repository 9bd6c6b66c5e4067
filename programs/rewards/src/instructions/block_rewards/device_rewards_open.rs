//! `device_rewards_open`: anyone opens a market device's block-reward record, paying its rent
//! (back when the record closes).

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_DEVICE_REWARDS};
use crate::error::RewardsError;
use crate::events::DeviceRewardsOpened;
use crate::instructions::market_accounts;
use crate::state::DeviceRewards;

#[event_cpi]
#[derive(Accounts)]
pub struct DeviceRewardsOpen<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    /// CHECK: a market `Device`, read by `market_accounts::read`.
    pub device: UncheckedAccount<'info>,
    /// CHECK: seeds checked here; created by `handle`.
    #[account(mut, seeds = [SEED_DEVICE_REWARDS, device.key().as_ref()], bump)]
    pub record: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl DeviceRewardsOpen<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let accounts = &ctx.accounts;
        let _: market::state::Device = market_accounts::read(&accounts.device)?;
        require!(
            io_common::is_uninitialized(&accounts.record),
            RewardsError::AlreadyInitialized
        );
        let device = accounts.device.key();
        let record = DeviceRewards {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.record,
            revision: 0,
            device,
            claimed_io_base: 0,
            agreed_total_io_base: 0,
            rent_payer: accounts.payer.key(),
            reserved: [0; 16],
        };
        io_common::create_pda_with(
            &accounts.payer.to_account_info(),
            &accounts.record.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[SEED_DEVICE_REWARDS, device.as_ref(), &[record.bump]],
            &record,
        )?;
        emit_cpi!(DeviceRewardsOpened {
            device,
            record: accounts.record.key(),
            rent_payer: record.rent_payer,
        });
        Ok(())
    }
}
