//! `params_set`: the authority changes the oracle and solvency parameters.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::OracleParamsUpdated;
use crate::state::OracleParams;

pub fn handle(ctx: Context<AuthorityChange>, oracle: OracleParams) -> Result<()> {
    oracle.check()?;
    let config = &mut ctx.accounts.config;
    config.oracle = oracle;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(OracleParamsUpdated {
        oracle,
        revision: config.revision,
    });
    Ok(())
}
