//! Pyth `PriceUpdateV2` fixtures: accounts with the real layout (encoded by `io-oracle`), owned by
//! the Pyth receiver program, written straight into the SVM as the receiver would leave them.

use anchor_lang::prelude::Pubkey;
use io_oracle::price_update::PYTH_RECEIVER_PROGRAM_ID;
use io_oracle::{PriceFeedMessage, PriceUpdate};
use solana_account::Account;

use crate::TestContext;

pub use io_client::prices::{PRICE_EXPONENT, io_usd, verified};

impl TestContext {
    /// Writes `update` at `address`, owned by `owner` (the Pyth receiver for a genuine one).
    pub fn write_price_update_owned(
        &mut self,
        address: &Pubkey,
        update: &PriceUpdate,
        owner: Pubkey,
    ) {
        self.write_raw_price(address, update.encode(), owner);
    }

    /// Writes arbitrary bytes at `address`, owned by `owner`: a corrupted or truncated update.
    pub fn write_raw_price(&mut self, address: &Pubkey, data: Vec<u8>, owner: Pubkey) {
        let lamports = self.svm.minimum_balance_for_rent_exemption(data.len());
        let account = Account {
            lamports,
            data,
            owner,
            executable: false,
            rent_epoch: 0,
        };
        self.svm
            .set_account(*address, account)
            .expect("price account written");
    }

    /// Writes a fully verified update of `message` at `address`, as the Pyth receiver would.
    pub fn write_price(&mut self, address: &Pubkey, message: PriceFeedMessage) {
        self.write_price_update_owned(address, &verified(message), PYTH_RECEIVER_PROGRAM_ID);
    }

    /// A new price account holding `message`, fully verified.
    pub fn new_price(&mut self, message: PriceFeedMessage) -> Pubkey {
        let address = Pubkey::new_unique();
        self.write_price(&address, message);
        address
    }

    /// A new price account with IO at `usd_e8` (× 10⁻⁸ USD), confidence `conf_e8`, published now.
    pub fn io_price_now(&mut self, usd_e8: i64, conf_e8: u64) -> Pubkey {
        let now = self.now();
        self.new_price(io_usd(usd_e8, conf_e8, now))
    }
}
