//! `vote_cast`: a position's owner votes yes, no or abstain on a proposal in its vote, with the
//! position's power now. The position's lockup must outlast the vote and the hold-up, so the
//! tokens behind a vote stay locked until the proposal could execute. The vote marker
//! (`[b"vote", proposal, position]`) makes a second vote by the same position impossible.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_VOTE};
use crate::error::GovernanceError;
use crate::events::VoteCast as VoteCastEvent;
use crate::state::{GovernanceConfig, Position, Proposal, ProposalState, VoteChoice, VoteMarker};

#[event_cpi]
#[derive(Accounts)]
pub struct VoteCast<'info> {
    #[account(mut)]
    pub voter: Signer<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, GovernanceConfig>,
    #[account(mut, dup)]
    pub proposal: Account<'info, Proposal>,
    #[account(
        mut,
        dup,
        constraint = position.owner == voter.key() @ GovernanceError::NotPositionOwner,
    )]
    pub position: Account<'info, Position>,
    /// CHECK: seeds checked here; created by `handle`, which refuses an existing marker.
    #[account(
        mut,
        seeds = [SEED_VOTE, proposal.key().as_ref(), position.key().as_ref()],
        bump,
    )]
    pub marker: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl VoteCast<'_> {
    pub fn handle(ctx: Context<Self>, choice: VoteChoice) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        let proposal = &accounts.proposal;
        require!(
            proposal.state == ProposalState::Voting,
            GovernanceError::WrongProposalState
        );
        require!(now < proposal.voting_ends_at, GovernanceError::VotingClosed);
        require!(
            accounts.position.lockup_end >= proposal.executable_at,
            GovernanceError::LockupTooShort
        );
        require!(
            io_common::is_uninitialized(&accounts.marker),
            GovernanceError::AlreadyVoted
        );
        // At least the amount locked, which is never zero.
        let weight = accounts.position.power(now, &accounts.config.params)?;
        let (proposal_key, position_key) = (proposal.key(), accounts.position.key());
        let voter = accounts.voter.key();
        let marker = VoteMarker {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.marker,
            proposal: proposal_key,
            position: position_key,
            voter,
            choice,
            weight,
            rent_payer: voter,
        };
        io_common::create_pda_with(
            &accounts.voter.to_account_info(),
            &accounts.marker.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[
                SEED_VOTE,
                proposal_key.as_ref(),
                position_key.as_ref(),
                &[marker.bump],
            ],
            &marker,
        )?;

        let proposal = &mut ctx.accounts.proposal;
        proposal.count(choice, weight)?;
        proposal.bump_revision()?;
        proposal.invariant()?;
        let position = &mut ctx.accounts.position;
        position.active_votes = position
            .active_votes
            .checked_add(1)
            .ok_or(GovernanceError::MathOverflow)?;
        position.bump_revision()?;
        position.invariant()?;
        let proposal = &ctx.accounts.proposal;
        emit_cpi!(VoteCastEvent {
            proposal: proposal_key,
            position: position_key,
            voter,
            choice,
            weight,
            yes_power: proposal.yes_power,
            no_power: proposal.no_power,
            abstain_power: proposal.abstain_power,
            voters: proposal.voters,
        });
        Ok(())
    }
}
