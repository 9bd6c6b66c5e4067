//! `role_propose`: the authority names the next authority or guardian, who must accept. The
//! default address withdraws a proposal.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::RoleProposed;
use crate::state::Role;

pub fn handle(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
    let config = &mut ctx.accounts.config;
    let current = match role {
        Role::Authority => {
            config.pending_authority = pending;
            config.authority
        }
        Role::Guardian => {
            config.pending_guardian = pending;
            config.guardian
        }
    };
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
