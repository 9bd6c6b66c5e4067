//! `proposal_veto`: the guardian stops a proposal from its sign-off to the end of its hold-up,
//! before anything executed. (Finalise a passed one first, in the same transaction, if nobody
//! has; a proposal still in its vote can be vetoed as it is.)
//!
//! Each veto draws on a budget (`veto_budget` per `veto_window_secs`, refilling linearly): a
//! compromised guardian can stall governance for a while but not for ever, and in particular
//! cannot block its own replacement once the budget is spent.

use anchor_lang::prelude::*;

use super::proposal_event;
use crate::constants::CONFIG_PDA;
use crate::error::GovernanceError;
use crate::state::{GovernanceConfig, Proposal, ProposalState};

#[event_cpi]
#[derive(Accounts)]
pub struct ProposalVeto<'info> {
    pub guardian: Signer<'info>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = guardian @ GovernanceError::NotGuardian,
    )]
    pub config: Account<'info, GovernanceConfig>,
    #[account(mut, dup)]
    pub proposal: Account<'info, Proposal>,
}

impl ProposalVeto<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let proposal = &ctx.accounts.proposal;
        require!(
            matches!(
                proposal.state,
                ProposalState::Voting | ProposalState::Succeeded
            ),
            GovernanceError::WrongProposalState
        );
        // `executable_at` is set at sign-off: the vote's end plus the hold-up.
        require!(
            now < proposal.executable_at,
            GovernanceError::VetoWindowOver
        );
        let config = &mut ctx.accounts.config;
        let params = config.params;
        let bucket = io_limits::Bucket {
            level: config.veto_bucket,
            updated_at: config.veto_bucket_updated_at,
        }
        .admit(
            u64::from(params.veto_budget),
            params.veto_window_secs,
            1,
            now,
        )
        .map_err(|_| GovernanceError::VetoBudgetSpent)?;
        config.veto_bucket = bucket.level;
        config.veto_bucket_updated_at = bucket.updated_at;
        config.bump_revision()?;
        config.invariant()?;
        let proposal = &mut ctx.accounts.proposal;
        proposal.state = ProposalState::Vetoed;
        proposal.bump_revision()?;
        proposal.invariant()?;
        emit_cpi!(proposal_event(proposal.key(), proposal));
        Ok(())
    }
}
