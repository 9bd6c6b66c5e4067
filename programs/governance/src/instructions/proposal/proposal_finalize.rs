//! `proposal_finalize`: anyone, once the vote has ended, records its outcome: Succeeded (enough
//! power voted and yes reached the threshold of yes + no) or Defeated.

use anchor_lang::prelude::*;

use super::proposal_event;
use crate::error::GovernanceError;
use crate::state::{Proposal, ProposalState};

#[event_cpi]
#[derive(Accounts)]
pub struct ProposalFinalize<'info> {
    pub anyone: Signer<'info>,
    #[account(mut, dup)]
    pub proposal: Account<'info, Proposal>,
}

impl ProposalFinalize<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let proposal = &mut ctx.accounts.proposal;
        require!(
            proposal.state == ProposalState::Voting,
            GovernanceError::WrongProposalState
        );
        require!(now >= proposal.voting_ends_at, GovernanceError::VotingOpen);
        proposal.state = if proposal.passes()? {
            ProposalState::Succeeded
        } else {
            ProposalState::Defeated
        };
        proposal.bump_revision()?;
        proposal.invariant()?;
        emit_cpi!(proposal_event(proposal.key(), proposal));
        Ok(())
    }
}
