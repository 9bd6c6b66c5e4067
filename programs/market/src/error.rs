//! Errors of the market program. Append only once deployed: the codes are part of the ABI.

use anchor_lang::prelude::*;

#[error_code]
pub enum MarketError {
    #[msg("only the deployer fixed at build time may initialise the program")]
    NotDeployer,
    #[msg("the configuration already exists")]
    AlreadyInitialized,
    #[msg("the authority must be a real key, not the default address")]
    AuthorityUnset,
    #[msg("a fee or share is above 100 % (10_000 bps)")]
    FeeAboveMaximum,
    #[msg("the stake per GPU must be greater than zero")]
    StakePerGpuZero,
    #[msg("the unstake cooldown must be between 1 second and 365 days")]
    CooldownOutOfRange,
    #[msg("a stored account broke one of its invariants")]
    InvariantViolated,
    #[msg("the slash cap must be between 1 and 10_000 bps")]
    SlashCapInvalid,
    #[msg("the appeal window must be between 1 second and 90 days")]
    AppealWindowInvalid,
    #[msg("the minimum lease deposit, runway, pause timeout and close grace must be positive")]
    LeaseTimingInvalid,
    #[msg("the payout window and its cap must be positive")]
    PayoutCapInvalid,
    #[msg("the guardian's longest pause must be between 1 and 72 hours")]
    PauseHoursInvalid,
    #[msg("an amount computation overflowed")]
    MathOverflow,
    #[msg("the IO mint must have 8 decimals")]
    IoMintDecimals,
    #[msg("the IOSD mint must be the iosd program's mint")]
    IosdMintMismatch,
    #[msg("the token account is not of the configured IO mint")]
    IoMintMismatch,
    #[msg("only the authority may do this")]
    NotAuthority,
    #[msg("only the guardian may do this")]
    NotGuardian,
    #[msg("only the proposed key may accept the role")]
    NotPendingRole,
    #[msg("the key set is full (8 keys)")]
    KeySetFull,
    #[msg("the key is already in the set")]
    KeyAlreadyInSet,
    #[msg("the key is not in the set")]
    KeyNotInSet,
    #[msg("the pause is longer than the guardian may set")]
    PauseTooLong,
    #[msg("the class is already paused; only the authority can extend a pause")]
    PauseActive,
    #[msg("this instruction class is paused")]
    Paused,
    #[msg("the GPU class name must not be empty")]
    GpuClassNameEmpty,
    #[msg("the USD price per GPU-hour must be greater than zero")]
    GpuPriceZero,
    #[msg("the multiplier must be between 1 bps and 10x (100_000 bps)")]
    MultiplierOutOfRange,
    #[msg("the GPU class is retired")]
    GpuClassRetired,
    #[msg("the GPU class must be retired and unused by any device to close")]
    GpuClassInUse,
    #[msg("the GPU class is not the device's")]
    GpuClassMismatch,
    #[msg("only the provider's owner may do this")]
    NotProviderOwner,
    #[msg("the provider still has devices")]
    ProviderHasDevices,
    #[msg("the device does not belong to this provider")]
    DeviceProviderMismatch,
    #[msg("a device has 1 to 64 GPUs")]
    GpuCountOutOfRange,
    #[msg("the bandwidth tier must be 0 to 4")]
    BandwidthTierOutOfRange,
    #[msg("the device key must be a real key, not the default address")]
    DeviceKeyUnset,
    #[msg("the device's stake is below what its GPUs require")]
    StakeBelowRequired,
    #[msg("the amount must be greater than zero")]
    ZeroAmount,
    #[msg("the device has open leases: close them before unstaking")]
    DeviceHasOpenLeases,
    #[msg("the amount is more than the device's active stake")]
    InsufficientStake,
    #[msg("nothing is cooling down to withdraw")]
    NothingToWithdraw,
    #[msg("the unstake cooldown is not over")]
    CooldownNotOver,
    #[msg("the device still holds stake, an open slash or open leases")]
    DeviceNotEmpty,
    #[msg("only a slasher may open a slash")]
    NotSlasher,
    #[msg("the device already has an open slash")]
    SlashAlreadyOpen,
    #[msg("the slash is above the capped share of the device's stake")]
    SlashAboveCap,
    #[msg("the appeal window is still open")]
    AppealWindowOpen,
    #[msg("the account is not the configured treasury, vault or escrow")]
    ConfigAccountMismatch,
    #[msg("only a settler may settle")]
    NotSettler,
    #[msg("the device is not offered for leases")]
    DeviceUnavailable,
    #[msg("the device has not enough free GPUs")]
    DeviceAtCapacity,
    #[msg("a lease takes at least one GPU")]
    GpuCountZero,
    #[msg("the deposit is below the minimum lease deposit")]
    DepositBelowMinimum,
    #[msg("the deposit does not cover the minimum runway at this rate")]
    InsufficientRunway,
    #[msg("the class's rate is above the limit the renter set")]
    RateAboveLimit,
    #[msg("the lease is closing: no top-ups, and settlement only within the close grace")]
    LeaseClosing,
    #[msg("reported usage is lower than what was already settled")]
    UsageWentBackwards,
    #[msg("reported usage exceeds the lease's GPUs times its active wall-clock time")]
    UsageAboveCapacity,
    #[msg("this settlement would exceed the outflow cap of the current window")]
    PayoutCapExceeded,
    #[msg("the lease cannot be finalised yet: close grace or pause timeout not over")]
    CloseTooEarly,
    #[msg("only the renter or the provider's owner may request the close")]
    NotLeaseParty,
    #[msg("an account does not belong to this lease")]
    LeaseMismatch,
    #[msg("a batch names 1 to 32 leases, each with its lease and provider accounts")]
    BatchShape,
    #[msg("the provider has unclaimed earnings: claim them before closing")]
    ProviderHasEarnings,
    #[msg("nothing has been earned to claim")]
    NothingToClaim,
    #[msg("the token account is not of the lease's currency")]
    CurrencyMismatch,
    #[msg("an IO lease needs a Pyth price update account for its quote")]
    QuoteMissing,
    #[msg("the quote is below the lowest IO price the renter accepts")]
    QuoteBelowLimit,
    #[msg("the quote's price account is not owned by the Pyth receiver program")]
    QuoteWrongOwner,
    #[msg("the quote's price account is not a PriceUpdateV2")]
    QuoteNotPriceUpdate,
    #[msg("the quote's price account is truncated or malformed")]
    QuoteMalformed,
    #[msg("the quote's price update is for another feed than iosd's")]
    QuoteWrongFeed,
    #[msg("the quote's price update is only partially verified")]
    QuoteNotFullyVerified,
    #[msg("the quote's price is older than iosd's maximum price age")]
    QuoteStale,
    #[msg("the quote's price is published in the future")]
    QuotePublishedInFuture,
    #[msg("the quote's price is zero or negative")]
    QuoteNotPositive,
    #[msg("the quote's confidence interval is too wide for its price")]
    QuoteConfidenceTooWide,
    #[msg("the quote's price exponent is out of range")]
    QuoteExponentOutOfRange,
    #[msg("the account is not the iosd configuration")]
    IosdConfigMismatch,
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
