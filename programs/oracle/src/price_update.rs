//! Decoding and checking a Pyth `PriceUpdateV2` account.
//!
//! Layout (Anchor account of the Pyth receiver program, borsh):
//! `discriminator[8] ‖ write_authority[32] ‖ verification_level ‖ price_message ‖ posted_slot u64`,
//! where `verification_level` is `0 ‖ num_signatures u8` (partial) or `1` (full), and
//! `price_message` is `feed_id[32] ‖ price i64 ‖ conf u64 ‖ exponent i32 ‖ publish_time i64 ‖
//! prev_publish_time i64 ‖ ema_price i64 ‖ ema_conf u64`. The account is allocated for the larger
//! (partial) variant, so a fully verified update ends with one unused byte.

use anchor_lang::prelude::{Pubkey, pubkey};

use crate::OracleError;

/// The Pyth Solana receiver program, owner of every genuine price update account.
pub const PYTH_RECEIVER_PROGRAM_ID: Pubkey = pubkey!("rec5EKMGg6MxZYaMdyBfgwp4d5rB9T1VQH5pJv5LtFJ");

/// `sha256("account:PriceUpdateV2")[..8]`.
pub const PRICE_UPDATE_V2_DISCRIMINATOR: [u8; 8] = [34, 241, 35, 99, 157, 126, 244, 205];

/// Size the receiver allocates for a `PriceUpdateV2` account.
pub const PRICE_UPDATE_V2_LEN: usize = 8 + 32 + 2 + 84 + 8;

/// How many Wormhole guardian signatures were checked when the update was posted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerificationLevel {
    Partial { num_signatures: u8 },
    Full,
}

/// A Pyth price as published, in the feed's own fixed point (`value × 10^exponent` USD).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceFeedMessage {
    pub feed_id: [u8; 32],
    pub price: i64,
    pub conf: u64,
    pub exponent: i32,
    /// Unix seconds.
    pub publish_time: i64,
    pub prev_publish_time: i64,
    pub ema_price: i64,
    pub ema_conf: u64,
}

/// A decoded `PriceUpdateV2` account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PriceUpdate {
    pub write_authority: Pubkey,
    pub verification_level: VerificationLevel,
    pub message: PriceFeedMessage,
    pub posted_slot: u64,
}

/// Clock drift tolerated between the publisher and the cluster, in seconds.
pub const MAX_FUTURE_PUBLISH_SECS: i64 = 10;

/// Reads fixed-size fields from the front of a byte slice.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], OracleError> {
        let (head, rest) = self
            .0
            .split_first_chunk::<N>()
            .ok_or(OracleError::Malformed)?;
        self.0 = rest;
        Ok(*head)
    }
}

impl PriceUpdate {
    /// Decodes the account data of a price update owned by `owner`.
    pub fn decode(owner: &Pubkey, data: &[u8]) -> Result<Self, OracleError> {
        if *owner != PYTH_RECEIVER_PROGRAM_ID {
            return Err(OracleError::WrongOwner);
        }
        let mut reader = Reader(data);
        if reader
            .take::<8>()
            .map_err(|_| OracleError::WrongDiscriminator)?
            != PRICE_UPDATE_V2_DISCRIMINATOR
        {
            return Err(OracleError::WrongDiscriminator);
        }
        let write_authority = Pubkey::new_from_array(reader.take::<32>()?);
        let verification_level = match reader.take::<1>()? {
            [0] => VerificationLevel::Partial {
                num_signatures: reader.take::<1>()?[0],
            },
            [1] => VerificationLevel::Full,
            _ => return Err(OracleError::Malformed),
        };
        let message = PriceFeedMessage {
            feed_id: reader.take::<32>()?,
            price: i64::from_le_bytes(reader.take()?),
            conf: u64::from_le_bytes(reader.take()?),
            exponent: i32::from_le_bytes(reader.take()?),
            publish_time: i64::from_le_bytes(reader.take()?),
            prev_publish_time: i64::from_le_bytes(reader.take()?),
            ema_price: i64::from_le_bytes(reader.take()?),
            ema_conf: u64::from_le_bytes(reader.take()?),
        };
        let posted_slot = u64::from_le_bytes(reader.take()?);
        Ok(Self {
            write_authority,
            verification_level,
            message,
            posted_slot,
        })
    }

    /// The message after every consumer check: the configured feed, full verification, published
    /// at most `max_age_secs` before `now` (and not in the future), positive spot and EMA prices,
    /// an exponent in −18..=0.
    pub fn checked_message(
        &self,
        feed_id: &[u8; 32],
        now: i64,
        max_age_secs: u32,
    ) -> Result<PriceFeedMessage, OracleError> {
        let message = self.message;
        if message.feed_id != *feed_id {
            return Err(OracleError::WrongFeed);
        }
        if self.verification_level != VerificationLevel::Full {
            return Err(OracleError::NotFullyVerified);
        }
        let age = now
            .checked_sub(message.publish_time)
            .ok_or(OracleError::Overflow)?;
        if age
            < MAX_FUTURE_PUBLISH_SECS
                .checked_neg()
                .ok_or(OracleError::Overflow)?
        {
            return Err(OracleError::PublishedInFuture);
        }
        if age > i64::from(max_age_secs) {
            return Err(OracleError::Stale);
        }
        if message.price <= 0 || message.ema_price <= 0 {
            return Err(OracleError::NonPositivePrice);
        }
        if !(-18..=0).contains(&message.exponent) {
            return Err(OracleError::ExponentOutOfRange);
        }
        Ok(message)
    }

    /// The bytes of this update as the receiver program stores them (for fixtures and tests).
    pub fn encode(&self) -> Vec<u8> {
        let mut data = Vec::with_capacity(PRICE_UPDATE_V2_LEN);
        data.extend_from_slice(&PRICE_UPDATE_V2_DISCRIMINATOR);
        data.extend_from_slice(self.write_authority.as_ref());
        match self.verification_level {
            VerificationLevel::Partial { num_signatures } => {
                data.extend_from_slice(&[0, num_signatures])
            }
            VerificationLevel::Full => data.push(1),
        }
        let m = &self.message;
        data.extend_from_slice(&m.feed_id);
        data.extend_from_slice(&m.price.to_le_bytes());
        data.extend_from_slice(&m.conf.to_le_bytes());
        data.extend_from_slice(&m.exponent.to_le_bytes());
        data.extend_from_slice(&m.publish_time.to_le_bytes());
        data.extend_from_slice(&m.prev_publish_time.to_le_bytes());
        data.extend_from_slice(&m.ema_price.to_le_bytes());
        data.extend_from_slice(&m.ema_conf.to_le_bytes());
        data.extend_from_slice(&self.posted_slot.to_le_bytes());
        data.resize(PRICE_UPDATE_V2_LEN, 0);
        data
    }
}
