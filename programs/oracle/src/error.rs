//! Why a price was refused. Each cause is its own variant so that a program can map it to its own
//! named error and a test can assert exactly which check fired.

/// A refused oracle account or price, or a price computation that cannot be done exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OracleError {
    /// The account is not owned by the Pyth receiver program.
    WrongOwner,
    /// The account's first eight bytes are not `PriceUpdateV2`'s discriminator.
    WrongDiscriminator,
    /// The account is too short or holds an invalid verification level.
    Malformed,
    /// The update is for another price feed than the one configured.
    WrongFeed,
    /// The update carries only a partial Wormhole verification.
    NotFullyVerified,
    /// The price was published longer ago than allowed.
    Stale,
    /// The price claims to be published in the future (beyond the allowed clock drift).
    PublishedInFuture,
    /// The spot or EMA price is zero or negative.
    NonPositivePrice,
    /// `k·conf` is at least the price, which would leave a zero or negative mint price.
    ConfidenceTooWide,
    /// The exponent is outside what the protocol handles (−18..=0).
    ExponentOutOfRange,
    /// An intermediate does not fit (extreme price, exponent or amount).
    Overflow,
}

impl core::fmt::Display for OracleError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let text = match self {
            Self::WrongOwner => "price account not owned by the Pyth receiver program",
            Self::WrongDiscriminator => "account is not a PriceUpdateV2",
            Self::Malformed => "price account is truncated or malformed",
            Self::WrongFeed => "price update is for another feed",
            Self::NotFullyVerified => "price update is only partially verified",
            Self::Stale => "price is older than the maximum age",
            Self::PublishedInFuture => "price is published in the future",
            Self::NonPositivePrice => "price is zero or negative",
            Self::ConfidenceTooWide => "confidence interval is too wide for the price",
            Self::ExponentOutOfRange => "price exponent is out of range",
            Self::Overflow => "price computation overflowed",
        };
        f.write_str(text)
    }
}
