//! `params_set`: the authority changes the market parameters (same checks as `config_init`).

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::ParamsUpdated;
use crate::state::MarketParams;

pub fn handle(ctx: Context<AuthorityChange>, params: MarketParams) -> Result<()> {
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
