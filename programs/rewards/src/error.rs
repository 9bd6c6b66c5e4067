//! Errors of the rewards program. Append only: the codes are part of the program's ABI.

use anchor_lang::prelude::*;

#[error_code]
pub enum RewardsError {
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
    #[msg("the enterprise pool share is above 100 % (10_000 bps)")]
    PoolShareAboveMaximum,
    /// 6004
    #[msg("the emission start must be a positive unix time")]
    EmissionStartUnset,
    /// 6005
    #[msg("the claim window and its cap must both be greater than zero")]
    ClaimWindowInvalid,
    /// 6006
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
}
