//! Events of the governance program, emitted with `emit_cpi!` and carrying post-state values
//! (tallies, totals), so the indexer never needs a second fetch.

use anchor_lang::prelude::*;

use crate::state::{GovernanceParams, ProposalState, Role, VoteChoice};

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    /// The governance PDA, which signs executed proposals.
    pub governance: Pubkey,
    pub io_mint: Pubkey,
    pub vault: Pubkey,
    pub params: GovernanceParams,
    pub revision: u64,
}

/// The parameters changed.
#[event]
pub struct ParamsUpdated {
    pub params: GovernanceParams,
    pub revision: u64,
}

/// A position was opened, extended or withdrawn.
#[event]
pub struct PositionChanged {
    pub position: Pubkey,
    pub owner: Pubkey,
    pub amount: u64,
    pub lockup_end: i64,
    pub active_votes: u32,
    /// Its voting power now (0 once withdrawn).
    pub power: u64,
    /// Closed by a withdrawal.
    pub closed: bool,
    pub locked_total: u64,
    pub revision: u64,
}

/// A proposal was created, had an instruction added, or changed state.
#[event]
pub struct ProposalChanged {
    pub proposal: Pubkey,
    pub index: u64,
    pub creator: Pubkey,
    pub description_hash: [u8; 32],
    pub state: ProposalState,
    pub instruction_count: u8,
    pub executed_count: u8,
    pub voting_ends_at: i64,
    pub executable_at: i64,
    pub yes_power: u64,
    pub no_power: u64,
    pub abstain_power: u64,
    pub voters: u32,
    pub revision: u64,
}

/// A position voted on a proposal.
#[event]
pub struct VoteCast {
    pub proposal: Pubkey,
    pub position: Pubkey,
    pub voter: Pubkey,
    pub choice: VoteChoice,
    pub weight: u64,
    /// The tally after this vote.
    pub yes_power: u64,
    pub no_power: u64,
    pub abstain_power: u64,
    pub voters: u32,
}

/// A vote marker closed after its vote ended; the position's active votes went down.
#[event]
pub struct VoteRelinquished {
    pub proposal: Pubkey,
    pub position: Pubkey,
    pub active_votes: u32,
}

/// One stored instruction of a proposal executed, signed by the governance PDA.
#[event]
pub struct InstructionExecuted {
    pub proposal: Pubkey,
    pub index: u8,
    pub program_id: Pubkey,
    pub executed_count: u8,
    pub state: ProposalState,
}

/// A final proposal closed with its instruction accounts; rent and deposit went back.
#[event]
pub struct ProposalClosed {
    pub proposal: Pubkey,
    pub state: ProposalState,
    pub refunded_lamports: u64,
}

/// The authority proposed the next holder of a role (the default address withdraws).
#[event]
pub struct RoleProposed {
    pub role: Role,
    pub current: Pubkey,
    pub pending: Pubkey,
    pub revision: u64,
}

/// The proposed key accepted its role.
#[event]
pub struct RoleAccepted {
    pub role: Role,
    pub previous: Pubkey,
    pub current: Pubkey,
    pub revision: u64,
}
