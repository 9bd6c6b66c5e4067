//! `device_rewards_close`: once its market device is closed, anyone closes a device's
//! block-reward record; the rent returns to whoever paid it. Device addresses are never reused
//! (the market derives them from a counter), so the record can never be needed again.

use anchor_lang::prelude::*;

use crate::error::RewardsError;
use crate::events::DeviceRewardsClosed;
use crate::state::DeviceRewards;

#[event_cpi]
#[derive(Accounts)]
pub struct DeviceRewardsClose<'info> {
    pub anyone: Signer<'info>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = device @ RewardsError::SeasonMismatch,
        has_one = rent_payer @ RewardsError::SeasonMismatch,
    )]
    pub record: Account<'info, DeviceRewards>,
    /// CHECK: the record's device, which must no longer be a market account.
    pub device: UncheckedAccount<'info>,
    /// CHECK: the record's rent payer (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl DeviceRewardsClose<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let device = &ctx.accounts.device;
        require!(
            device.owner != &market::ID || device.data_is_empty(),
            RewardsError::DeviceStillExists
        );
        emit_cpi!(DeviceRewardsClosed {
            device: device.key(),
            claimed_io_base: ctx.accounts.record.claimed_io_base,
            rent_payer: ctx.accounts.rent_payer.key(),
        });
        Ok(())
    }
}
