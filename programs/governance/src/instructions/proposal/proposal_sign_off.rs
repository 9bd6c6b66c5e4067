//! `proposal_sign_off`: the creator starts the vote on a draft with at least one instruction.
//! The quorum, threshold and hold-up in force now are copied into the proposal.

use anchor_lang::prelude::*;

use super::proposal_event;
use crate::constants::CONFIG_PDA;
use crate::error::GovernanceError;
use crate::state::{GovernanceConfig, ProposalState};

#[event_cpi]
#[derive(Accounts)]
pub struct ProposalSignOff<'info> {
    pub creator: Signer<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, GovernanceConfig>,
    #[account(mut, dup, has_one = creator @ GovernanceError::NotProposalCreator)]
    pub proposal: Account<'info, crate::state::Proposal>,
}

impl ProposalSignOff<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let params = ctx.accounts.config.params;
        let proposal = &mut ctx.accounts.proposal;
        require!(
            proposal.state == ProposalState::Draft,
            GovernanceError::WrongProposalState
        );
        require!(
            proposal.instruction_count > 0,
            GovernanceError::ProposalEmpty
        );
        proposal.state = ProposalState::Voting;
        proposal.voting_ends_at = now
            .checked_add(i64::from(params.voting_period_secs))
            .ok_or(GovernanceError::MathOverflow)?;
        proposal.executable_at = proposal
            .voting_ends_at
            .checked_add(i64::from(params.hold_up_secs))
            .ok_or(GovernanceError::MathOverflow)?;
        proposal.quorum_power = params.quorum_power;
        proposal.approval_threshold_bps = params.approval_threshold_bps;
        proposal.hold_up_secs = params.hold_up_secs;
        proposal.bump_revision()?;
        proposal.invariant()?;
        emit_cpi!(proposal_event(proposal.key(), proposal));
        Ok(())
    }
}
