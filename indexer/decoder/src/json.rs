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

/// Enums by variant name.
macro_rules! debug_name_field {
    ($($ty:ty),*) => {
        $(impl JsonField for $ty {
            fn json(&self) -> Value {
                Value::String(format!("{self:?}"))
            }
        })*
    };
}

debug_name_field!(
    iosd::state::SolvencyState,
    io_common::Role,
    market::KeySet,
    market::PauseClass,
    io_common::Currency,
    market::events::SkipReason,
    governance::ProposalState,
    governance::VoteChoice,
    rewards::RewardPool
);

impl JsonField for Vec<Pubkey> {
    fn json(&self) -> Value {
        Value::Array(self.iter().map(JsonField::json).collect())
    }
}

impl JsonField for rewards::SeasonFormula {
    fn json(&self) -> Value {
        serde_json::json!({
            "job_weight": self.job_weight,
            "uptime_weight": self.uptime_weight,
            "bandwidth_multipliers_bps": self.bandwidth_multipliers_bps,
        })
    }
}

impl JsonField for governance::GovernanceParams {
    fn json(&self) -> Value {
        serde_json::json!({
            "voting_period_secs": self.voting_period_secs,
            "hold_up_secs": self.hold_up_secs,
            "quorum_power": self.quorum_power,
            "approval_threshold_bps": self.approval_threshold_bps,
            "max_lockup_multiplier_bps": self.max_lockup_multiplier_bps,
            "lockup_saturation_secs": self.lockup_saturation_secs,
            "max_lockup_secs": self.max_lockup_secs,
            "proposal_threshold_power": self.proposal_threshold_power,
            "proposal_deposit_lamports": self.proposal_deposit_lamports,
            "veto_budget": self.veto_budget,
            "veto_window_secs": self.veto_window_secs,
        })
    }
}

impl JsonField for io_common::Pause {
    fn json(&self) -> Value {
        serde_json::json!({
            "paused_until": self.paused_until,
            "guardian_ready_at": self.guardian_ready_at,
        })
    }
}

impl JsonField for io_common::EscrowTotals {
    fn json(&self) -> Value {
        serde_json::json!({
            "iosd_micros": self.iosd_micros,
            "io_base": self.io_base,
        })
    }
}

impl JsonField for io_common::AccruedFees {
    fn json(&self) -> Value {
        serde_json::json!({
            "burn": self.burn.json(),
            "treasury": self.treasury.json(),
        })
    }
}

impl JsonField for market::events::LeaseSettlement {
    fn json(&self) -> Value {
        serde_json::json!({
            "lease": self.lease.json(),
            "currency": self.currency.json(),
            "cumulative_gpu_secs": self.cumulative_gpu_secs,
            "paid": self.paid,
            "to_provider": self.to_provider,
            "fee": self.fee,
            "burned": self.burned,
            "total_paid": self.total_paid,
            "remaining": self.remaining,
            "paused": self.paused,
            "revision": self.revision,
        })
    }
}

impl JsonField for Vec<market::events::LeaseSettlement> {
    fn json(&self) -> Value {
        Value::Array(self.iter().map(JsonField::json).collect())
    }
}

impl JsonField for Vec<market::events::LeaseSkip> {
    fn json(&self) -> Value {
        Value::Array(
            self.iter()
                .map(|skip| {
                    serde_json::json!({
                        "lease": skip.lease.json(),
                        "cumulative_gpu_secs": skip.cumulative_gpu_secs,
                        "reason": skip.reason.json(),
                    })
                })
                .collect(),
        )
    }
}

impl JsonField for market::MarketParams {
    fn json(&self) -> Value {
        serde_json::json!({
            "reservation_fee_bps": self.reservation_fee_bps,
            "provider_fee_bps": self.provider_fee_bps,
            "burn_share_bps": self.burn_share_bps,
            "stake_per_gpu_io_base": self.stake_per_gpu_io_base,
            "unstake_cooldown_secs": self.unstake_cooldown_secs,
            "max_slash_bps": self.max_slash_bps,
            "appeal_window_secs": self.appeal_window_secs,
            "min_lease_deposit_usd_micros": self.min_lease_deposit_usd_micros,
            "min_runway_secs": self.min_runway_secs,
            "pause_timeout_secs": self.pause_timeout_secs,
            "close_grace_secs": self.close_grace_secs,
            "payout_window_secs": self.payout_window_secs,
            "payout_window_cap_usd_micros": self.payout_window_cap_usd_micros,
            "max_pause_hours": self.max_pause_hours,
        })
    }
}

impl JsonField for market::GpuClassTerms {
    fn json(&self) -> Value {
        serde_json::json!({
            "usd_per_gpu_hour_micros": self.usd_per_gpu_hour_micros,
            "multiplier_bps": self.multiplier_bps,
            "pool": format!("{:?}", self.pool),
        })
    }
}

impl JsonField for market::state::DeviceStake {
    fn json(&self) -> Value {
        serde_json::json!({
            "staked": self.staked,
            "cooling": self.cooling,
            "cooldown_ends_at": self.cooldown_ends_at,
            "escrowed": self.escrowed,
            "deposited": self.deposited,
            "slashed": self.slashed,
            "withdrawn": self.withdrawn,
        })
    }
}

impl JsonField for market::state::StakeTotals {
    fn json(&self) -> Value {
        serde_json::json!({
            "staked_io_base": self.staked_io_base,
            "cooling_io_base": self.cooling_io_base,
            "escrowed_io_base": self.escrowed_io_base,
            "slashed_io_base": self.slashed_io_base,
            "withdrawn_io_base": self.withdrawn_io_base,
        })
    }
}

impl JsonField for inference::ModelTerms {
    fn json(&self) -> Value {
        serde_json::json!({
            "currency": format!("{:?}", self.currency),
            "price_per_request": self.price_per_request,
            "price_per_1k_tokens": self.price_per_1k_tokens,
            "model_owner_bps": self.split.model_owner_bps,
            "provider_bps": self.split.provider_bps,
            "burn_bps": self.split.burn_bps,
        })
    }
}
