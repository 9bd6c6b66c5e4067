//! `Proposal`: a description hash, the instructions it will execute (each in its own
//! `ProposalInstruction` account), its tally and its state.
//!
//! Draft → (sign-off) Voting → (finalise after the vote) Succeeded or Defeated; Voting or
//! Succeeded → (guardian, before the hold-up ends) Vetoed; Succeeded → (execution of every
//! instruction, in order) Executed; Draft or Voting without votes → (creator) Cancelled. The
//! parameters that decide the outcome (quorum, threshold, hold-up) are copied at sign-off, so a
//! parameter change never moves a running vote.

use anchor_lang::prelude::*;

use crate::constants::{
    ACCOUNT_VERSION, MAX_BPS, MAX_INSTRUCTION_ACCOUNTS, MAX_INSTRUCTION_DATA,
    MAX_PROPOSAL_INSTRUCTIONS,
};
use crate::error::GovernanceError;

#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProposalState {
    Draft,
    Voting,
    Succeeded,
    Defeated,
    Vetoed,
    Cancelled,
    Executed,
}

impl ProposalState {
    /// Nothing can happen to the proposal any more: it may close.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::Defeated | Self::Vetoed | Self::Cancelled | Self::Executed
        )
    }
}

#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum VoteChoice {
    Yes,
    No,
    Abstain,
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    /// The config's `proposals_created` at creation (part of the seeds).
    pub index: u64,
    pub creator: Pubkey,
    /// Hash of the off-chain description (text, rationale, links).
    pub description_hash: [u8; 32],
    pub state: ProposalState,
    /// Instructions stored, and how many have executed.
    pub instruction_count: u8,
    pub executed_count: u8,
    pub created_at: i64,
    pub voting_ends_at: i64,
    /// When execution may start: the vote's end plus the hold-up.
    pub executable_at: i64,
    /// Copied at sign-off.
    pub quorum_power: u64,
    pub approval_threshold_bps: u16,
    pub hold_up_secs: u32,
    pub yes_power: u64,
    pub no_power: u64,
    pub abstain_power: u64,
    pub voters: u32,
    /// Refunded with the rent when the proposal closes.
    pub deposit_lamports: u64,
    /// The creator, who paid the rent and the deposit.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

impl Proposal {
    /// The end of the execution window: the hold-up's end plus `EXECUTION_WINDOW_SECS`.
    pub fn execution_deadline(&self) -> Result<i64> {
        self.executable_at
            .checked_add(crate::constants::EXECUTION_WINDOW_SECS)
            .ok_or_else(|| error!(GovernanceError::MathOverflow))
    }

    /// Whether the proposal may close at `now`: it is final, or it passed and its execution
    /// window is over.
    pub fn closable(&self, now: i64) -> Result<bool> {
        Ok(self.state.is_final()
            || (self.state == ProposalState::Succeeded && now >= self.execution_deadline()?))
    }

    /// Whether the tally passes: enough power voted and yes reaches the threshold of yes + no.
    pub fn passes(&self) -> Result<bool> {
        let total = u128::from(self.yes_power)
            .checked_add(u128::from(self.no_power))
            .and_then(|v| v.checked_add(u128::from(self.abstain_power)))
            .ok_or(GovernanceError::MathOverflow)?;
        let decided = u128::from(self.yes_power)
            .checked_add(u128::from(self.no_power))
            .ok_or(GovernanceError::MathOverflow)?;
        let yes_share = u128::from(self.yes_power)
            .checked_mul(u128::from(MAX_BPS))
            .ok_or(GovernanceError::MathOverflow)?;
        let needed = decided
            .checked_mul(u128::from(self.approval_threshold_bps))
            .ok_or(GovernanceError::MathOverflow)?;
        Ok(total >= u128::from(self.quorum_power) && self.yes_power > 0 && yes_share >= needed)
    }

    /// Adds `weight` to the tally of `choice`.
    pub fn count(&mut self, choice: VoteChoice, weight: u64) -> Result<()> {
        let tally = match choice {
            VoteChoice::Yes => &mut self.yes_power,
            VoteChoice::No => &mut self.no_power,
            VoteChoice::Abstain => &mut self.abstain_power,
        };
        *tally = tally
            .checked_add(weight)
            .ok_or(GovernanceError::MathOverflow)?;
        self.voters = self
            .voters
            .checked_add(1)
            .ok_or(GovernanceError::MathOverflow)?;
        Ok(())
    }

    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(GovernanceError::MathOverflow)?;
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            GovernanceError::InvariantViolated
        );
        let counts = match self.state {
            ProposalState::Executed => self.executed_count == self.instruction_count,
            ProposalState::Succeeded => self.executed_count < self.instruction_count,
            _ => self.executed_count == 0,
        };
        require!(
            self.instruction_count <= MAX_PROPOSAL_INSTRUCTIONS && counts,
            GovernanceError::InvariantViolated
        );
        Ok(())
    }
}

/// One account an instruction names, as stored.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct StoredMeta {
    pub pubkey: Pubkey,
    pub is_signer: bool,
    pub is_writable: bool,
}

/// An instruction a proposal executes, exactly as it will be invoked.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Debug, PartialEq, Eq)]
pub struct StoredInstruction {
    pub program_id: Pubkey,
    #[max_len(MAX_INSTRUCTION_ACCOUNTS)]
    pub accounts: Vec<StoredMeta>,
    #[max_len(MAX_INSTRUCTION_DATA)]
    pub data: Vec<u8>,
}

impl StoredInstruction {
    /// Within the size bounds every `ProposalInstruction` account is sized for.
    pub fn check(&self) -> Result<()> {
        require!(
            self.accounts.len() <= MAX_INSTRUCTION_ACCOUNTS
                && self.data.len() <= MAX_INSTRUCTION_DATA,
            GovernanceError::ProposalTooLarge
        );
        Ok(())
    }
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct ProposalInstruction {
    pub version: u8,
    pub bump: u8,
    pub proposal: Pubkey,
    pub index: u8,
    pub instruction: StoredInstruction,
    pub executed: bool,
    pub executed_at: i64,
    /// The proposal's creator, who paid the rent.
    pub rent_payer: Pubkey,
}

/// One position's vote on one proposal: its existence is what stops a second vote.
#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct VoteMarker {
    pub version: u8,
    pub bump: u8,
    pub proposal: Pubkey,
    pub position: Pubkey,
    pub voter: Pubkey,
    pub choice: VoteChoice,
    /// The position's power when it voted.
    pub weight: u64,
    /// The voter, who paid the rent.
    pub rent_payer: Pubkey,
}
