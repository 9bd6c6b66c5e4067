//! `role_accept`: the proposed key signs and takes its role. Two steps, so a typo in a proposal
//! never hands a role to a key nobody holds.

use anchor_lang::prelude::*;
use io_common::Role;

use crate::constants::CONFIG_PDA;
use crate::error::RewardsError;
use crate::events::RoleAccepted;
use crate::state::RewardsConfig;

#[event_cpi]
#[derive(Accounts)]
pub struct RoleAccept<'info> {
    pub pending: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, RewardsConfig>,
}

impl RoleAccept<'_> {
    pub fn handle(ctx: Context<Self>, role: Role) -> Result<()> {
        let signer = ctx.accounts.pending.key();
        let config = &mut ctx.accounts.config;
        let previous = config
            .role_slot(role)
            .accept(signer)
            .map_err(|_| RewardsError::NotPendingRole)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(RoleAccepted {
            role,
            previous,
            current: signer,
            revision: config.revision,
        });
        Ok(())
    }
}
