//! `role_propose`: the authority (through a passed proposal) names the next authority or
//! guardian, who takes the role only by signing `role_accept`. Proposing the default address
//! withdraws a proposal. A proposed guardian may accept only one hold-up later (see
//! `role_accept`), so the time of the proposal is recorded.

use anchor_lang::prelude::*;
use io_common::Role;

use super::AuthorityChange;
use crate::events::RoleProposed;

pub fn handle(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let config = &mut ctx.accounts.config;
    let current = config.role_slot(role).propose(pending);
    if role == Role::Guardian {
        config.pending_guardian_since = now;
    }
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(RoleProposed {
        role,
        current,
        pending,
        revision: config.revision,
    });
    Ok(())
}
