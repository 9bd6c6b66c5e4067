//! Pyth `PriceUpdateV2` contents for the local network and the tests: the localnet IO/USD feed's
//! messages and fully verified updates carrying them, encoded with `io-oracle`'s layout. On a
//! real cluster the Pyth receiver writes these accounts; locally something must.

use anchor_lang::prelude::Pubkey;
use io_oracle::{PriceFeedMessage, PriceUpdate, VerificationLevel};

use crate::defaults::LOCALNET_IO_USD_FEED_ID;

/// Exponent of Pyth's USD crypto feeds.
pub const PRICE_EXPONENT: i32 = -8;

/// A message of the localnet IO/USD feed: `usd_e8` spot and EMA (× 10⁻⁸ USD), `conf_e8`
/// confidence on both, published at `publish_time`.
pub fn io_usd(usd_e8: i64, conf_e8: u64, publish_time: i64) -> PriceFeedMessage {
    PriceFeedMessage {
        feed_id: LOCALNET_IO_USD_FEED_ID,
        price: usd_e8,
        conf: conf_e8,
        exponent: PRICE_EXPONENT,
        publish_time,
        prev_publish_time: publish_time.saturating_sub(1),
        ema_price: usd_e8,
        ema_conf: conf_e8,
    }
}

/// A fully verified update carrying `message`.
pub fn verified(message: PriceFeedMessage) -> PriceUpdate {
    PriceUpdate {
        write_authority: Pubkey::new_from_array([7; 32]),
        verification_level: VerificationLevel::Full,
        message,
        posted_slot: 1,
    }
}
