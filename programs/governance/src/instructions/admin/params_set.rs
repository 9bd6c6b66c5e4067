//! `params_set`: the authority (the governance PDA, through a passed proposal) changes the
//! parameters, with the same checks as `config_init`. Running votes keep the quorum, threshold
//! and hold-up they were signed off with.

use anchor_lang::prelude::*;

use crate::constants::SEED_CONFIG;
use crate::error::GovernanceError;
use crate::events::ParamsUpdated;
use crate::state::{GovernanceConfig, GovernanceParams};

#[event_cpi]
#[derive(Accounts)]
pub struct ParamsSet<'info> {
    pub authority: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONFIG],
        bump = config.bump,
        has_one = authority @ GovernanceError::NotAuthority,
    )]
    pub config: Account<'info, GovernanceConfig>,
}

impl ParamsSet<'_> {
    pub fn handle(ctx: Context<Self>, params: GovernanceParams) -> Result<()> {
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
}
