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
    #[msg("the lockup saturation must be positive and at most the longest lockup (8 years)")]
    LockupRangeInvalid,
    #[msg("an amount computation overflowed")]
    MathOverflow,
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    #[msg("the token account is not of the IO mint")]
    IoMintMismatch,
    #[msg("the account is not the configured vault")]
    VaultMismatch,
    #[msg("only the authority may do this")]
    NotAuthority,
    #[msg("only the guardian may do this")]
    NotGuardian,
    #[msg("the amount must be greater than zero")]
    ZeroAmount,
    #[msg("the lockup must end in the future and within the longest lockup")]
    LockupOutOfRange,
    #[msg("a lockup can be extended, never shortened")]
    LockupShortened,
    #[msg("only the position's owner may do this")]
    NotPositionOwner,
    #[msg("the lockup has not ended")]
    LockupNotEnded,
    #[msg("the position has votes on proposals still being decided: relinquish them first")]
    PositionHasVotes,
    #[msg("the position's voting power is below the proposal threshold")]
    BelowProposalThreshold,
    #[msg("only the proposal's creator may do this")]
    NotProposalCreator,
    #[msg("the proposal is not in the state this needs")]
    WrongProposalState,
    #[msg(
        "the proposal is too large: at most 8 instructions of 16 accounts and 224 data bytes each"
    )]
    ProposalTooLarge,
    #[msg("a proposal needs at least one instruction to go to a vote")]
    ProposalEmpty,
    #[msg("instructions are added in order: the index must be the proposal's instruction count")]
    InstructionOutOfOrder,
    #[msg("the vote is closed")]
    VotingClosed,
    #[msg("the vote is still open")]
    VotingOpen,
    #[msg("the position's lockup ends before the vote's end plus the hold-up")]
    LockupTooShort,
    #[msg("this position already voted on this proposal")]
    AlreadyVoted,
    #[msg("a proposal with votes cannot be cancelled")]
    ProposalHasVotes,
    #[msg("the veto window (the hold-up) is over")]
    VetoWindowOver,
    #[msg("the hold-up is not over: execution must wait")]
    HoldUpNotOver,
    #[msg("this instruction of the proposal was already executed")]
    AlreadyExecuted,
    #[msg("the accounts passed differ from the instruction's stored accounts")]
    AccountsMismatch,
    #[msg("the instruction needs a signer other than the governance PDA, which cannot be given")]
    ForeignSigner,
    #[msg("an account does not belong to this proposal or vote")]
    ProposalMismatch,
    #[msg("the proposal is not final: it cannot close yet")]
    ProposalNotFinal,
    #[msg("the proposal was defeated: it cannot execute")]
    ProposalDefeated,
    #[msg("the proposal was vetoed: it cannot execute")]
    ProposalVetoed,
    #[msg("the proposal's execution window (30 days after its hold-up) is over")]
    ExecutionWindowOver,
}
