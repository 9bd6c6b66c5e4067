//! `rewards_claim`: anyone claims up to 3 devices' block rewards. The transaction carries, in
//! ed25519 precompile instructions before this one, oracle signatures over each device's
//! cumulative total (`io_receipt::OracleTotal`) for the current oracle-set version; each device
//! needs a majority of distinct oracles, and is paid `saturating(agreed total − claimed)` from
//! the pre-funded reward vault to its provider's registered IO payout account. Each pool pays at
//! most its share of `emitted(now)` over all time, and all claims together at most the window's
//! cap (a bucket that drains linearly). A replayed claim pays nothing. The guardian may pause
//! these claims for a bounded time (a compromised oracle set, while the authority replaces it).
//!
//! Remaining accounts, per device: its record, the market `Device`, its `GpuClass`, its
//! `Provider`, and the provider's `io_payout` account.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, TokenAccount, Transfer};

use super::signed_totals::{agreed_total, signed_totals};
use crate::constants::{CONFIG_PDA, MAX_CLAIM_BATCH, SEED_CONFIG};
use crate::error::RewardsError;
use crate::events::RewardsClaimed;
use crate::instructions::market_accounts;
use crate::state::{DeviceRewards, RewardPool, RewardsConfig};

/// Accounts each device names in the remaining accounts.
const ACCOUNTS_PER_DEVICE: usize = 5;

#[event_cpi]
#[derive(Accounts)]
pub struct RewardsClaim<'info> {
    pub anyone: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, RewardsConfig>,
    #[account(mut, dup, address = config.reward_vault @ RewardsError::SeasonMismatch)]
    pub reward_vault: Account<'info, TokenAccount>,
    /// CHECK: must be the instructions sysvar; `signed_totals` checks the address.
    pub instructions: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
}

impl<'info> RewardsClaim<'info> {
    /// The pool of a device's GPU class.
    fn pool(class: &market::state::GpuClass) -> Result<RewardPool> {
        match class.terms.pool {
            market::Pool::Enterprise => Ok(RewardPool::Enterprise),
            market::Pool::Community => Ok(RewardPool::Community),
            market::Pool::Unsupported => err!(RewardsError::NoRewardPool),
        }
    }

    /// Counts `amount` in the claim bucket, which drains linearly over the window.
    fn count_in_window(config: &mut RewardsConfig, amount: u64, now: i64) -> Result<()> {
        let bucket = io_limits::Bucket {
            level: config.claim_bucket_io_base,
            updated_at: config.claim_bucket_updated_at,
        }
        .admit(
            config.claim_window_cap_io_base,
            config.claim_window_secs,
            amount,
            now,
        )
        .map_err(|error| match error {
            io_limits::LimitError::Exceeded { .. } => RewardsError::ClaimWindowCapExceeded,
            io_limits::LimitError::WindowZero => RewardsError::ClaimWindowInvalid,
        })?;
        config.claim_bucket_io_base = bucket.level;
        config.claim_bucket_updated_at = bucket.updated_at;
        Ok(())
    }

    pub fn handle(ctx: Context<'info, Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        require!(
            !ctx.accounts.config.claim_pause.is_paused(now),
            RewardsError::Paused
        );
        let oracle_count = ctx.accounts.config.oracle_keys().len();
        require!(
            oracle_count >= crate::constants::MIN_DISTRIBUTOR_ORACLES,
            RewardsError::DistributorOraclesInvalid
        );
        let remaining = ctx.remaining_accounts;
        require!(
            !remaining.is_empty()
                && remaining.len().is_multiple_of(ACCOUNTS_PER_DEVICE)
                && remaining.len() / ACCOUNTS_PER_DEVICE <= MAX_CLAIM_BATCH,
            RewardsError::BatchShape
        );
        let totals = signed_totals(&ctx.accounts.instructions, &ctx.accounts.config)?;
        let bump = [ctx.accounts.config.bump];
        let seeds: &[&[u8]] = &[SEED_CONFIG, &bump];
        for entry in remaining.chunks_exact(ACCOUNTS_PER_DEVICE) {
            let [record_info, device_info, class_info, provider_info, payout] = entry else {
                return err!(RewardsError::BatchShape);
            };
            let mut record: Account<'info, DeviceRewards> = Account::try_from(record_info)?;
            let device: market::state::Device = market_accounts::read(device_info)?;
            let class: market::state::GpuClass = market_accounts::read(class_info)?;
            let provider: market::state::Provider = market_accounts::read(provider_info)?;
            require!(
                record.device == device_info.key()
                    && device.gpu_class == class_info.key()
                    && device.provider == provider_info.key(),
                RewardsError::SeasonMismatch
            );
            require_keys_eq!(
                payout.key(),
                provider.io_payout,
                RewardsError::PayoutMismatch
            );
            let pool = Self::pool(&class)?;

            let mine: Vec<_> = totals
                .iter()
                .filter(|signed| signed.device == device_info.key())
                .collect();
            for (i, signed) in mine.iter().enumerate() {
                require!(
                    !mine[..i].iter().any(|other| other.oracle == signed.oracle),
                    RewardsError::DuplicateOracleSignature
                );
            }
            let mut values: Vec<u64> = mine.iter().map(|signed| signed.total).collect();
            let agreed = agreed_total(&mut values, oracle_count)?;
            let due = agreed.saturating_sub(record.claimed_io_base);

            let config = &mut ctx.accounts.config;
            require!(
                due <= config.emission_headroom(pool, now)?,
                RewardsError::EmissionGuardExceeded
            );
            Self::count_in_window(config, due, now)?;
            let pool_claimed = match pool {
                RewardPool::Enterprise => &mut config.claimed_enterprise_io_base,
                RewardPool::Community => &mut config.claimed_community_io_base,
            };
            *pool_claimed = pool_claimed
                .checked_add(due)
                .ok_or(RewardsError::MathOverflow)?;
            let pool_claimed = *pool_claimed;
            if due > 0 {
                let transfer = Transfer {
                    from: ctx.accounts.reward_vault.to_account_info(),
                    to: payout.clone(),
                    authority: ctx.accounts.config.to_account_info(),
                };
                token::transfer(
                    CpiContext::new_with_signer(
                        ctx.accounts.token_program.key(),
                        transfer,
                        &[seeds],
                    ),
                    due,
                )?;
            }
            record.claimed_io_base = record
                .claimed_io_base
                .checked_add(due)
                .ok_or(RewardsError::MathOverflow)?;
            record.agreed_total_io_base = record.agreed_total_io_base.max(agreed);
            record.bump_revision()?;
            record.invariant()?;
            record.exit(&crate::ID)?;
            let config = &ctx.accounts.config;
            emit_cpi!(RewardsClaimed {
                device: device_info.key(),
                pool,
                destination: payout.key(),
                signatures: u8::try_from(values.len()).map_err(|_| RewardsError::MathOverflow)?,
                agreed_total_io_base: agreed,
                amount_io_base: due,
                claimed_io_base: record.claimed_io_base,
                pool_claimed_io_base: pool_claimed,
                emitted_io_base: io_emission::emitted_at(config.emission_start_ts, now),
                claim_bucket_io_base: config.claim_bucket_io_base,
                revision: record.revision,
            });
        }
        let config = &mut ctx.accounts.config;
        config.bump_revision()?;
        config.invariant()
    }
}
