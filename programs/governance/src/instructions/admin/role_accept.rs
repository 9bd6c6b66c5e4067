//! `role_accept`: the proposed key signs and takes its role. A new guardian takes over only a
//! hold-up after it was proposed (at least a day, fixed at the proposal): a majority that
//! replaces the guardian through one proposal cannot also pass, within the same hold-up, a
//! proposal the guardian it replaces would veto.

use anchor_lang::prelude::*;
use io_common::Role;

use crate::constants::CONFIG_PDA;
use crate::error::GovernanceError;
use crate::events::RoleAccepted;
use crate::state::GovernanceConfig;

#[event_cpi]
#[derive(Accounts)]
pub struct RoleAccept<'info> {
    pub pending: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, GovernanceConfig>,
}

impl RoleAccept<'_> {
    pub fn handle(ctx: Context<Self>, role: Role) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let signer = ctx.accounts.pending.key();
        let config = &mut ctx.accounts.config;
        if role == Role::Guardian && config.pending_guardian == signer {
            require!(
                now >= config.pending_guardian_ready_at,
                GovernanceError::GuardianChangeTooEarly
            );
        }
        let previous = config
            .role_slot(role)
            .accept(signer)
            .map_err(|_| GovernanceError::NotPendingRole)?;
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
