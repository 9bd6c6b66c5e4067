//! `proposal_close`: anyone closes a final proposal (executed, defeated, vetoed or cancelled),
//! or a passed one whose execution window is over, together with all its instruction accounts
//! (passed as remaining accounts, in order); their rent and the deposit go back to the creator.

use anchor_lang::prelude::*;

use crate::error::GovernanceError;
use crate::events::ProposalClosed;
use crate::state::{Proposal, ProposalInstruction};

#[event_cpi]
#[derive(Accounts)]
pub struct ProposalClose<'info> {
    pub anyone: Signer<'info>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = rent_payer @ GovernanceError::ProposalMismatch,
    )]
    pub proposal: Account<'info, Proposal>,
    /// CHECK: the proposal's creator, who paid its rent and deposit (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl<'info> ProposalClose<'info> {
    pub fn handle(ctx: Context<'info, Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        require!(
            ctx.accounts.proposal.closable(now)?,
            GovernanceError::ProposalNotFinal
        );
        let proposal_key = ctx.accounts.proposal.key();
        let remaining = ctx.remaining_accounts;
        require!(
            remaining.len() == usize::from(ctx.accounts.proposal.instruction_count),
            GovernanceError::ProposalMismatch
        );
        let rent_payer = ctx.accounts.rent_payer.to_account_info();
        let mut refunded = ctx.accounts.proposal.to_account_info().lamports();
        for (index, info) in remaining.iter().enumerate() {
            let stored: Account<'info, ProposalInstruction> = Account::try_from(info)?;
            require!(
                stored.proposal == proposal_key && usize::from(stored.index) == index,
                GovernanceError::ProposalMismatch
            );
            refunded = refunded
                .checked_add(info.lamports())
                .ok_or(GovernanceError::MathOverflow)?;
            stored.close(rent_payer.clone())?;
        }
        emit_cpi!(ProposalClosed {
            proposal: proposal_key,
            state: ctx.accounts.proposal.state,
            refunded_lamports: refunded,
        });
        Ok(())
    }
}
