//! `session_close_request`: the user stops the session. Top-ups stop; the provider may still
//! submit receipts during the close timeout (counted from the request); then anyone finalises.

use anchor_lang::prelude::*;

use crate::error::InferenceError;
use crate::events::SessionCloseRequested;
use crate::state::Session;

#[event_cpi]
#[derive(Accounts)]
pub struct SessionCloseRequest<'info> {
    pub user: Signer<'info>,
    #[account(mut, has_one = user @ InferenceError::NotSessionUser)]
    pub session: Account<'info, Session>,
}

impl SessionCloseRequest<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let session = &mut ctx.accounts.session;
        require!(
            session.close_requested_at == 0,
            InferenceError::SessionClosing
        );
        session.close_requested_at = now;
        session.bump_revision()?;
        session.invariant()?;
        emit_cpi!(SessionCloseRequested {
            session: session.key(),
            close_requested_at: now,
            revision: session.revision,
        });
        Ok(())
    }
}
