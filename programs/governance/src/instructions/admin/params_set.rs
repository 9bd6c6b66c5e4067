//! `params_set`: the authority (the governance PDA, through a passed proposal) changes the
//! parameters, with the same checks as `config_init`. Running votes keep the quorum, threshold
//! and hold-up they were signed off with.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::ParamsUpdated;
use crate::state::GovernanceParams;

pub fn handle(ctx: Context<AuthorityChange>, params: GovernanceParams) -> Result<()> {
    params.check()?;
    let config = &mut ctx.accounts.config;
    config.params = params;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(ParamsUpdated {
        params,
        revision: config.revision,
    });
    Ok(())
}
