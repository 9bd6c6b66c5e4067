//! Errors of the iosd program. Append only: the codes are part of the program's ABI.

use anchor_lang::prelude::*;
use io_oracle::OracleError;

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
    #[msg("the maximum price age must be between 1 and 60 seconds")]
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
    /// 6007
    #[msg("the oracle-halt delay must be between the maximum price age and one day")]
    OracleHaltDelayOutOfRange,
    /// 6008
    #[msg("the breaker window must be between 60 seconds and 30 days")]
    BreakerWindowOutOfRange,
    /// 6009
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    /// 6010
    #[msg("the token account is not of the configured IO mint")]
    IoMintMismatch,
    /// 6011
    #[msg("the price account is not owned by the Pyth receiver program")]
    PriceWrongOwner,
    /// 6012
    #[msg("the price account is not a Pyth PriceUpdateV2")]
    PriceNotPriceUpdate,
    /// 6013
    #[msg("the price account is truncated or malformed")]
    PriceMalformed,
    /// 6014
    #[msg("the price update is for another feed than the configured IO/USD feed")]
    PriceWrongFeed,
    /// 6015
    #[msg("the price update is only partially verified; post it with full verification")]
    PriceNotFullyVerified,
    /// 6016
    #[msg("the price is older than the maximum price age; post a fresh update")]
    PriceStale,
    /// 6017
    #[msg("the price claims a publish time in the future")]
    PricePublishedInFuture,
    /// 6018
    #[msg("the spot or EMA price is zero or negative")]
    PriceNotPositive,
    /// 6019
    #[msg("the confidence interval is too wide for the price to be used")]
    PriceConfidenceTooWide,
    /// 6020
    #[msg("the price exponent is outside -18..=0")]
    PriceExponentOutOfRange,
    /// 6021
    #[msg("an amount or price computation overflowed")]
    MathOverflow,
    /// 6022
    #[msg("the amount must be greater than zero")]
    ZeroAmount,
    /// 6023
    #[msg("the amount is too small to produce any output at this price")]
    AmountTooSmall,
    /// 6024
    #[msg("the result is worse than the limit the signer set (slippage)")]
    SlippageExceeded,
    /// 6025
    #[msg("minting is halted: the collateral ratio is below the mint-halt threshold")]
    MintHalted,
    /// 6026
    #[msg("the mint exceeds the mint-rate breaker's remaining capacity")]
    MintRateExceeded,
    /// 6027
    #[msg("the account is not an IOSD holder account (an IOSD account frozen by this program)")]
    NotAHolder,
    /// 6028
    #[msg("the holder account belongs to another owner than the signer")]
    HolderOwnerMismatch,
    /// 6029
    #[msg("the escrow must be the holder account of the spender PDA")]
    EscrowNotOwnedBySpender,
    /// 6030
    #[msg("the spender PDA did not sign: call through the allowed program")]
    SpenderNotSigner,
    /// 6031
    #[msg("the signing spender is not on the allow-list")]
    SpenderNotAllowed,
    /// 6032
    #[msg("the spender allow-list is full")]
    SpenderListFull,
    /// 6033
    #[msg("the program is already on the spender allow-list")]
    SpenderAlreadyAllowed,
    /// 6034
    #[msg("the program is not on the spender allow-list")]
    SpenderNotListed,
    /// 6035
    #[msg("the holder's IOSD balance is lower than the amount")]
    InsufficientIosd,
    /// 6036
    #[msg("the vault holds less IO than the redemption pays")]
    VaultInsufficient,
    /// 6037
    #[msg("only the authority may do this")]
    NotAuthority,
    /// 6038
    #[msg("only the proposed key may accept this role")]
    NotPendingRole,
    /// 6039
    #[msg("the IO vault or IOSD mint is not the configured one")]
    ConfigAccountMismatch,
    /// 6040
    #[msg("only the guardian may do this")]
    NotGuardian,
    /// 6041
    #[msg("a guardian's pause lasts 1 to 72 hours")]
    PauseTooLong,
    /// 6042
    #[msg("minting is paused already: only the authority changes a running pause")]
    PauseActive,
    /// 6043
    #[msg(
        "the guardian paused minting recently: it may pause again once a cooldown as long as that pause has passed"
    )]
    GuardianCoolingDown,
    /// 6044
    #[msg("minting is paused by the guardian or the authority; redemption and spending still work")]
    Paused,
}

impl From<OracleError> for IosdError {
    fn from(error: OracleError) -> Self {
        match error {
            OracleError::WrongOwner => Self::PriceWrongOwner,
            OracleError::WrongDiscriminator => Self::PriceNotPriceUpdate,
            OracleError::Malformed => Self::PriceMalformed,
            OracleError::WrongFeed => Self::PriceWrongFeed,
            OracleError::NotFullyVerified => Self::PriceNotFullyVerified,
            OracleError::Stale => Self::PriceStale,
            OracleError::PublishedInFuture => Self::PricePublishedInFuture,
            OracleError::NonPositivePrice => Self::PriceNotPositive,
            OracleError::ConfidenceTooWide => Self::PriceConfidenceTooWide,
            OracleError::ExponentOutOfRange => Self::PriceExponentOutOfRange,
            OracleError::Overflow => Self::MathOverflow,
        }
    }
}

impl From<io_common::PauseError> for IosdError {
    fn from(error: io_common::PauseError) -> Self {
        match error {
            io_common::PauseError::HoursOutOfRange => Self::PauseTooLong,
            io_common::PauseError::Active => Self::PauseActive,
            io_common::PauseError::CoolingDown => Self::GuardianCoolingDown,
        }
    }
}
