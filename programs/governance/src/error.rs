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
    #[msg("the voting period must be greater than zero")]
    VotingPeriodZero,
    /// 6004
    #[msg("the quorum must be greater than zero")]
    QuorumZero,
    /// 6005
    #[msg("the approval threshold must be between 1 and 10_000 bps")]
    ApprovalThresholdOutOfRange,
    /// 6006
    #[msg("the maximum lockup multiplier must be at least 1.0 (10_000 bps)")]
    LockupMultiplierBelowOne,
    /// 6007
    #[msg(
        "the hold-up must be greater than zero: a passed proposal needs a window for the guardian veto"
    )]
    HoldUpZero,
    /// 6008
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
}
