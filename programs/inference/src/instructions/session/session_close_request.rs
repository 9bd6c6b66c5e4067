//! `session_close_request`: the session stops. Top-ups stop; the provider may still submit
//! receipts during the close timeout (counted from the request); then anyone finalises and the
//! user gets every unspent unit back.
//!
//! The user may ask at any time. So may the owner of the session's model once that model is
//! retired (its last sessions would otherwise keep it from closing for ever), and anyone once
//! the session has been idle, with no receipt and no top-up, for the config's idle time (a
//! forgotten session never locks its model or its funds).

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::InferenceError;
use crate::events::SessionCloseRequested;
use crate::state::{InferenceConfig, Model, Session};

#[event_cpi]
#[derive(Accounts)]
pub struct SessionCloseRequest<'info> {
    pub requester: Signer<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, InferenceConfig>,
    #[account(mut, dup, has_one = model @ InferenceError::SessionMismatch)]
    pub session: Account<'info, Session>,
    pub model: Account<'info, Model>,
}

impl SessionCloseRequest<'_> {
    /// Whether `requester` may close the session at `now`.
    fn allowed(&self, now: i64) -> Result<bool> {
        let requester = self.requester.key();
        let (session, model) = (&self.session, &self.model);
        let idle_until = session
            .last_active_at
            .checked_add(i64::from(self.config.session_idle_secs))
            .ok_or(InferenceError::MathOverflow)?;
        Ok(requester == session.user
            || (model.retired && requester == model.owner)
            || now >= idle_until)
    }

    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        require!(
            ctx.accounts.session.close_requested_at == 0,
            InferenceError::SessionClosing
        );
        require!(ctx.accounts.allowed(now)?, InferenceError::CloseNotAllowed);
        let session = &mut ctx.accounts.session;
        session.close_requested_at = now;
        session.bump_revision()?;
        session.invariant()?;
        emit_cpi!(SessionCloseRequested {
            session: session.key(),
            requester: ctx.accounts.requester.key(),
            close_requested_at: now,
            revision: session.revision,
        });
        Ok(())
    }
}
