//! Errors of the iosd program. Append only: the codes are part of the program's ABI.

use anchor_lang::prelude::*;

#[error_code]
pub enum IosdError {
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
    #[msg("the maximum price age for minting must be between 1 and 60 seconds")]
    MaxPriceAgeOutOfRange,
    /// 6004
    #[msg("the confidence multiplier must be at most 10 confidence intervals (100_000 bps)")]
    ConfidenceMultiplierTooLarge,
    /// 6005
    #[msg("collateral thresholds must satisfy 0 < mint halt < warning <= 1.0")]
    CollateralThresholdsInvalid,
    /// 6006
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
}
