//! `position_open`: a holder locks `amount` IO until `lockup_end` in a new position (its own
//! `id`), paying the position's rent.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, TokenAccount, Transfer};

use super::{check_lockup_end, position_event};
use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_POSITION};
use crate::error::GovernanceError;
use crate::state::{GovernanceConfig, Position};

#[event_cpi]
#[derive(Accounts)]
#[instruction(id: u64)]
pub struct PositionOpen<'info> {
    #[account(mut)]
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, GovernanceConfig>,
    /// CHECK: seeds checked here; created by `handle`, which refuses an existing account.
    #[account(mut, seeds = [SEED_POSITION, owner.key().as_ref(), &id.to_le_bytes()], bump)]
    pub position: UncheckedAccount<'info>,
    /// The owner's IO account the tokens come from.
    #[account(mut, constraint = owner_io.mint == config.io_mint @ GovernanceError::IoMintMismatch)]
    pub owner_io: Account<'info, TokenAccount>,
    #[account(mut, address = config.vault @ GovernanceError::VaultMismatch)]
    pub vault: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

impl PositionOpen<'_> {
    pub fn handle(ctx: Context<Self>, id: u64, amount: u64, lockup_end: i64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        require!(amount > 0, GovernanceError::ZeroAmount);
        check_lockup_end(lockup_end, now, &accounts.config)?;
        require!(
            io_common::is_uninitialized(&accounts.position),
            GovernanceError::AlreadyInitialized
        );
        let owner = accounts.owner.key();
        let position = Position {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.position,
            revision: 0,
            owner,
            id,
            amount,
            lockup_end,
            active_votes: 0,
            created_at: now,
            rent_payer: owner,
            reserved: [0; 32],
        };
        position.invariant()?;
        io_common::create_pda_with(
            &accounts.owner.to_account_info(),
            &accounts.position.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[
                SEED_POSITION,
                owner.as_ref(),
                &id.to_le_bytes(),
                &[position.bump],
            ],
            &position,
        )?;
        let transfer = Transfer {
            from: accounts.owner_io.to_account_info(),
            to: accounts.vault.to_account_info(),
            authority: accounts.owner.to_account_info(),
        };
        token::transfer(
            CpiContext::new(accounts.token_program.key(), transfer),
            amount,
        )?;

        let address = accounts.position.key();
        let config = &mut ctx.accounts.config;
        config.locked_total = config
            .locked_total
            .checked_add(amount)
            .ok_or(GovernanceError::MathOverflow)?;
        config.positions_open = config
            .positions_open
            .checked_add(1)
            .ok_or(GovernanceError::MathOverflow)?;
        config.bump_revision()?;
        config.invariant()?;
        let event = position_event(address, &position, config, now, false)?;
        emit_cpi!(event);
        Ok(())
    }
}
