//! `proposal_add_instruction`: while the proposal is a draft, its creator stores the next
//! instruction it will execute (program, accounts with their signer and writable flags, data),
//! in its own account, within the size bounds.

use anchor_lang::prelude::*;

use super::proposal_event;
use crate::constants::{ACCOUNT_VERSION, MAX_PROPOSAL_INSTRUCTIONS, SEED_PROPOSAL_IX};
use crate::error::GovernanceError;
use crate::state::{Proposal, ProposalInstruction, ProposalState, StoredInstruction};

#[event_cpi]
#[derive(Accounts)]
#[instruction(index: u8)]
pub struct ProposalAddInstruction<'info> {
    #[account(mut)]
    pub creator: Signer<'info>,
    #[account(mut, dup, has_one = creator @ GovernanceError::NotProposalCreator)]
    pub proposal: Account<'info, Proposal>,
    /// CHECK: seeds checked here; created by `handle`.
    #[account(mut, seeds = [SEED_PROPOSAL_IX, proposal.key().as_ref(), &[index]], bump)]
    pub proposal_instruction: UncheckedAccount<'info>,
    pub system_program: Program<'info, System>,
}

impl ProposalAddInstruction<'_> {
    pub fn handle(ctx: Context<Self>, index: u8, instruction: StoredInstruction) -> Result<()> {
        let accounts = &ctx.accounts;
        let proposal = &accounts.proposal;
        require!(
            proposal.state == ProposalState::Draft,
            GovernanceError::WrongProposalState
        );
        require!(
            proposal.instruction_count < MAX_PROPOSAL_INSTRUCTIONS,
            GovernanceError::ProposalTooLarge
        );
        require_eq!(
            index,
            proposal.instruction_count,
            GovernanceError::InstructionOutOfOrder
        );
        instruction.check()?;
        require!(
            io_common::is_uninitialized(&accounts.proposal_instruction),
            GovernanceError::AlreadyInitialized
        );
        let proposal_key = proposal.key();
        let stored = ProposalInstruction {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.proposal_instruction,
            proposal: proposal_key,
            index,
            instruction,
            executed: false,
            executed_at: 0,
            rent_payer: accounts.creator.key(),
        };
        io_common::create_pda_with(
            &accounts.creator.to_account_info(),
            &accounts.proposal_instruction.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[
                SEED_PROPOSAL_IX,
                proposal_key.as_ref(),
                &[index],
                &[stored.bump],
            ],
            &stored,
        )?;
        let proposal = &mut ctx.accounts.proposal;
        proposal.instruction_count = index.checked_add(1).ok_or(GovernanceError::MathOverflow)?;
        proposal.bump_revision()?;
        proposal.invariant()?;
        emit_cpi!(proposal_event(proposal_key, proposal));
        Ok(())
    }
}
