//! `session_top_up`: the user adds funds to a session (not once its close was requested). If
//! an accepted receipt owes more than was funded, the new funds pay it at once.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::CONFIG_PDA;
use crate::error::InferenceError;
use crate::events::SessionToppedUp;
use crate::instructions::escrow::*;
use crate::instructions::session::settlement;
use crate::state::{InferenceConfig, Model, Session};

#[event_cpi]
#[derive(Accounts)]
pub struct SessionTopUp<'info> {
    pub user: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, InferenceConfig>>,
    #[account(
        mut, dup,
        has_one = user @ InferenceError::NotSessionUser,
        has_one = model @ InferenceError::SessionMismatch,
        has_one = provider_payout @ InferenceError::SessionMismatch,
    )]
    pub session: Box<Account<'info, Session>>,
    #[account(mut, dup)]
    pub model: Box<Account<'info, Model>>,
    #[account(mut)]
    pub user_funds: Box<Account<'info, TokenAccount>>,
    /// The session's provider payout account: paid if a receipt was waiting for funds.
    #[account(mut)]
    pub provider_payout: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.io_vault @ InferenceError::ConfigAccountMismatch)]
    pub io_vault: Box<Account<'info, TokenAccount>>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl SessionTopUp<'_> {
    pub fn handle(mut ctx: Context<Self>, amount: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.config.require_payments_open(now)?;
        require!(amount > 0, InferenceError::ZeroAmount);
        let session = &ctx.accounts.session;
        require!(
            session.close_requested_at == 0,
            InferenceError::SessionClosing
        );
        let currency = session.terms.currency;
        require_currency(&ctx.accounts.user_funds, &ctx.accounts.config, currency)?;
        let escrows = escrows(
            &ctx.accounts.config,
            ctx.accounts.io_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?;
        escrows.take(
            currency,
            &ctx.accounts.user.to_account_info(),
            &ctx.accounts.user_funds.to_account_info(),
            amount,
        )?;
        let accounts = &mut ctx.accounts;
        accounts.session.funded = accounts
            .session
            .funded
            .checked_add(amount)
            .ok_or(InferenceError::MathOverflow)?;
        accounts.session.last_active_at = now;
        accounts
            .config
            .escrowed
            .credit(currency, amount)
            .map_err(InferenceError::from)?;
        let settled = settlement::pay_due(
            &mut accounts.config,
            &mut accounts.session,
            &mut accounts.model,
            &escrows,
            &accounts.provider_payout,
        )?;
        let session = &mut accounts.session;
        if settled.is_none() {
            session.bump_revision()?;
            session.invariant()?;
        }
        accounts.config.bump_revision()?;
        accounts.config.invariant()?;
        let topped_up = SessionToppedUp {
            session: session.key(),
            amount,
            funded: session.funded,
            settled: session.settled,
            escrowed: accounts.config.escrowed,
            revision: session.revision,
        };
        emit_cpi!(topped_up);
        if let Some(event) = settled {
            emit_cpi!(event);
        }
        Ok(())
    }
}
