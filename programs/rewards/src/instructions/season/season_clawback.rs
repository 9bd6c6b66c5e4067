//! `season_clawback`: after the clawback deadline the authority sweeps what the season's vault
//! still holds (unclaimed shares and rounding dust) into an IO account of its choice. A season
//! that was finalised, or that can never be (no points), may be swept; claims end.

use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use super::pay_from_vault;
use crate::constants::CONFIG_PDA;
use crate::error::RewardsError;
use crate::events::SeasonSwept;
use crate::state::{RewardsConfig, Season, SeasonState};

#[event_cpi]
#[derive(Accounts)]
pub struct SeasonClawback<'info> {
    pub authority: Signer<'info>,
    #[account(
        address = CONFIG_PDA.0,
        has_one = authority @ RewardsError::NotAuthority,
    )]
    pub config: Box<Account<'info, RewardsConfig>>,
    #[account(mut, dup, has_one = vault @ RewardsError::SeasonMismatch)]
    pub season: Box<Account<'info, Season>>,
    #[account(mut)]
    pub vault: Box<Account<'info, TokenAccount>>,
    /// Receives the sweep: any IO account (the treasury, usually).
    #[account(mut, constraint = destination.mint == config.io_mint @ RewardsError::IoMintMismatch)]
    pub destination: Box<Account<'info, TokenAccount>>,
    pub token_program: Program<'info, Token>,
}

impl SeasonClawback<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let season = &ctx.accounts.season;
        require!(now >= season.clawback_ts, RewardsError::ClawbackNotDue);
        match season.state {
            SeasonState::Finalized => {}
            SeasonState::Active => {
                require!(season.total_points == 0, RewardsError::SeasonNotFinalized)
            }
            SeasonState::Swept => return err!(RewardsError::SeasonSwept),
        }
        let amount = ctx.accounts.vault.amount;
        pay_from_vault(
            season,
            &ctx.accounts.vault.to_account_info(),
            &ctx.accounts.destination.to_account_info(),
            &ctx.accounts.token_program.to_account_info(),
            amount,
        )?;
        let season = &mut ctx.accounts.season;
        season.state = SeasonState::Swept;
        season.swept_io_base = amount;
        season.bump_revision()?;
        season.invariant()?;
        emit_cpi!(SeasonSwept {
            season: season.key(),
            destination: ctx.accounts.destination.key(),
            amount_io_base: amount,
            pool_io_base: season.pool_io_base,
            claimed_io_base: season.claimed_io_base,
        });
        Ok(())
    }
}
