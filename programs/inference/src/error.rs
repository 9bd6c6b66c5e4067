//! Errors of the inference program. Append only: the codes are part of the program's ABI.

use anchor_lang::prelude::*;

#[error_code]
pub enum InferenceError {
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
    #[msg("the session close timeout must be at least 24 hours")]
    SessionTimeoutTooShort,
    /// 6004
    #[msg("the direct batch size must be between 1 and 64")]
    DirectBatchOutOfRange,
    /// 6005
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
}
