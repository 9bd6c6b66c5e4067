//! `proposal_create`: the owner of a position with at least the proposal threshold of voting
//! power opens a draft with a description hash, paying its rent and the refundable deposit.

use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Transfer};

use super::proposal_event;
use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_PROPOSAL};
use crate::error::GovernanceError;
use crate::state::{GovernanceConfig, Position, Proposal, ProposalState};

#[event_cpi]
#[derive(Accounts)]
pub struct ProposalCreate<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, GovernanceConfig>,
    /// A position of the creator's, whose power qualifies it.
    #[account(constraint = position.owner == creator.key() @ GovernanceError::NotPositionOwner)]
    pub position: Account<'info, Position>,
    /// CHECK: seeds checked here (the config's next proposal index); created by `handle`.
    #[account(
        mut,
        seeds = [SEED_PROPOSAL, &config.proposals_created.to_le_bytes()],
        bump,
    )]
    pub proposal: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ProposalCreate<'_> {
    pub fn handle(ctx: Context<Self>, description_hash: [u8; 32]) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        let params = accounts.config.params;
        require!(
            accounts.position.power(now, &params)? >= params.proposal_threshold_power,
            GovernanceError::BelowProposalThreshold
        );
        require!(
            io_common::is_uninitialized(&accounts.proposal),
            GovernanceError::AlreadyInitialized
        );
        let index = accounts.config.proposals_created;
        let creator = accounts.creator.key();
        let proposal = Proposal {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.proposal,
            revision: 0,
            index,
            creator,
            description_hash,
            state: ProposalState::Draft,
            instruction_count: 0,
            executed_count: 0,
            created_at: now,
            voting_ends_at: 0,
            executable_at: 0,
            quorum_power: 0,
            approval_threshold_bps: 0,
            hold_up_secs: 0,
            yes_power: 0,
            no_power: 0,
            abstain_power: 0,
            voters: 0,
            deposit_lamports: params.proposal_deposit_lamports,
            rent_payer: creator,
            reserved: [0; 32],
        };
        proposal.invariant()?;
        io_common::create_pda_with(
            &accounts.creator.to_account_info(),
            &accounts.proposal.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[SEED_PROPOSAL, &index.to_le_bytes(), &[proposal.bump]],
            &proposal,
        )?;
        if proposal.deposit_lamports > 0 {
            let deposit = Transfer {
                from: accounts.creator.to_account_info(),
                to: accounts.proposal.to_account_info(),
            };
            system_program::transfer(
                CpiContext::new(accounts.system_program.key(), deposit),
                proposal.deposit_lamports,
            )?;
        }
        let address = accounts.proposal.key();
        let config = &mut ctx.accounts.config;
        config.proposals_created = index.checked_add(1).ok_or(GovernanceError::MathOverflow)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(proposal_event(address, &proposal));
        Ok(())
    }
}
