//! Event fields as JSON: pubkeys in base58, integers as numbers (exact in `jsonb`).

use anchor_lang::prelude::Pubkey;
use serde_json::Value;

/// A field type an event may carry.
pub(crate) trait JsonField {
    fn json(&self) -> Value;
}

impl JsonField for Pubkey {
    fn json(&self) -> Value {
        Value::String(self.to_string())
    }
}

macro_rules! number_field {
    ($($ty:ty),*) => {
        $(impl JsonField for $ty {
            fn json(&self) -> Value {
                Value::from(*self)
            }
        })*
    };
}

number_field!(bool, u8, u16, u32, u64, i8, i16, i32, i64);

impl<const N: usize> JsonField for [u8; N] {
    fn json(&self) -> Value {
        Value::String(self.iter().map(|byte| format!("{byte:02x}")).collect())
    }
}
