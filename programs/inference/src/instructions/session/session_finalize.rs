//! `session_finalize`: anyone, once the close timeout has passed since the user's request,
//! refunds the unspent funding to the user and closes the session, its rent back to the user.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::CONFIG_PDA;
use crate::error::InferenceError;
use crate::events::SessionFinalized;
use crate::instructions::escrow::*;
use crate::state::{InferenceConfig, Model, Session};

#[event_cpi]
#[derive(Accounts)]
pub struct SessionFinalize<'info> {
    pub anyone: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, InferenceConfig>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = model @ InferenceError::SessionMismatch,
        has_one = rent_payer @ InferenceError::SessionMismatch,
    )]
    pub session: Account<'info, Session>,
    #[account(mut, dup)]
    pub model: Account<'info, Model>,
    /// Receives the refund: the user's IOSD holder or IO account.
    #[account(mut)]
    pub user_funds: Account<'info, TokenAccount>,
    /// CHECK: the session's recorded rent payer, the user (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
    #[account(mut, address = config.io_vault @ InferenceError::ConfigAccountMismatch)]
    pub io_vault: Account<'info, TokenAccount>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl SessionFinalize<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        let session = &accounts.session;
        let closable_at = session.closable_at(accounts.config.session_close_timeout_secs)?;
        require!(
            closable_at.is_some_and(|at| now >= at),
            InferenceError::CloseTooEarly
        );
        let currency = session.terms.currency;
        require_payout(
            &accounts.user_funds,
            &accounts.config,
            currency,
            Some(&session.user),
        )?;
        let refund = session.remaining()?;
        escrows(
            &ctx.accounts.config,
            ctx.accounts.io_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?
        .pay(currency, &accounts.user_funds.to_account_info(), refund)?;
        let (settled, owed) = (session.settled, session.owed);

        let model = &mut ctx.accounts.model;
        model.open_sessions = model
            .open_sessions
            .checked_sub(1)
            .ok_or(InferenceError::InvariantViolated)?;
        model.bump_revision()?;
        model.invariant()?;
        let open_sessions = model.open_sessions;
        let config = &mut ctx.accounts.config;
        config
            .escrowed
            .debit(currency, refund)
            .map_err(InferenceError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(SessionFinalized {
            session: ctx.accounts.session.key(),
            currency,
            refund,
            settled,
            owed,
            open_sessions,
            escrowed: config.escrowed,
        });
        Ok(())
    }
}
