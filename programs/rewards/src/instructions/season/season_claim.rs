//! `season_claim`: anyone claims, for up to 8 devices, what has vested of each device's share
//! `⌊pool × points / total⌋`, paid from the season's vault to the IO payout account its provider
//! registered in the market, never elsewhere. A claim pays `vested − claimed`, so a repeat pays
//! nothing. A fully paid record closes and its rent returns to whoever paid it.
//!
//! The device itself need not exist any more: a device closed after the season keeps its
//! entitlement, paid to the `io_payout` of the provider the record names (the provider's
//! address is its owner's, so an owner that closed its provider registers again to claim).
//!
//! Remaining accounts, per device: the record, its market `Provider`, the provider's
//! `io_payout` account, and the record's rent payer.

use anchor_lang::AccountsClose;
use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use super::pay_from_vault;
use crate::constants::MAX_SEASON_BATCH;
use crate::error::RewardsError;
use crate::events::SeasonClaimed;
use crate::instructions::market_accounts;
use crate::state::{Season, SeasonDevice, SeasonState};

/// Accounts each device names in the remaining accounts.
const ACCOUNTS_PER_DEVICE: usize = 4;

#[event_cpi]
#[derive(Accounts)]
pub struct SeasonClaim<'info> {
    pub anyone: Signer<'info>,
    #[account(mut, dup, has_one = vault @ RewardsError::SeasonMismatch)]
    pub season: Account<'info, Season>,
    #[account(mut, dup)]
    pub vault: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

impl<'info> SeasonClaim<'info> {
    pub fn handle(ctx: Context<'info, Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        match ctx.accounts.season.state {
            SeasonState::Active => return err!(RewardsError::SeasonNotFinalized),
            SeasonState::Swept => return err!(RewardsError::SeasonSwept),
            SeasonState::Finalized => {}
        }
        let remaining = ctx.remaining_accounts;
        require!(
            !remaining.is_empty()
                && remaining.len().is_multiple_of(ACCOUNTS_PER_DEVICE)
                && remaining.len() / ACCOUNTS_PER_DEVICE <= MAX_SEASON_BATCH,
            RewardsError::BatchShape
        );
        let season_key = ctx.accounts.season.key();
        for entry in remaining.chunks_exact(ACCOUNTS_PER_DEVICE) {
            let [record_info, provider_info, payout, rent_payer] = entry else {
                return err!(RewardsError::BatchShape);
            };
            let mut record: Account<'info, SeasonDevice> = Account::try_from(record_info)?;
            let provider: market::state::Provider = market_accounts::read(provider_info)?;
            require!(
                record.season == season_key
                    && record.provider == provider_info.key()
                    && record.rent_payer == rent_payer.key(),
                RewardsError::SeasonMismatch
            );
            require_keys_eq!(
                payout.key(),
                provider.io_payout,
                RewardsError::PayoutMismatch
            );
            let season = &ctx.accounts.season;
            let entitled =
                io_points::entitlement(season.pool_io_base, record.points, season.total_points)
                    .map_err(RewardsError::from)?;
            let released = io_points::vested(
                entitled,
                season.vesting_start_ts,
                season.vesting_end_ts,
                now,
            )
            .map_err(RewardsError::from)?;
            let due = released
                .checked_sub(record.claimed_io_base)
                .ok_or(RewardsError::InvariantViolated)?;
            pay_from_vault(
                season,
                &ctx.accounts.vault.to_account_info(),
                payout,
                &ctx.accounts.token_program.to_account_info(),
                due,
            )?;
            record.claimed_io_base = record
                .claimed_io_base
                .checked_add(due)
                .ok_or(RewardsError::MathOverflow)?;
            let closed = record.claimed_io_base == entitled && now >= season.vesting_end_ts;
            let season = &mut ctx.accounts.season;
            season.claimed_io_base = season
                .claimed_io_base
                .checked_add(due)
                .ok_or(RewardsError::MathOverflow)?;
            if closed {
                season.records_open = season
                    .records_open
                    .checked_sub(1)
                    .ok_or(RewardsError::InvariantViolated)?;
                record.close(rent_payer.clone())?;
            } else {
                record.bump_revision()?;
                record.invariant()?;
                record.exit(&crate::ID)?;
            }
            emit_cpi!(SeasonClaimed {
                season: season_key,
                device: record.device,
                destination: payout.key(),
                amount_io_base: due,
                claimed_io_base: record.claimed_io_base,
                entitled_io_base: entitled,
                closed,
                season_claimed_io_base: ctx.accounts.season.claimed_io_base,
            });
        }
        let season = &mut ctx.accounts.season;
        season.bump_revision()?;
        season.invariant()
    }
}
