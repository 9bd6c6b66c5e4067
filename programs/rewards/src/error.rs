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
    /// 6007
    #[msg("an amount computation overflowed")]
    MathOverflow,
    /// 6008
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    /// 6009
    #[msg("the token account is not of the IO mint")]
    IoMintMismatch,
    /// 6010
    #[msg("only the authority may do this")]
    NotAuthority,
    /// 6011
    #[msg("a season needs start < end, a positive epoch and a vesting end not before its start")]
    SeasonTimesInvalid,
    /// 6012
    #[msg(
        "the clawback must come at least a day after the vesting end, and vesting not before the season's end"
    )]
    ClawbackTooEarly,
    /// 6013
    #[msg("a season counts 1 to 12 GPU classes, each a market price-book entry, without repeats")]
    SeasonClassesInvalid,
    /// 6014
    #[msg("a season needs 1 to 8 distinct oracle keys, none the default address")]
    OracleSetInvalid,
    /// 6015
    #[msg("the bandwidth tier must be 0 to 4")]
    BandwidthTierOutOfRange,
    /// 6016
    #[msg("the account is not the market's (device, provider or GPU class)")]
    NotAMarketAccount,
    /// 6017
    #[msg("only the provider's owner may do this")]
    NotProviderOwner,
    /// 6018
    #[msg("the device's GPU class does not count in this season")]
    ClassNotCounted,
    /// 6019
    #[msg("only one of the season's oracles may post inputs")]
    NotOracle,
    /// 6020
    #[msg("the epoch has not ended yet")]
    EpochInFuture,
    /// 6021
    #[msg("posting is closed: the season's end plus its posting grace has passed")]
    PostingClosed,
    /// 6022
    #[msg("the season is finalised: nothing more can be posted or joined")]
    SeasonFinalized,
    /// 6023
    #[msg("a cumulative input is lower than one already posted")]
    InputsDecreased,
    /// 6024
    #[msg(
        "a batch names 1 to its maximum of devices (8 per post or season claim, 3 per block-reward claim), each with its accounts, matching the entries"
    )]
    BatchShape,
    /// 6025
    #[msg("an account does not belong to this season or device")]
    SeasonMismatch,
    /// 6026
    #[msg("the season cannot be finalised before its end plus the posting grace")]
    FinalizeTooEarly,
    /// 6027
    #[msg("no device earned any points: there is nothing to convert")]
    NoPoints,
    /// 6028
    #[msg("the season is not finalised yet")]
    SeasonNotFinalized,
    /// 6029
    #[msg("the payout account is not the provider's registered IO payout account")]
    PayoutMismatch,
    /// 6030
    #[msg("the clawback deadline has not passed")]
    ClawbackNotDue,
    /// 6031
    #[msg("the season's pool was swept: claims are over")]
    SeasonSwept,
    /// 6032
    #[msg("the season still has device records or an unswept pool")]
    SeasonNotEmpty,
    /// 6033
    #[msg("the distributor needs 3 to 8 distinct oracle keys, none the default address")]
    DistributorOraclesInvalid,
    /// 6034
    #[msg("the account passed as the instructions sysvar is not the instructions sysvar")]
    NotInstructionsSysvar,
    /// 6035
    #[msg("an ed25519 instruction is malformed or points outside itself")]
    Ed25519Malformed,
    /// 6036
    #[msg("a signed message is not an oracle total of this program on this cluster")]
    MalformedOracleMessage,
    /// 6037
    #[msg("a signature is by a key that is not one of the distributor's oracles")]
    NotAnOracle,
    /// 6038
    #[msg("an oracle total was signed for an older oracle-set version")]
    StaleOracleVersion,
    /// 6039
    #[msg("one oracle signed twice for the same device")]
    DuplicateOracleSignature,
    /// 6040
    #[msg("fewer than a majority (⌊N/2⌋+1) of the oracles signed this device's total")]
    TooFewSignatures,
    /// 6041
    #[msg("the device's GPU class is in no emission pool")]
    NoRewardPool,
    /// 6042
    #[msg("the claim would pay more than its pool's share of what has been emitted so far")]
    EmissionGuardExceeded,
    /// 6043
    #[msg(
        "the claim would exceed the claim cap (a bucket that drains over the window): claim again later"
    )]
    ClaimWindowCapExceeded,
    /// 6044
    #[msg("the device still exists: its record stays")]
    DeviceStillExists,
    /// 6045
    #[msg("the season has not been swept: its records close by claims until then")]
    SeasonNotSwept,
    /// 6046
    #[msg(
        "posted inputs exceed wall-clock time: job GPU-seconds are at most the device's GPUs × the seconds from the season's start to the epoch's end, uptime at most those seconds"
    )]
    InputsAboveWallClock,
    /// 6047
    #[msg("a season's pool must be greater than zero")]
    PoolZero,
    /// 6048
    #[msg("only the proposed key may accept this role")]
    NotPendingRole,
    /// 6049
    #[msg("only the guardian may do this")]
    NotGuardian,
    /// 6050
    #[msg("a guardian's pause lasts 1 to 72 hours")]
    PauseTooLong,
    /// 6051
    #[msg("claims are paused already: only the authority changes a running pause")]
    PauseActive,
    /// 6052
    #[msg(
        "the guardian paused claims recently: it may pause again once a cooldown as long as that pause has passed"
    )]
    GuardianCoolingDown,
    /// 6053
    #[msg(
        "block-reward claims are paused by the guardian or the authority; season claims still work"
    )]
    Paused,
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

impl From<io_common::PauseError> for RewardsError {
    fn from(error: io_common::PauseError) -> Self {
        match error {
            io_common::PauseError::HoursOutOfRange => Self::PauseTooLong,
            io_common::PauseError::Active => Self::PauseActive,
            io_common::PauseError::CoolingDown => Self::GuardianCoolingDown,
        }
    }
}
