//! `role_accept`: the proposed key signs and takes its role. Two steps, so a typo in a proposal
//! never hands a role to a key nobody holds.

use anchor_lang::prelude::*;

use crate::constants::SEED_CONFIG;
use crate::error::MarketError;
use crate::events::RoleAccepted;
use crate::state::{MarketConfig, Role};

#[event_cpi]
#[derive(Accounts)]
pub struct RoleAccept<'info> {
    pub pending: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIG], bump = config.bump)]
    pub config: Account<'info, MarketConfig>,
}

impl RoleAccept<'_> {
    pub fn handle(ctx: Context<Self>, role: Role) -> Result<()> {
        let signer = ctx.accounts.pending.key();
        let config: &mut MarketConfig = &mut ctx.accounts.config;
        // The default address never signs, so "no proposal" is refused here too.
        let (slot, pending) = match role {
            Role::Authority => (&mut config.authority, &mut config.pending_authority),
            Role::Guardian => (&mut config.guardian, &mut config.pending_guardian),
        };
        require_keys_eq!(*pending, signer, MarketError::NotPendingRole);
        let previous = core::mem::replace(slot, signer);
        *pending = Pubkey::default();
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
