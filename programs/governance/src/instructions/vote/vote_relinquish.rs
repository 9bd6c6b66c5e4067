//! `vote_relinquish`: once a proposal's vote is over (ended, decided, or the proposal closed),
//! the voter closes its marker (rent back) and its position counts one active vote less, so it
//! can withdraw after its lockup. The tally keeps the vote.

use anchor_lang::prelude::*;

use crate::error::GovernanceError;
use crate::events::VoteRelinquished;
use crate::state::{Position, Proposal, ProposalState, VoteMarker};

#[event_cpi]
#[derive(Accounts)]
pub struct VoteRelinquish<'info> {
    #[account(mut)]
    pub voter: Signer<'info>,
    #[account(
        mut,
        dup,
        constraint = position.owner == voter.key() @ GovernanceError::NotPositionOwner,
    )]
    pub position: Account<'info, Position>,
    #[account(
        mut, dup,
        close = voter,
        has_one = position @ GovernanceError::ProposalMismatch,
        has_one = voter @ GovernanceError::NotPositionOwner,
    )]
    pub marker: Account<'info, VoteMarker>,
    /// CHECK: the marker's proposal (address checked); it may already be closed.
    #[account(address = marker.proposal @ GovernanceError::ProposalMismatch)]
    pub proposal: UncheckedAccount<'info>,
}

impl VoteRelinquish<'_> {
    /// Whether the proposal's vote can no longer change: the account is gone, or it is no
    /// longer in its vote, or its vote ended.
    fn vote_over(&self, now: i64) -> Result<bool> {
        let info = self.proposal.to_account_info();
        if info.owner != &crate::ID || info.data_is_empty() {
            return Ok(true);
        }
        let proposal = Proposal::try_deserialize(&mut &info.try_borrow_data()?[..])?;
        Ok(proposal.state != ProposalState::Voting || now >= proposal.voting_ends_at)
    }

    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        require!(ctx.accounts.vote_over(now)?, GovernanceError::VotingOpen);
        let position = &mut ctx.accounts.position;
        position.active_votes = position
            .active_votes
            .checked_sub(1)
            .ok_or(GovernanceError::InvariantViolated)?;
        position.bump_revision()?;
        position.invariant()?;
        emit_cpi!(VoteRelinquished {
            proposal: ctx.accounts.proposal.key(),
            position: position.key(),
            active_votes: position.active_votes,
        });
        Ok(())
    }
}
