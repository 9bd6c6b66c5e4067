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
    #[msg("an amount computation overflowed")]
    MathOverflow,
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    #[msg("the token account is not of the IO mint")]
    IoMintMismatch,
    #[msg("only the authority may do this")]
    NotAuthority,
    #[msg("a season needs start < end, a positive epoch and a vesting end not before its start")]
    SeasonTimesInvalid,
    #[msg(
        "the clawback must come at least a day after the vesting end, and vesting not before the season's end"
    )]
    ClawbackTooEarly,
    #[msg("a season counts 1 to 12 GPU classes, each a market price-book entry, without repeats")]
    SeasonClassesInvalid,
    #[msg("a season needs 1 to 8 distinct oracle keys, none the default address")]
    OracleSetInvalid,
    #[msg("the bandwidth tier must be 0 to 4")]
    BandwidthTierOutOfRange,
    #[msg("the account is not the market's (device, provider or GPU class)")]
    NotAMarketAccount,
    #[msg("only the provider's owner may do this")]
    NotProviderOwner,
    #[msg("the device's GPU class does not count in this season")]
    ClassNotCounted,
    #[msg("only one of the season's oracles may post inputs")]
    NotOracle,
    #[msg("the epoch has not ended yet")]
    EpochInFuture,
    #[msg("posting is closed: the season's end plus its posting grace has passed")]
    PostingClosed,
    #[msg("the season is finalised: nothing more can be posted or joined")]
    SeasonFinalized,
    #[msg("a cumulative input is lower than one already posted")]
    InputsDecreased,
    #[msg(
        "a batch names 1 to its maximum of devices (8 per post or season claim, 3 per block-reward claim), each with its accounts, matching the entries"
    )]
    BatchShape,
    #[msg("an account does not belong to this season or device")]
    SeasonMismatch,
    #[msg("the season cannot be finalised before its end plus the posting grace")]
    FinalizeTooEarly,
    #[msg("no device earned any points: there is nothing to convert")]
    NoPoints,
    #[msg("the season is not finalised yet")]
    SeasonNotFinalized,
    #[msg("the payout account is not the provider's registered IO payout account")]
    PayoutMismatch,
    #[msg("the clawback deadline has not passed")]
    ClawbackNotDue,
    #[msg("the season's pool was swept: claims are over")]
    SeasonSwept,
    #[msg("the season still has device records or an unswept pool")]
    SeasonNotEmpty,
    #[msg("the distributor needs 3 to 8 distinct oracle keys, none the default address")]
    DistributorOraclesInvalid,
    #[msg("the account passed as the instructions sysvar is not the instructions sysvar")]
    NotInstructionsSysvar,
    #[msg("an ed25519 instruction is malformed or points outside itself")]
    Ed25519Malformed,
    #[msg("a signed message is not an oracle total of this program on this cluster")]
    MalformedOracleMessage,
    #[msg("a signature is by a key that is not one of the distributor's oracles")]
    NotAnOracle,
    #[msg("an oracle total was signed for an older oracle-set version")]
    StaleOracleVersion,
    #[msg("one oracle signed twice for the same device")]
    DuplicateOracleSignature,
    #[msg("fewer than a majority (⌊N/2⌋+1) of the oracles signed this device's total")]
    TooFewSignatures,
    #[msg("the device's GPU class is in no emission pool")]
    NoRewardPool,
    #[msg("the claim would pay more than its pool's share of what has been emitted so far")]
    EmissionGuardExceeded,
    #[msg("the claim would exceed the window's payout cap")]
    ClaimWindowCapExceeded,
    #[msg("the device still exists: its record stays")]
    DeviceStillExists,
    #[msg("the season has not been swept: its records close by claims until then")]
    SeasonNotSwept,
}

impl From<io_points::PointsError> for RewardsError {
    fn from(error: io_points::PointsError) -> Self {
        match error {
            io_points::PointsError::InputsDecreased => Self::InputsDecreased,
            io_points::PointsError::TierOutOfRange => Self::BandwidthTierOutOfRange,
            io_points::PointsError::Overflow => Self::MathOverflow,
        }
    }
}
