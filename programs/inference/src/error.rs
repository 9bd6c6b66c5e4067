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
    #[msg("the model id must not be empty")]
    ModelIdEmpty,
    #[msg("the model's content hash must not be empty")]
    ContentHashUnset,
    #[msg("a model needs a price per request or per 1k tokens")]
    ModelPriceZero,
    #[msg("the revenue split (model owner, provider, burn) must add up to 10_000 bps")]
    SplitNotWhole,
    #[msg("only the model's owner may do this")]
    NotModelOwner,
    #[msg("the model is retired")]
    ModelRetired,
    #[msg("the model must be retired and have no open session to close")]
    ModelInUse,
    #[msg("an amount computation overflowed")]
    MathOverflow,
}
