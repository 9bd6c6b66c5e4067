//! `season_join`: a provider's owner enters one of its devices in an active season, paying the
//! record's rent (back when the record closes). The device's GPU class must count in the
//! season; its multiplier and GPU count are fixed in the record.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, SEED_SEASON_DEVICE};
use crate::error::RewardsError;
use crate::events::SeasonJoined;
use crate::instructions::market_accounts;
use crate::state::{Season, SeasonDevice, SeasonState};

#[event_cpi]
#[derive(Accounts)]
pub struct SeasonJoin<'info> {
    /// The provider's owner; pays the record's rent.
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut, dup)]
    pub season: Account<'info, Season>,
    /// CHECK: a market `Device`, read by `market_accounts::read`.
    pub device: UncheckedAccount<'info>,
    /// CHECK: the device's market `Provider`, read by `market_accounts::read`.
    pub provider: UncheckedAccount<'info>,
    /// CHECK: seeds checked here; created by `handle`.
    #[account(
        mut,
        seeds = [SEED_SEASON_DEVICE, season.key().as_ref(), device.key().as_ref()],
        bump,
    )]
    pub record: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl SeasonJoin<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        let season = &accounts.season;
        require!(
            season.state == SeasonState::Active,
            RewardsError::SeasonFinalized
        );
        require!(
            now <= season.posting_closes_at()?,
            RewardsError::PostingClosed
        );
        let device: market::state::Device = market_accounts::read(&accounts.device)?;
        let provider: market::state::Provider = market_accounts::read(&accounts.provider)?;
        require_keys_eq!(
            device.provider,
            accounts.provider.key(),
            RewardsError::SeasonMismatch
        );
        require_keys_eq!(
            provider.owner,
            accounts.owner.key(),
            RewardsError::NotProviderOwner
        );
        let gpu_model_bps = season
            .class_multiplier(&device.gpu_class)
            .ok_or(RewardsError::ClassNotCounted)?;
        require!(
            io_common::is_uninitialized(&accounts.record),
            RewardsError::AlreadyInitialized
        );
        let (season_key, device_key) = (season.key(), accounts.device.key());
        let record = SeasonDevice {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.record,
            revision: 0,
            season: season_key,
            device: device_key,
            provider: accounts.provider.key(),
            gpu_model_bps,
            gpu_count: device.gpu_count,
            last_epoch: 0,
            job_secs: 0,
            uptime_secs: 0,
            points: 0,
            remainder: 0,
            inputs_hash: [0; 32],
            claimed_io_base: 0,
            rent_payer: accounts.owner.key(),
            reserved: [0; 16],
        };
        record.invariant()?;
        io_common::create_pda_with(
            &accounts.owner.to_account_info(),
            &accounts.record.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[
                SEED_SEASON_DEVICE,
                season_key.as_ref(),
                device_key.as_ref(),
                &[record.bump],
            ],
            &record,
        )?;
        let record_key = accounts.record.key();
        let season = &mut ctx.accounts.season;
        season.records_open = season
            .records_open
            .checked_add(1)
            .ok_or(RewardsError::MathOverflow)?;
        season.bump_revision()?;
        season.invariant()?;
        emit_cpi!(SeasonJoined {
            season: season_key,
            device: device_key,
            record: record_key,
            gpu_model_bps,
            gpu_count: record.gpu_count,
            records_open: season.records_open,
        });
        Ok(())
    }
}
