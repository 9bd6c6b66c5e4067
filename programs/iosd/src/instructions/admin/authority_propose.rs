//! `authority_propose`: the authority names its successor, who must accept before anything
//! changes hands. Proposing the default address withdraws a proposal.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::AuthorityProposed;

pub fn handle(ctx: Context<AuthorityChange>, pending_authority: Pubkey) -> Result<()> {
    let config = &mut ctx.accounts.config;
    config.pending_authority = pending_authority;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(AuthorityProposed {
        authority: config.authority,
        pending_authority,
        revision: config.revision,
    });
    Ok(())
}
