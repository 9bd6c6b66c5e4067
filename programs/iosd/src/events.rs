//! Events of the iosd program, emitted with `emit_cpi!` and carrying post-state values, so the
//! indexer never needs a second fetch. Amounts: `_micros` are IOSD (6 decimals), `_io_base` are
//! IO base units (8 decimals), prices are pico-USD per whole IO.

use anchor_lang::prelude::*;

use io_common::{Pause, Role};

use crate::state::{BreakerSettings, OracleParams, SolvencyState};

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    pub io_mint: Pubkey,
    pub iosd_mint: Pubkey,
    pub io_vault: Pubkey,
    pub feed_id: [u8; 32],
    pub oracle: OracleParams,
    pub breaker: BreakerSettings,
    pub revision: u64,
}

/// A frozen IOSD holder account was opened for `owner`.
#[event]
pub struct HolderOpened {
    pub holder: Pubkey,
    pub owner: Pubkey,
    pub payer: Pubkey,
}

/// IO was committed to the vault and IOSD minted.
#[event]
pub struct IosdMinted {
    pub user: Pubkey,
    pub holder: Pubkey,
    pub io_in_base: u64,
    pub iosd_out_micros: u64,
    /// The mint price used: min(spot, EMA) − k·conf.
    pub price_pico_usd: u128,
    pub holder_balance_micros: u64,
    pub supply_micros: u64,
    pub vault_io_base: u64,
    pub ratio_bps: u64,
    pub state: SolvencyState,
    pub breaker_level_micros: u64,
    pub revision: u64,
}

/// IOSD was burned and IO paid out of the vault.
#[event]
pub struct IosdRedeemed {
    pub owner: Pubkey,
    pub holder: Pubkey,
    pub destination: Pubkey,
    pub iosd_in_micros: u64,
    pub io_out_base: u64,
    /// True when paid in kind (`amount × vault / supply`), without a price.
    pub in_kind: bool,
    /// The redeem price used (max(spot, EMA) + k·conf), or 0 when paid in kind.
    pub price_pico_usd: u128,
    pub holder_balance_micros: u64,
    pub supply_micros: u64,
    pub vault_io_base: u64,
    pub ratio_bps: u64,
    pub state: SolvencyState,
    pub revision: u64,
}

/// An allowed program moved a holder's IOSD into its escrow.
#[event]
pub struct EscrowDeposited {
    pub spender_program: Pubkey,
    pub source: Pubkey,
    pub escrow: Pubkey,
    pub amount_micros: u64,
    pub source_balance_micros: u64,
    pub escrow_balance_micros: u64,
}

/// An allowed program paid IOSD out of its escrow to a holder.
#[event]
pub struct EscrowPaid {
    pub spender_program: Pubkey,
    pub escrow: Pubkey,
    pub destination: Pubkey,
    pub amount_micros: u64,
    pub escrow_balance_micros: u64,
    pub destination_balance_micros: u64,
}

/// An allowed program burned IOSD from its escrow (the burn share of a fee).
#[event]
pub struct EscrowBurned {
    pub spender_program: Pubkey,
    pub escrow: Pubkey,
    pub amount_micros: u64,
    pub escrow_balance_micros: u64,
    pub supply_micros: u64,
    pub burned_total_micros: u64,
    pub revision: u64,
}

/// The solvency state was recomputed by `solvency_refresh`.
#[event]
pub struct SolvencyRefreshed {
    pub state: SolvencyState,
    pub ratio_bps: u64,
    pub ema_pico_usd: u128,
    pub last_price_publish_time: i64,
    pub supply_micros: u64,
    pub vault_io_base: u64,
    pub revision: u64,
}

/// The oracle and solvency parameters changed.
#[event]
pub struct OracleParamsUpdated {
    pub oracle: OracleParams,
    pub revision: u64,
}

/// The breaker's parameters changed.
#[event]
pub struct BreakerUpdated {
    pub breaker: BreakerSettings,
    pub revision: u64,
}

/// A program was added to the spender allow-list.
#[event]
pub struct SpenderAllowed {
    pub program: Pubkey,
    pub signer: Pubkey,
    pub spender_count: u8,
    pub revision: u64,
}

/// A program was removed from the spender allow-list.
#[event]
pub struct SpenderRevoked {
    pub program: Pubkey,
    pub spender_count: u8,
    pub revision: u64,
}

/// The authority proposed the next holder of a role (the default address withdraws).
#[event]
pub struct RoleProposed {
    pub role: Role,
    pub current: Pubkey,
    pub pending: Pubkey,
    pub revision: u64,
}

/// The proposed key accepted its role.
#[event]
pub struct RoleAccepted {
    pub role: Role,
    pub previous: Pubkey,
    pub current: Pubkey,
    pub revision: u64,
}

/// The mint pause changed, by the guardian's bounded pause or the authority's decision.
#[event]
pub struct PauseChanged {
    /// The pause's end and when the guardian may pause again.
    pub pause: Pause,
    pub by: Pubkey,
    pub revision: u64,
}
