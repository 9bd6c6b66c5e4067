//! `position_withdraw`: after the lockup end, with every vote relinquished, the owner takes its
//! IO back and the position closes (rent back to the owner).

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, TokenAccount, Transfer};

use super::position_event;
use crate::constants::{CONFIG_PDA, SEED_CONFIG};
use crate::error::GovernanceError;
use crate::state::{GovernanceConfig, Position};

#[event_cpi]
#[derive(Accounts)]
pub struct PositionWithdraw<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, GovernanceConfig>,
    #[account(
        mut, dup,
        close = owner,
        has_one = owner @ GovernanceError::NotPositionOwner,
    )]
    pub position: Account<'info, Position>,
    /// The owner's IO account that receives the tokens.
    #[account(mut, constraint = owner_io.mint == config.io_mint @ GovernanceError::IoMintMismatch)]
    pub owner_io: Account<'info, TokenAccount>,
    #[account(mut, address = config.vault @ GovernanceError::VaultMismatch)]
    pub vault: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

impl PositionWithdraw<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        let position = &accounts.position;
        require!(now >= position.lockup_end, GovernanceError::LockupNotEnded);
        require!(
            position.active_votes == 0,
            GovernanceError::PositionHasVotes
        );
        let amount = position.amount;
        let bump = [accounts.config.bump];
        let seeds: &[&[u8]] = &[SEED_CONFIG, &bump];
        let transfer = Transfer {
            from: accounts.vault.to_account_info(),
            to: accounts.owner_io.to_account_info(),
            authority: accounts.config.to_account_info(),
        };
        token::transfer(
            CpiContext::new_with_signer(accounts.token_program.key(), transfer, &[seeds]),
            amount,
        )?;
        let config = &mut ctx.accounts.config;
        config.locked_total = config
            .locked_total
            .checked_sub(amount)
            .ok_or(GovernanceError::InvariantViolated)?;
        config.positions_open = config
            .positions_open
            .checked_sub(1)
            .ok_or(GovernanceError::InvariantViolated)?;
        config.bump_revision()?;
        config.invariant()?;
        let event = position_event(
            ctx.accounts.position.key(),
            &ctx.accounts.position,
            config,
            now,
            true,
        )?;
        emit_cpi!(event);
        Ok(())
    }
}
