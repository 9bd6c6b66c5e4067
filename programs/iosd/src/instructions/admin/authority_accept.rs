//! `authority_accept`: the proposed authority signs and takes over. Two steps, so a typo in a
//! proposal can never hand the program to a key nobody holds.

use anchor_lang::prelude::*;

use crate::constants::SEED_CONFIG;
use crate::error::IosdError;
use crate::events::AuthorityAccepted;
use crate::state::IosdConfig;

#[event_cpi]
#[derive(Accounts)]
pub struct AuthorityAccept<'info> {
    pub pending_authority: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONFIG],
        bump = config.bump,
        has_one = pending_authority @ IosdError::NotPendingAuthority,
    )]
    pub config: Account<'info, IosdConfig>,
}

impl AuthorityAccept<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let config = &mut ctx.accounts.config;
        // The default address is never a signer, so `has_one` already refuses "no proposal".
        let previous_authority = config.authority;
        config.authority = config.pending_authority;
        config.pending_authority = Pubkey::default();
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(AuthorityAccepted {
            previous_authority,
            authority: config.authority,
            revision: config.revision,
        });
        Ok(())
    }
}
