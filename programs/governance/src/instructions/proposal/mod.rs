//! Proposals: create (with a deposit, by a position with enough power), add instructions while
//! a draft, sign off (the vote starts), cancel before any vote, finalise after the vote, veto
//! from sign-off to the end of the hold-up (guardian, within its budget), execute instruction by
//! instruction in order after it, close.

pub mod proposal_add_instruction;
pub mod proposal_cancel;
pub mod proposal_close;
pub mod proposal_create;
pub mod proposal_execute;
pub mod proposal_finalize;
pub mod proposal_sign_off;
pub mod proposal_veto;

pub use proposal_add_instruction::*;
pub use proposal_cancel::*;
pub use proposal_close::*;
pub use proposal_create::*;
pub use proposal_execute::*;
pub use proposal_finalize::*;
pub use proposal_sign_off::*;
pub use proposal_veto::*;

use anchor_lang::prelude::*;

use crate::events::ProposalChanged;
use crate::state::Proposal;

/// The `ProposalChanged` event of `proposal`.
pub(crate) fn proposal_event(address: Pubkey, proposal: &Proposal) -> ProposalChanged {
    ProposalChanged {
        proposal: address,
        index: proposal.index,
        creator: proposal.creator,
        description_hash: proposal.description_hash,
        state: proposal.state,
        instruction_count: proposal.instruction_count,
        executed_count: proposal.executed_count,
        voting_ends_at: proposal.voting_ends_at,
        executable_at: proposal.executable_at,
        yes_power: proposal.yes_power,
        no_power: proposal.no_power,
        abstain_power: proposal.abstain_power,
        voters: proposal.voters,
        revision: proposal.revision,
    }
}

/// The accounts of a change the creator makes to its proposal.
#[event_cpi]
#[derive(Accounts)]
pub struct ProposalCreatorChange<'info> {
    pub creator: Signer<'info>,
    #[account(mut, dup, has_one = creator @ crate::error::GovernanceError::NotProposalCreator)]
    pub proposal: Account<'info, Proposal>,
}
