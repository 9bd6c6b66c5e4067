//! `season_close`: once a season is swept and every device record closed, anyone closes the
//! season and its vault; the rent returns to whoever paid it. IO that reached the vault after
//! the sweep moves to the block-reward vault first, so a stray transfer can neither block the
//! close nor be lost.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, CloseAccount, Token, TokenAccount};

use super::pay_from_vault;
use crate::constants::{CONFIG_PDA, SEED_SEASON};
use crate::error::RewardsError;
use crate::events::SeasonAccountClosed;
use crate::state::{RewardsConfig, Season, SeasonState};

#[event_cpi]
#[derive(Accounts)]
pub struct SeasonClose<'info> {
    pub anyone: Signer<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, RewardsConfig>>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = vault @ RewardsError::SeasonMismatch,
        has_one = rent_payer @ RewardsError::SeasonMismatch,
        constraint = season.state == SeasonState::Swept && season.records_open == 0
            @ RewardsError::SeasonNotEmpty,
    )]
    pub season: Box<Account<'info, Season>>,
    #[account(mut)]
    pub vault: Box<Account<'info, TokenAccount>>,
    /// Receives anything the vault still holds.
    #[account(mut, address = config.reward_vault @ RewardsError::SeasonMismatch)]
    pub reward_vault: Box<Account<'info, TokenAccount>>,
    /// CHECK: the season's rent payer (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
}

impl SeasonClose<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let season = &ctx.accounts.season;
        pay_from_vault(
            season,
            &ctx.accounts.vault.to_account_info(),
            &ctx.accounts.reward_vault.to_account_info(),
            &ctx.accounts.token_program.to_account_info(),
            ctx.accounts.vault.amount,
        )?;
        let index = season.index.to_le_bytes();
        let bump = [season.bump];
        let seeds: &[&[u8]] = &[SEED_SEASON, &index, &bump];
        let accounts = CloseAccount {
            account: ctx.accounts.vault.to_account_info(),
            destination: ctx.accounts.rent_payer.to_account_info(),
            authority: season.to_account_info(),
        };
        token::close_account(CpiContext::new_with_signer(
            ctx.accounts.token_program.key(),
            accounts,
            &[seeds],
        ))?;
        emit_cpi!(SeasonAccountClosed {
            season: season.key(),
            account: season.key(),
            records_open: 0,
        });
        Ok(())
    }
}
