//! `role_propose`: the authority names the next authority or guardian, who takes the role only
//! by signing `role_accept`. Proposing the default address withdraws a proposal.

use anchor_lang::prelude::*;
use io_common::Role;

use super::AuthorityChange;
use crate::events::RoleProposed;

pub fn handle(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
    let config = &mut ctx.accounts.config;
    let current = config.role_slot(role).propose(pending);
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
