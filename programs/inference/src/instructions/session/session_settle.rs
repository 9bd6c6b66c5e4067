//! `session_settle`: anyone (the serving provider's gateway, usually) submits a session's latest
//! receipt in an ed25519 precompile instruction placed just before this one. A receipt for a
//! higher cumulative amount than the last accepted raises what the session owes; the session
//! then pays `min(owed, funded) − settled`, split between the provider, the burn and the model
//! owner, to the payout account stored at open. One transaction settles any number of
//! inferences. Receipts are accepted until the session is finalised.
//!
//! Receipts are ordered by their amount, not their sequence: the user holds the session key,
//! and a receipt it signs with an inflated sequence and the same amount must not make the
//! provider's later receipts (higher amounts, lower sequences) unacceptable.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::CONFIG_PDA;
use crate::error::InferenceError;
use crate::instructions::escrow::*;
use crate::instructions::session::{receipt, settlement};
use crate::state::{InferenceConfig, Model, Session};

#[event_cpi]
#[derive(Accounts)]
pub struct SessionSettle<'info> {
    /// Anyone; usually the provider's gateway. Pays the fee only.
    pub submitter: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, InferenceConfig>>,
    #[account(
        mut, dup,
        has_one = model @ InferenceError::SessionMismatch,
        has_one = provider_payout @ InferenceError::SessionMismatch,
    )]
    pub session: Account<'info, Session>,
    #[account(mut, dup)]
    pub model: Account<'info, Model>,
    /// The payout account stored in the session (`has_one`), never the submitter's choice.
    #[account(mut)]
    pub provider_payout: Account<'info, TokenAccount>,
    /// CHECK: must be the instructions sysvar; `receipt::verified_receipt` checks the address.
    pub instructions: UncheckedAccount<'info>,
    #[account(mut, address = config.io_vault @ InferenceError::ConfigAccountMismatch)]
    pub io_vault: Account<'info, TokenAccount>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl SessionSettle<'_> {
    pub fn handle(mut ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let receipt = receipt::verified_receipt(
            &ctx.accounts.instructions,
            &ctx.accounts.config,
            &ctx.accounts.session,
        )?;
        let session = &ctx.accounts.session;
        require!(
            receipt.cumulative_amount >= session.owed,
            InferenceError::ReceiptAmountWentBackwards
        );
        require!(
            receipt.cumulative_amount > session.owed,
            InferenceError::ReceiptNotNewer
        );
        let escrows = escrows(
            &ctx.accounts.config,
            ctx.accounts.io_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?;
        let accounts = &mut ctx.accounts;
        let session = &mut accounts.session;
        session.owed = receipt.cumulative_amount;
        session.sequence = session.sequence.max(receipt.sequence);
        session.last_receipt_at = now;
        session.last_active_at = now;
        let settled = settlement::pay_due(
            &mut accounts.config,
            &mut accounts.session,
            &mut accounts.model,
            &escrows,
            &accounts.provider_payout,
        )?;
        let session = &mut accounts.session;
        let event = match settled {
            Some(event) => event,
            None => {
                // Nothing new is funded: the receipt is recorded and pays after a top-up.
                session.bump_revision()?;
                session.invariant()?;
                crate::events::SessionSettled {
                    session: session.key(),
                    currency: session.terms.currency,
                    sequence: session.sequence,
                    owed: session.owed,
                    paid: 0,
                    to_provider: 0,
                    burned: 0,
                    to_owner: 0,
                    settled: session.settled,
                    funded: session.funded,
                    owner_earned: *accounts.model.earned_mut(session.terms.currency),
                    escrowed: accounts.config.escrowed,
                    revision: session.revision,
                }
            }
        };
        accounts.config.bump_revision()?;
        accounts.config.invariant()?;
        emit_cpi!(event);
        Ok(())
    }
}
