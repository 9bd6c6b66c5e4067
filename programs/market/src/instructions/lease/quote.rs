//! The IO quote an IO-funded lease locks at open: iosd's configured Pyth IO/USD feed, checked
//! with iosd's oracle parameters (pinned feed, full verification, maximum age), valued at the
//! mint price `min(spot, EMA) − k·conf`. IO coming in is valued low, as when it buys IOSD, so a
//! renter choosing the most favourable of several valid updates still cannot buy GPU time below
//! the conservative price. Each refusal is its own `MarketError::Quote*`.

use anchor_lang::prelude::*;
use io_oracle::{CheckedPrice, PriceUpdate};
use iosd::state::IosdConfig;

use crate::error::MarketError;

/// The quote in pico-USD per IO from `price_update`, read with `iosd_config`'s parameters at
/// `now`.
pub fn io_quote(iosd_config: &AccountInfo, price_update: &AccountInfo, now: i64) -> Result<u64> {
    require_keys_eq!(
        *iosd_config.owner,
        iosd::ID,
        MarketError::IosdConfigMismatch
    );
    require_keys_eq!(
        iosd_config.key(),
        iosd::constants::CONFIG_PDA.0,
        MarketError::IosdConfigMismatch
    );
    let config = IosdConfig::try_deserialize(&mut &iosd_config.try_borrow_data()?[..])
        .map_err(|_| error!(MarketError::IosdConfigMismatch))?;

    let data = price_update.try_borrow_data()?;
    let update = PriceUpdate::decode(price_update.owner, &data).map_err(MarketError::from)?;
    let message = update
        .checked_message(&config.feed_id, now, config.oracle.max_price_age_secs)
        .map_err(MarketError::from)?;
    let price = CheckedPrice::new(message)
        .and_then(|price| price.mint_price(config.oracle.confidence_multiplier_bps))
        .map_err(MarketError::from)?;
    u64::try_from(price.0).map_err(|_| error!(MarketError::MathOverflow))
}
