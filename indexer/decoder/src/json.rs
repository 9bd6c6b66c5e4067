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

/// u128 amounts (prices in pico-USD) as decimal strings: JSON numbers lose precision past 2⁵³.
impl JsonField for u128 {
    fn json(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl JsonField for iosd::state::SolvencyState {
    fn json(&self) -> Value {
        Value::String(format!("{self:?}"))
    }
}

impl JsonField for iosd::OracleParams {
    fn json(&self) -> Value {
        serde_json::json!({
            "max_price_age_secs": self.max_price_age_secs,
            "oracle_halt_after_secs": self.oracle_halt_after_secs,
            "confidence_multiplier_bps": self.confidence_multiplier_bps,
            "warning_ratio_bps": self.warning_ratio_bps,
            "mint_halt_ratio_bps": self.mint_halt_ratio_bps,
        })
    }
}

impl JsonField for iosd::BreakerSettings {
    fn json(&self) -> Value {
        serde_json::json!({
            "window_secs": self.window_secs,
            "cap_absolute_micros": self.cap_absolute_micros,
            "cap_supply_bps": self.cap_supply_bps,
        })
    }
}
