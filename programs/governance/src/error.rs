//! Errors of the governance program. Append only: the codes are part of the program's ABI.

use anchor_lang::prelude::*;

#[error_code]
pub enum GovernanceError {
    /// 6000
    #[msg("only the deployer fixed at build time may initialise the program")]
    NotDeployer,
    /// 6001
    #[msg("the authority must be a real key, not the default address")]
    AuthorityUnset,
    /// 6002
    #[msg("the voting period must be greater than zero")]
    VotingPeriodZero,
    /// 6003
    #[msg("the quorum must be greater than zero")]
    QuorumZero,
    /// 6004
    #[msg("the approval threshold must be between 1 and 10_000 bps")]
    ApprovalThresholdOutOfRange,
    /// 6005
    #[msg("the maximum lockup multiplier must be at least 1.0 (10_000 bps)")]
    LockupMultiplierBelowOne,
    /// 6006
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
}
