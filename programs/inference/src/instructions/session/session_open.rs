//! `session_open`: a user opens a session for a model served by a provider: funds its escrow in
//! the model's currency, names the session key whose receipts it will pay, and fixes the
//! provider's payout account and the model's terms for the session's life. The session's
//! address carries the model's session counter, so it is never reused.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_SESSION};
use crate::error::InferenceError;
use crate::events::SessionOpened;
use crate::instructions::escrow::*;
use crate::state::{InferenceConfig, Model, Session};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionOpenArgs {
    /// The ed25519 key that will sign receipts (kept by the user's client).
    pub session_key: Pubkey,
    /// Moved into escrow, in the model's currency's base units.
    pub deposit: u64,
}

#[event_cpi]
#[derive(Accounts)]
pub struct SessionOpen<'info> {
    /// Funds the session and pays its rent.
    #[account(mut)]
    pub user: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, InferenceConfig>>,
    #[account(mut, dup)]
    pub model: Box<Account<'info, Model>>,
    /// CHECK: seeds checked here (the model's next session nonce); created by `handle`.
    #[account(
        mut,
        seeds = [SEED_SESSION, model.key().as_ref(), &model.sessions_created.to_le_bytes()],
        bump,
    )]
    pub session: UncheckedAccount<'info>,
    /// The user's IOSD holder or IO account, of the model's currency.
    #[account(mut)]
    pub user_funds: Box<Account<'info, TokenAccount>>,
    /// The serving provider's account for its share, stored in the session.
    pub provider_payout: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.io_vault @ InferenceError::ConfigAccountMismatch)]
    pub io_vault: Box<Account<'info, TokenAccount>>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
    pub system_program: Program<'info, System>,
}

impl SessionOpen<'_> {
    pub fn handle(ctx: Context<Self>, args: SessionOpenArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        let (config, model) = (&accounts.config, &accounts.model);
        config.require_payments_open(now)?;
        model.require_open()?;
        require_keys_neq!(
            args.session_key,
            Pubkey::default(),
            InferenceError::SessionKeyUnset
        );
        require!(args.deposit > 0, InferenceError::ZeroAmount);
        let terms = model.terms;
        require_currency(&accounts.user_funds, config, terms.currency)?;
        require_payout(&accounts.provider_payout, config, terms.currency, None)?;
        require_not_escrow(&accounts.provider_payout.key(), config, &accounts.iosd)?;
        require!(
            io_common::is_uninitialized(&accounts.session),
            InferenceError::AlreadyInitialized
        );
        let model_key = model.key();
        let nonce = model.sessions_created;
        let session = Session {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.session,
            revision: 0,
            user: accounts.user.key(),
            model: model_key,
            nonce,
            session_key: args.session_key,
            provider_payout: accounts.provider_payout.key(),
            terms,
            funded: args.deposit,
            owed: 0,
            sequence: 0,
            settled: 0,
            to_provider: 0,
            burned: 0,
            to_owner: 0,
            opened_at: now,
            last_receipt_at: 0,
            last_active_at: now,
            close_requested_at: 0,
            rent_payer: accounts.user.key(),
            reserved: [0; 32],
        };
        session.invariant()?;
        let nonce_bytes = nonce.to_le_bytes();
        io_common::create_pda_with(
            &accounts.user.to_account_info(),
            &accounts.session.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[
                SEED_SESSION,
                model_key.as_ref(),
                &nonce_bytes,
                &[session.bump],
            ],
            &session,
        )?;
        escrows(
            &ctx.accounts.config,
            ctx.accounts.io_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?
        .take(
            terms.currency,
            &accounts.user.to_account_info(),
            &accounts.user_funds.to_account_info(),
            args.deposit,
        )?;

        let model = &mut ctx.accounts.model;
        model.sessions_created = nonce.checked_add(1).ok_or(InferenceError::MathOverflow)?;
        model.open_sessions = model
            .open_sessions
            .checked_add(1)
            .ok_or(InferenceError::MathOverflow)?;
        model.bump_revision()?;
        model.invariant()?;
        let open_sessions = model.open_sessions;
        let config = &mut ctx.accounts.config;
        config.sessions_opened = config
            .sessions_opened
            .checked_add(1)
            .ok_or(InferenceError::MathOverflow)?;
        config
            .escrowed
            .credit(terms.currency, args.deposit)
            .map_err(InferenceError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(SessionOpened {
            session: ctx.accounts.session.key(),
            user: session.user,
            model: model_key,
            nonce,
            session_key: session.session_key,
            provider_payout: session.provider_payout,
            terms,
            funded: session.funded,
            open_sessions,
            escrowed: config.escrowed,
        });
        Ok(())
    }
}
