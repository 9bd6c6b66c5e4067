//! `proposal_execute`: anyone, after the hold-up of a passed proposal, executes its next stored
//! instruction, in the order they were stored (each may depend on the ones before). The accounts passed (remaining accounts: the program, then each stored
//! account in order) must be exactly the stored ones; the only signer the program adds is the
//! governance PDA, so an instruction that needs any other signer fails with `ForeignSigner` and
//! the proposal stays executable. The instruction is marked executed, and written, before the
//! CPI, so a re-entrant call cannot run it twice. Execution ends 30 days after the hold-up
//! (`EXECUTION_WINDOW_SECS`); the proposal may then close.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::instruction::{AccountMeta, Instruction};

use crate::constants::{CONFIG_PDA, SEED_GOVERNANCE};
use crate::error::GovernanceError;
use crate::events::InstructionExecuted;
use crate::state::{GovernanceConfig, Proposal, ProposalInstruction, ProposalState};

#[event_cpi]
#[derive(Accounts)]
pub struct ProposalExecute<'info> {
    pub executor: Signer<'info>,
    /// Read-only: an executed instruction may change the config (a parameter proposal), and a
    /// writable copy here would overwrite that change when this instruction ends.
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, GovernanceConfig>,
    #[account(mut, dup)]
    pub proposal: Account<'info, Proposal>,
    #[account(mut, dup, has_one = proposal @ GovernanceError::ProposalMismatch)]
    pub proposal_instruction: Account<'info, ProposalInstruction>,
}

impl<'info> ProposalExecute<'info> {
    /// Checks the remaining accounts against the stored instruction and builds it.
    fn instruction(
        stored: &ProposalInstruction,
        remaining: &[AccountInfo<'info>],
        governance: &Pubkey,
    ) -> Result<Instruction> {
        let stored = &stored.instruction;
        let (program, accounts) = remaining
            .split_first()
            .ok_or(GovernanceError::AccountsMismatch)?;
        require!(
            program.key() == stored.program_id && accounts.len() == stored.accounts.len(),
            GovernanceError::AccountsMismatch
        );
        let mut metas = Vec::with_capacity(stored.accounts.len());
        for (meta, passed) in stored.accounts.iter().zip(accounts) {
            require!(
                passed.key() == meta.pubkey && (passed.is_writable || !meta.is_writable),
                GovernanceError::AccountsMismatch
            );
            require!(
                !meta.is_signer || meta.pubkey == *governance,
                GovernanceError::ForeignSigner
            );
            metas.push(AccountMeta {
                pubkey: meta.pubkey,
                is_signer: meta.is_signer,
                is_writable: meta.is_writable,
            });
        }
        Ok(Instruction {
            program_id: stored.program_id,
            accounts: metas,
            data: stored.data.clone(),
        })
    }

    pub fn handle(ctx: Context<'info, Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        require!(
            !accounts.proposal_instruction.executed,
            GovernanceError::AlreadyExecuted
        );
        // The stored order is part of what was voted: the next instruction only.
        require_eq!(
            accounts.proposal_instruction.index,
            accounts.proposal.executed_count,
            GovernanceError::ExecutedOutOfOrder
        );
        match accounts.proposal.state {
            ProposalState::Succeeded => {}
            ProposalState::Defeated => return err!(GovernanceError::ProposalDefeated),
            ProposalState::Vetoed => return err!(GovernanceError::ProposalVetoed),
            _ => return err!(GovernanceError::WrongProposalState),
        }
        require!(
            now >= accounts.proposal.executable_at,
            GovernanceError::HoldUpNotOver
        );
        require!(
            now < accounts.proposal.execution_deadline()?,
            GovernanceError::ExecutionWindowOver
        );
        let governance = accounts.config.governance_address()?;
        let instruction = Self::instruction(
            &accounts.proposal_instruction,
            ctx.remaining_accounts,
            &governance,
        )?;
        let index = accounts.proposal_instruction.index;
        let program_id = instruction.program_id;
        let governance_bump = accounts.config.governance_bump;

        // Marked and written before the CPI.
        let stored = &mut ctx.accounts.proposal_instruction;
        stored.executed = true;
        stored.executed_at = now;
        stored.exit(&crate::ID)?;
        let proposal = &mut ctx.accounts.proposal;
        proposal.executed_count = proposal
            .executed_count
            .checked_add(1)
            .ok_or(GovernanceError::MathOverflow)?;
        if proposal.executed_count == proposal.instruction_count {
            proposal.state = ProposalState::Executed;
        }
        proposal.bump_revision()?;
        proposal.invariant()?;
        proposal.exit(&crate::ID)?;

        let bump = [governance_bump];
        let seeds: &[&[u8]] = &[SEED_GOVERNANCE, &bump];
        anchor_lang::solana_program::program::invoke_signed(
            &instruction,
            ctx.remaining_accounts,
            &[seeds],
        )?;
        // What Anchor writes back when this instruction ends is what the accounts hold now.
        ctx.accounts.proposal.reload()?;
        ctx.accounts.proposal_instruction.reload()?;
        emit_cpi!(InstructionExecuted {
            proposal: ctx.accounts.proposal.key(),
            index,
            program_id,
            executed_count: ctx.accounts.proposal.executed_count,
            state: ctx.accounts.proposal.state,
        });
        Ok(())
    }
}
