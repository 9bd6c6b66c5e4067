//! Errors of the governance program. Append only: the codes are part of the program's ABI.

use anchor_lang::prelude::*;

#[error_code]
pub enum GovernanceError {
    /// 6000
    #[msg("only the deployer fixed at build time may initialise the program")]
    NotDeployer,
    /// 6001
    #[msg("the configuration already exists")]
    AlreadyInitialized,
    /// 6002
    #[msg("the authority must be a real key, not the default address")]
    AuthorityUnset,
    /// 6003
    #[msg("the voting period must be between 1 second and 30 days")]
    VotingPeriodZero,
    /// 6004
    #[msg("the quorum must be greater than zero")]
    QuorumZero,
    /// 6005
    #[msg("the approval threshold must be between 1 and 10_000 bps")]
    ApprovalThresholdOutOfRange,
    /// 6006
    #[msg("the maximum lockup multiplier must be between 1.0 and 10.0 (10_000..=100_000 bps)")]
    LockupMultiplierBelowOne,
    /// 6007
    #[msg(
        "the hold-up must be between 1 second and 30 days: a passed proposal needs a window for the guardian veto"
    )]
    HoldUpZero,
    /// 6008
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
    /// 6009
    #[msg("the lockup saturation must be positive and at most the longest lockup (8 years)")]
    LockupRangeInvalid,
    /// 6010
    #[msg("an amount computation overflowed")]
    MathOverflow,
    /// 6011
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    /// 6012
    #[msg("the token account is not of the IO mint")]
    IoMintMismatch,
    /// 6013
    #[msg("the account is not the configured vault")]
    VaultMismatch,
    /// 6014
    #[msg("only the authority may do this")]
    NotAuthority,
    /// 6015
    #[msg("only the guardian may do this")]
    NotGuardian,
    /// 6016
    #[msg("the amount must be greater than zero")]
    ZeroAmount,
    /// 6017
    #[msg("the lockup must end in the future and within the longest lockup")]
    LockupOutOfRange,
    /// 6018
    #[msg("a lockup can be extended, never shortened")]
    LockupShortened,
    /// 6019
    #[msg("only the position's owner may do this")]
    NotPositionOwner,
    /// 6020
    #[msg("the lockup has not ended")]
    LockupNotEnded,
    /// 6021
    #[msg("the position has votes on proposals still being decided: relinquish them first")]
    PositionHasVotes,
    /// 6022
    #[msg("the position's voting power is below the proposal threshold")]
    BelowProposalThreshold,
    /// 6023
    #[msg("only the proposal's creator may do this")]
    NotProposalCreator,
    /// 6024
    #[msg("the proposal is not in the state this needs")]
    WrongProposalState,
    /// 6025
    #[msg(
        "the proposal is too large: at most 8 instructions of 16 accounts and 224 data bytes each"
    )]
    ProposalTooLarge,
    /// 6026
    #[msg("a proposal needs at least one instruction to go to a vote")]
    ProposalEmpty,
    /// 6027
    #[msg("instructions are added in order: the index must be the proposal's instruction count")]
    InstructionOutOfOrder,
    /// 6028
    #[msg("the vote is closed")]
    VotingClosed,
    /// 6029
    #[msg("the vote is still open")]
    VotingOpen,
    /// 6030
    #[msg("the position's lockup ends before the vote's end plus the hold-up")]
    LockupTooShort,
    /// 6031
    #[msg("this position already voted on this proposal")]
    AlreadyVoted,
    /// 6032
    #[msg("a proposal with votes cannot be cancelled")]
    ProposalHasVotes,
    /// 6033
    #[msg("the veto window (from sign-off to the end of the hold-up) is over")]
    VetoWindowOver,
    /// 6034
    #[msg("the hold-up is not over: execution must wait")]
    HoldUpNotOver,
    /// 6035
    #[msg("this instruction of the proposal was already executed")]
    AlreadyExecuted,
    /// 6036
    #[msg("the accounts passed differ from the instruction's stored accounts")]
    AccountsMismatch,
    /// 6037
    #[msg("the instruction needs a signer other than the governance PDA, which cannot be given")]
    ForeignSigner,
    /// 6038
    #[msg("an account does not belong to this proposal or vote")]
    ProposalMismatch,
    /// 6039
    #[msg("the proposal is not final: it cannot close yet")]
    ProposalNotFinal,
    /// 6040
    #[msg("the proposal was defeated: it cannot execute")]
    ProposalDefeated,
    /// 6041
    #[msg("the proposal was vetoed: it cannot execute")]
    ProposalVetoed,
    /// 6042
    #[msg("the proposal's execution window (30 days after its hold-up) is over")]
    ExecutionWindowOver,
    /// 6043
    #[msg(
        "a proposal's instructions execute in the order they were stored: execute the next one first"
    )]
    ExecutedOutOfOrder,
    /// 6044
    #[msg("the guardian has used its veto budget for now: it refills over the veto window")]
    VetoBudgetSpent,
    /// 6045
    #[msg("only the proposed key may accept this role")]
    NotPendingRole,
    /// 6046
    #[msg(
        "a new guardian takes over only one hold-up (at least a day) after it was proposed, so the old one can veto what is already under way"
    )]
    GuardianChangeTooEarly,
    /// 6047
    #[msg("the veto budget must allow 1 to 10 vetoes over a window of 1 to 365 days")]
    VetoBudgetInvalid,
}
