//! Reading the market program's accounts (devices, providers, GPU classes) that rewards
//! instructions name: owner checked, discriminator and layout checked by the market's own
//! types, each refusal `NotAMarketAccount`.

use anchor_lang::prelude::*;
use anchor_lang::{AccountDeserialize, Discriminator};

use crate::error::RewardsError;

/// `info` as the market account type `T`.
pub fn read<T: AccountDeserialize + Discriminator>(info: &AccountInfo) -> Result<T> {
    require_keys_eq!(*info.owner, market::ID, RewardsError::NotAMarketAccount);
    let data = info.try_borrow_data()?;
    T::try_deserialize(&mut &data[..]).map_err(|_| error!(RewardsError::NotAMarketAccount))
}
