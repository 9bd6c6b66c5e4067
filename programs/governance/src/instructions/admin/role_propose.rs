//! `role_propose`: the authority (through a passed proposal) names the next authority or
//! guardian, who takes the role only by signing `role_accept`. Proposing the default address
//! withdraws a proposal. A proposed guardian may accept only one hold-up later, and never less
//! than a day (see `role_accept`): the moment is fixed now, with the hold-up in force now.

use anchor_lang::prelude::*;
use io_common::Role;

use super::AuthorityChange;
use crate::constants::MIN_GUARDIAN_HANDOVER_SECS;
use crate::error::GovernanceError;
use crate::events::RoleProposed;

pub fn handle(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let config = &mut ctx.accounts.config;
    let current = config.role_slot(role).propose(pending);
    if role == Role::Guardian {
        let wait = config.params.hold_up_secs.max(MIN_GUARDIAN_HANDOVER_SECS);
        config.pending_guardian_ready_at = now
            .checked_add(i64::from(wait))
            .ok_or(GovernanceError::MathOverflow)?;
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
