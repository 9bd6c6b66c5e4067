//! `governance`: IO holders lock tokens in positions for voting power, propose and vote on
//! changes, and passed proposals execute their stored instructions signed by the governance PDA
//! (`[b"governance"]`), which is the authority of every other program's config.
//!
//! - positions: lock IO until a chosen end; power grows with the remaining lockup up to a
//!   saturation; lockups extend, never shorten; withdrawal after the end, votes relinquished;
//! - proposals: created by a position with enough power, with a refundable deposit; up to 8
//!   stored instructions; a vote with an absolute quorum and an approval threshold; a hold-up
//!   during which the guardian can veto; execution checks the passed accounts against the stored
//!   ones and marks each instruction executed before its CPI; everything closes afterwards;
//! - votes: one marker per (proposal, position), only from positions locked past the vote's end
//!   plus the hold-up.

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod state;

pub use instructions::*;
pub use io_common::Role;
pub use state::{GovernanceParams, ProposalState, StoredInstruction, StoredMeta, VoteChoice};

declare_id!("CfwrFmZx3YQiGQrYn1sNRVDE2ys6kchZwKqj8jVNjTUj");

#[program]
pub mod governance {
    use super::*;

    /// Creates the configuration and the vault. Only the deployer fixed at build time may call
    /// it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }

    /// Authority (the governance PDA): changes the parameters.
    pub fn params_set(ctx: Context<AuthorityChange>, params: GovernanceParams) -> Result<()> {
        instructions::admin::params_set::handle(ctx, params)
    }

    /// Authority (the governance PDA): proposes the next authority or guardian.
    pub fn role_propose(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
        instructions::admin::role_propose::handle(ctx, role, pending)
    }

    /// The proposed key accepts its role (a guardian, one hold-up after it was proposed).
    pub fn role_accept(ctx: Context<RoleAccept>, role: Role) -> Result<()> {
        RoleAccept::handle(ctx, role)
    }

    /// Holder: locks `amount` IO until `lockup_end` in position `id`.
    pub fn position_open(
        ctx: Context<PositionOpen>,
        id: u64,
        amount: u64,
        lockup_end: i64,
    ) -> Result<()> {
        PositionOpen::handle(ctx, id, amount, lockup_end)
    }

    /// Position owner: moves the lockup end later.
    pub fn position_extend(ctx: Context<PositionExtend>, lockup_end: i64) -> Result<()> {
        PositionExtend::handle(ctx, lockup_end)
    }

    /// Position owner: after the lockup end, with no active vote, takes the IO back.
    pub fn position_withdraw(ctx: Context<PositionWithdraw>) -> Result<()> {
        PositionWithdraw::handle(ctx)
    }

    /// Position owner with enough power: opens a draft proposal.
    pub fn proposal_create(ctx: Context<ProposalCreate>, description_hash: [u8; 32]) -> Result<()> {
        ProposalCreate::handle(ctx, description_hash)
    }

    /// Creator: stores the draft's next instruction.
    pub fn proposal_add_instruction(
        ctx: Context<ProposalAddInstruction>,
        index: u8,
        instruction: StoredInstruction,
    ) -> Result<()> {
        ProposalAddInstruction::handle(ctx, index, instruction)
    }

    /// Creator: starts the vote.
    pub fn proposal_sign_off(ctx: Context<ProposalSignOff>) -> Result<()> {
        ProposalSignOff::handle(ctx)
    }

    /// Creator: cancels a draft, or a proposal nobody voted on yet.
    pub fn proposal_cancel(ctx: Context<ProposalCreatorChange>) -> Result<()> {
        instructions::proposal::proposal_cancel::handle(ctx)
    }

    /// Position owner: votes with the position's power now.
    pub fn vote_cast(ctx: Context<VoteCast>, choice: VoteChoice) -> Result<()> {
        VoteCast::handle(ctx, choice)
    }

    /// Voter: after the vote, closes its marker and frees the position.
    pub fn vote_relinquish(ctx: Context<VoteRelinquish>) -> Result<()> {
        VoteRelinquish::handle(ctx)
    }

    /// Anyone, after the vote: records Succeeded or Defeated.
    pub fn proposal_finalize(ctx: Context<ProposalFinalize>) -> Result<()> {
        ProposalFinalize::handle(ctx)
    }

    /// Guardian, from sign-off to the end of the hold-up, within its budget: vetoes a proposal.
    pub fn proposal_veto(ctx: Context<ProposalVeto>) -> Result<()> {
        ProposalVeto::handle(ctx)
    }

    /// Anyone, after the hold-up: executes one stored instruction (remaining accounts: the
    /// program, then the stored accounts in order).
    pub fn proposal_execute<'info>(ctx: Context<'info, ProposalExecute<'info>>) -> Result<()> {
        ProposalExecute::handle(ctx)
    }

    /// Anyone: closes a final proposal and its instruction accounts (remaining accounts).
    pub fn proposal_close<'info>(ctx: Context<'info, ProposalClose<'info>>) -> Result<()> {
        ProposalClose::handle(ctx)
    }
}
