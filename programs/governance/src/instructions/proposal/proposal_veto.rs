//! `proposal_veto`: the guardian stops a passed proposal during its hold-up, before anything
//! executed. (Finalise it first, in the same transaction, if nobody has.)

use anchor_lang::prelude::*;

use super::proposal_event;
use crate::constants::SEED_CONFIG;
use crate::error::GovernanceError;
use crate::state::{GovernanceConfig, Proposal, ProposalState};

#[event_cpi]
#[derive(Accounts)]
pub struct ProposalVeto<'info> {
    pub guardian: Signer<'info>,
    #[account(
        seeds = [SEED_CONFIG],
        bump = config.bump,
        has_one = guardian @ GovernanceError::NotGuardian,
    )]
    pub config: Account<'info, GovernanceConfig>,
    #[account(mut)]
    pub proposal: Account<'info, Proposal>,
}

impl ProposalVeto<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let proposal = &mut ctx.accounts.proposal;
        require!(
            proposal.state == ProposalState::Succeeded,
            GovernanceError::WrongProposalState
        );
        require!(
            now < proposal.executable_at,
            GovernanceError::VetoWindowOver
        );
        proposal.state = ProposalState::Vetoed;
        proposal.bump_revision()?;
        proposal.invariant()?;
        emit_cpi!(proposal_event(proposal.key(), proposal));
        Ok(())
    }
}
