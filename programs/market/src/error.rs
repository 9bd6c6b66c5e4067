//! Errors of the market program. Append only once deployed: the codes are part of the ABI.

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
    #[msg("the unstake cooldown must be between 1 second and 365 days")]
    CooldownOutOfRange,
    /// 6006
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
    /// 6007
    #[msg("the slash cap must be between 1 and 5_000 bps (half a stake)")]
    SlashCapInvalid,
    /// 6008
    #[msg("the appeal window must be between 1 second and 90 days")]
    AppealWindowInvalid,
    /// 6009
    #[msg("the minimum lease deposit, runway, pause timeout and close grace must be positive")]
    LeaseTimingInvalid,
    /// 6010
    #[msg("the payout window and its cap must be positive")]
    PayoutCapInvalid,
    /// 6011
    #[msg("the guardian's longest pause must be between 1 and 72 hours")]
    PauseHoursInvalid,
    /// 6012
    #[msg("an amount computation overflowed")]
    MathOverflow,
    /// 6013
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    /// 6014
    #[msg("the IOSD mint must be the iosd program's mint")]
    IosdMintMismatch,
    /// 6015
    #[msg("the token account is not of the configured IO mint")]
    IoMintMismatch,
    /// 6016
    #[msg("only the authority may do this")]
    NotAuthority,
    /// 6017
    #[msg("only the guardian may do this")]
    NotGuardian,
    /// 6018
    #[msg("only the proposed key may accept the role")]
    NotPendingRole,
    /// 6019
    #[msg("the key set is full (8 keys)")]
    KeySetFull,
    /// 6020
    #[msg("the key is already in the set")]
    KeyAlreadyInSet,
    /// 6021
    #[msg("the key is not in the set")]
    KeyNotInSet,
    /// 6022
    #[msg("the pause is longer than the guardian may set")]
    PauseTooLong,
    /// 6023
    #[msg("the class is already paused; only the authority can extend a pause")]
    PauseActive,
    /// 6024
    #[msg("this instruction class is paused")]
    Paused,
    /// 6025
    #[msg("the GPU class name must not be empty")]
    GpuClassNameEmpty,
    /// 6026
    #[msg("the USD price per GPU-hour must be greater than zero")]
    GpuPriceZero,
    /// 6027
    #[msg("the multiplier must be between 1 bps and 10x (100_000 bps)")]
    MultiplierOutOfRange,
    /// 6028
    #[msg("the GPU class is retired")]
    GpuClassRetired,
    /// 6029
    #[msg("the GPU class must be retired and unused by any device to close")]
    GpuClassInUse,
    /// 6030
    #[msg("the GPU class is not the device's")]
    GpuClassMismatch,
    /// 6031
    #[msg("only the provider's owner may do this")]
    NotProviderOwner,
    /// 6032
    #[msg("the provider still has devices")]
    ProviderHasDevices,
    /// 6033
    #[msg("the device does not belong to this provider")]
    DeviceProviderMismatch,
    /// 6034
    #[msg("a device has 1 to 64 GPUs")]
    GpuCountOutOfRange,
    /// 6035
    #[msg("the bandwidth tier must be 0 to 4")]
    BandwidthTierOutOfRange,
    /// 6036
    #[msg("the device key must be a real key, not the default address")]
    DeviceKeyUnset,
    /// 6037
    #[msg("the device's stake is below what its GPUs require")]
    StakeBelowRequired,
    /// 6038
    #[msg("the amount must be greater than zero")]
    ZeroAmount,
    /// 6039
    #[msg("the device has open leases: close them before unstaking")]
    DeviceHasOpenLeases,
    /// 6040
    #[msg("the amount is more than the device's active stake")]
    InsufficientStake,
    /// 6041
    #[msg("nothing is cooling down to withdraw")]
    NothingToWithdraw,
    /// 6042
    #[msg("the unstake cooldown is not over")]
    CooldownNotOver,
    /// 6043
    #[msg("the device still holds stake, an open slash or open leases")]
    DeviceNotEmpty,
    /// 6044
    #[msg("only a slasher may open a slash")]
    NotSlasher,
    /// 6045
    #[msg("the device already has an open slash")]
    SlashAlreadyOpen,
    /// 6046
    #[msg("the slash is above the capped share of the device's stake")]
    SlashAboveCap,
    /// 6047
    #[msg("the appeal window is still open")]
    AppealWindowOpen,
    /// 6048
    #[msg("the account is not the configured treasury, vault or escrow")]
    ConfigAccountMismatch,
    /// 6049
    #[msg("only a settler may settle")]
    NotSettler,
    /// 6050
    #[msg("the device is not offered for leases")]
    DeviceUnavailable,
    /// 6051
    #[msg("the device has not enough free GPUs")]
    DeviceAtCapacity,
    /// 6052
    #[msg("a lease takes at least one GPU")]
    GpuCountZero,
    /// 6053
    #[msg("the deposit is below the minimum lease deposit")]
    DepositBelowMinimum,
    /// 6054
    #[msg("the deposit does not cover the minimum runway at this rate")]
    InsufficientRunway,
    /// 6055
    #[msg("the class's rate is above the limit the renter set")]
    RateAboveLimit,
    /// 6056
    #[msg("the lease is closing: no top-ups, and settlement only within the close grace")]
    LeaseClosing,
    /// 6057
    #[msg("reported usage is lower than what was already settled")]
    UsageWentBackwards,
    /// 6058
    #[msg("reported usage exceeds the lease's GPUs times its active wall-clock time")]
    UsageAboveCapacity,
    /// 6059
    #[msg(
        "this settlement would exceed the settlement outflow cap (a bucket that drains over the window): settle again later"
    )]
    PayoutCapExceeded,
    /// 6060
    #[msg("the lease cannot be finalised yet: close grace or pause timeout not over")]
    CloseTooEarly,
    /// 6061
    #[msg("only the renter or the provider's owner may request the close")]
    NotLeaseParty,
    /// 6062
    #[msg("an account does not belong to this lease")]
    LeaseMismatch,
    /// 6063
    #[msg("a batch names 1 to 32 leases, each with its lease and provider accounts")]
    BatchShape,
    /// 6064
    #[msg("the provider has unclaimed earnings: claim them before closing")]
    ProviderHasEarnings,
    /// 6065
    #[msg("nothing has been earned to claim")]
    NothingToClaim,
    /// 6066
    #[msg("the token account is not of the lease's currency")]
    CurrencyMismatch,
    /// 6067
    #[msg("an IO lease needs a Pyth price update account for its quote")]
    QuoteMissing,
    /// 6068
    #[msg("the quote is below the lowest IO price the renter accepts")]
    QuoteBelowLimit,
    /// 6069
    #[msg("the quote's price account is not owned by the Pyth receiver program")]
    QuoteWrongOwner,
    /// 6070
    #[msg("the quote's price account is not a PriceUpdateV2")]
    QuoteNotPriceUpdate,
    /// 6071
    #[msg("the quote's price account is truncated or malformed")]
    QuoteMalformed,
    /// 6072
    #[msg("the quote's price update is for another feed than iosd's")]
    QuoteWrongFeed,
    /// 6073
    #[msg("the quote's price update is only partially verified")]
    QuoteNotFullyVerified,
    /// 6074
    #[msg("the quote's price is older than iosd's maximum price age")]
    QuoteStale,
    /// 6075
    #[msg("the quote's price is published in the future")]
    QuotePublishedInFuture,
    /// 6076
    #[msg("the quote's price is zero or negative")]
    QuoteNotPositive,
    /// 6077
    #[msg("the quote's confidence interval is too wide for its price")]
    QuoteConfidenceTooWide,
    /// 6078
    #[msg("the quote's price exponent is out of range")]
    QuoteExponentOutOfRange,
    /// 6079
    #[msg("the account is not the iosd configuration")]
    IosdConfigMismatch,
    /// 6080
    #[msg(
        "the guardian paused this class recently: it may pause it again once a cooldown as long as that pause has passed"
    )]
    GuardianCoolingDown,
    /// 6081
    #[msg("the account named as the market's iosd spender is not its spender PDA")]
    SpenderMismatch,
    /// 6082
    #[msg("no fees are waiting to be swept")]
    NothingToSweep,
}

