//! `proposal_cancel`: the creator withdraws a draft, or a proposal in its vote that nobody has
//! voted on yet. The proposal can then close and its deposit return.

use anchor_lang::prelude::*;

use super::{ProposalCreatorChange, proposal_event};
use crate::error::GovernanceError;
use crate::state::ProposalState;

pub fn handle(ctx: Context<ProposalCreatorChange>) -> Result<()> {
    let proposal = &mut ctx.accounts.proposal;
    match proposal.state {
        ProposalState::Draft => {}
        ProposalState::Voting => {
            require!(proposal.voters == 0, GovernanceError::ProposalHasVotes)
        }
        _ => return err!(GovernanceError::WrongProposalState),
    }
    proposal.state = ProposalState::Cancelled;
    proposal.bump_revision()?;
    proposal.invariant()?;
    emit_cpi!(proposal_event(proposal.key(), proposal));
    Ok(())
}
