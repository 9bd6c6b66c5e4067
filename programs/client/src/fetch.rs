//! Reading program accounts with their owner and discriminator checked.

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AccountDeserialize, Owner};

/// The raw state of one account, as any source reports it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawAccount {
    pub owner: Pubkey,
    pub lamports: u64,
    pub data: Vec<u8>,
}

/// Anything accounts can be read from: an SVM in tests, an RPC endpoint, a database mirror.
pub trait AccountSource {
    /// The account at `address`, or `None` when it does not exist.
    fn raw_account(&self, address: &Pubkey) -> Result<Option<RawAccount>, FetchError>;
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("account {address} does not exist")]
    NotFound { address: Pubkey },
    #[error("account {address} is owned by {actual}, expected {expected}")]
    WrongOwner {
        address: Pubkey,
        expected: Pubkey,
        actual: Pubkey,
    },
    #[error("account {address} is not a valid {type_name}: {reason}")]
    Malformed {
        address: Pubkey,
        type_name: &'static str,
        reason: String,
    },
    #[error("the account source failed: {0}")]
    Source(String),
}

/// Reads the account at `address` as a `T`, checking that `T`'s program owns it and that its
/// discriminator matches.
pub fn fetch<T: AccountDeserialize + Owner>(
    source: &impl AccountSource,
    address: &Pubkey,
) -> Result<T, FetchError> {
    let account = source
        .raw_account(address)?
        .ok_or(FetchError::NotFound { address: *address })?;
    decode(address, &account)
}

/// Decodes an account already read, with the same checks as [`fetch`].
pub fn decode<T: AccountDeserialize + Owner>(
    address: &Pubkey,
    account: &RawAccount,
) -> Result<T, FetchError> {
    if account.owner != T::owner() {
        return Err(FetchError::WrongOwner {
            address: *address,
            expected: T::owner(),
            actual: account.owner,
        });
    }
    T::try_deserialize(&mut account.data.as_slice()).map_err(|error| FetchError::Malformed {
        address: *address,
        type_name: std::any::type_name::<T>(),
        reason: error.to_string(),
    })
}
