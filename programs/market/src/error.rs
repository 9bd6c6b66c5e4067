//! Errors of the market program. Append only: the codes are part of the program's ABI.

use anchor_lang::prelude::*;

#[error_code]
pub enum MarketError {
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
    #[msg("a fee or share is above 100 % (10_000 bps)")]
    FeeAboveMaximum,
    /// 6004
    #[msg("the stake per GPU must be greater than zero")]
    StakePerGpuZero,
    /// 6005
    #[msg("the unstake cooldown must be greater than zero")]
    CooldownZero,
    /// 6006
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
}