impl From<io_oracle::OracleError> for MarketError {
    fn from(error: io_oracle::OracleError) -> Self {
        use io_oracle::OracleError;
        match error {
            OracleError::WrongOwner => Self::QuoteWrongOwner,
            OracleError::WrongDiscriminator => Self::QuoteNotPriceUpdate,
            OracleError::Malformed => Self::QuoteMalformed,
            OracleError::WrongFeed => Self::QuoteWrongFeed,
            OracleError::NotFullyVerified => Self::QuoteNotFullyVerified,
            OracleError::Stale => Self::QuoteStale,
            OracleError::PublishedInFuture => Self::QuotePublishedInFuture,
            OracleError::NonPositivePrice => Self::QuoteNotPositive,
            OracleError::ConfidenceTooWide => Self::QuoteConfidenceTooWide,
            OracleError::ExponentOutOfRange => Self::QuoteExponentOutOfRange,
            OracleError::Overflow => Self::MathOverflow,
        }
    }
}

impl From<io_common::PauseError> for MarketError {
    fn from(error: io_common::PauseError) -> Self {
        match error {
            io_common::PauseError::HoursOutOfRange => Self::PauseTooLong,
            io_common::PauseError::Active => Self::PauseActive,
            io_common::PauseError::CoolingDown => Self::GuardianCoolingDown,
        }
    }
}

impl From<io_common::MoneyError> for MarketError {
    fn from(error: io_common::MoneyError) -> Self {
        match error {
            io_common::MoneyError::Overflow => Self::MathOverflow,
            io_common::MoneyError::Underflow => Self::InvariantViolated,
        }
    }
}
