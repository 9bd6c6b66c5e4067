//! Events of the market program, emitted with `emit_cpi!` and carrying post-state values, so the
//! indexer never needs a second fetch. IO amounts are base units (8 decimals), IOSD amounts
//! micros (6 decimals); a lease's amounts are in its currency's base units.

use anchor_lang::prelude::*;

use crate::state::{
    AccruedFees, Currency, DeviceStake, EscrowTotals, GpuClassTerms, KeySet, MarketParams, Pause,
    PauseClass, Role, StakeTotals,
};

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    pub io_mint: Pubkey,
    pub iosd_mint: Pubkey,
    pub treasury: Pubkey,
    pub stake_vault: Pubkey,
    pub slash_escrow: Pubkey,
    pub lease_vault: Pubkey,
    pub params: MarketParams,
    pub revision: u64,
}

/// The parameters changed.
#[event]
pub struct ParamsUpdated {
    pub params: MarketParams,
    pub revision: u64,
}

/// A role change was proposed (the default address withdraws a proposal).
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

/// A key joined or left a key set.
#[event]
pub struct KeySetChanged {
    pub set: KeySet,
    pub key: Pubkey,
    pub added: bool,
    pub count: u8,
    pub revision: u64,
}

/// An instruction class's pause changed: its end (0: lifted) and when the guardian may pause it
/// again.
#[event]
pub struct PauseChanged {
    pub class: PauseClass,
    pub pause: Pause,
    pub by: Pubkey,
    pub revision: u64,
}

/// A GPU class was created or its terms changed.
#[event]
pub struct GpuClassSet {
    pub gpu_class: Pubkey,
    pub name: [u8; 32],
    pub terms: GpuClassTerms,
    pub created: bool,
    pub revision: u64,
}

/// A GPU class was retired (no new devices).
#[event]
pub struct GpuClassRetired {
    pub gpu_class: Pubkey,
    pub device_count: u32,
    pub revision: u64,
}

/// A retired, unused GPU class was closed; its rent went back to the payer.
#[event]
pub struct GpuClassClosed {
    pub gpu_class: Pubkey,
    pub rent_payer: Pubkey,
}

/// A provider registered or changed its payout accounts.
#[event]
pub struct ProviderSet {
    pub provider: Pubkey,
    pub owner: Pubkey,
    pub io_payout: Pubkey,
    pub iosd_payout_owner: Pubkey,
    pub created: bool,
    pub provider_count: u32,
    pub revision: u64,
}

/// A provider without devices closed its account.
#[event]
pub struct ProviderClosed {
    pub provider: Pubkey,
    pub provider_count: u32,
}

/// A device was registered.
#[event]
pub struct DeviceRegistered {
    pub device: Pubkey,
    pub provider: Pubkey,
    pub index: u32,
    pub gpu_class: Pubkey,
    pub gpu_count: u16,
    pub bandwidth_tier: u8,
    pub region: u16,
    pub device_key: Pubkey,
    pub required_stake_io_base: u64,
    pub device_count: u32,
}

/// A device's key, or its availability, changed.
#[event]
pub struct DeviceUpdated {
    pub device: Pubkey,
    pub device_key: Pubkey,
    pub available: bool,
    pub revision: u64,
}

/// An empty device was closed; its rent went back to the payer.
#[event]
pub struct DeviceClosed {
    pub device: Pubkey,
    pub provider: Pubkey,
    pub device_count: u32,
}

/// A device's stake moved (deposit, unstake request, withdrawal). Post-state of the device and
/// of the whole market.
#[event]
pub struct StakeChanged {
    pub device: Pubkey,
    pub deposited_io_base: u64,
    pub requested_io_base: u64,
    pub withdrawn_io_base: u64,
    pub stake: DeviceStake,
    pub required_stake_io_base: u64,
    pub totals: StakeTotals,
    pub revision: u64,
}

/// A slasher moved stake into the appeal escrow.
#[event]
pub struct SlashOpened {
    pub slash: Pubkey,
    pub device: Pubkey,
    pub slasher: Pubkey,
    pub amount_io_base: u64,
    pub evidence_hash: [u8; 32],
    pub deadline: i64,
    pub stake: DeviceStake,
    pub totals: StakeTotals,
}

/// A slash was decided: upheld (to the treasury) or reversed (back to the stake), by the
/// authority or, at the deadline, by default (upheld).
#[event]
pub struct SlashDecided {
    pub slash: Pubkey,
    pub device: Pubkey,
    pub amount_io_base: u64,
    pub upheld: bool,
    pub by_default: bool,
    pub stake: DeviceStake,
    pub totals: StakeTotals,
}

/// A lease opened: k GPUs at a locked rate, funded in IOSD or in IO at a locked quote.
#[event]
pub struct LeaseOpened {
    pub lease: Pubkey,
    pub renter: Pubkey,
    pub device: Pubkey,
    pub currency: Currency,
    /// IO leases: the locked IO price in pico-USD per IO (0 for IOSD).
    pub quote_pico_usd_per_io: u64,
    pub gpu_count: u16,
    pub rate_usd_per_gpu_hour_micros: u64,
    /// In escrow for the lease, net of the reservation fee.
    pub deposited: u64,
    pub reservation_fee: u64,
    /// The reservation fee's share to burn; the fee stays in escrow, accrued in the config,
    /// until `fees_sweep` burns this share and pays the rest to the treasury.
    pub burned: u64,
    pub runway_secs: u64,
    /// The device's GPUs taken by leases, and the market's open leases, after the open.
    pub gpus_leased: u16,
    pub open_leases: u32,
    pub escrowed: EscrowTotals,
}

/// The renter added funds to a lease, in its currency.
#[event]
pub struct LeaseToppedUp {
    pub lease: Pubkey,
    pub amount: u64,
    pub deposited: u64,
    pub remaining: u64,
    pub paused: bool,
    pub escrowed: EscrowTotals,
    pub revision: u64,
}

/// A settler settled a lease's cumulative usage.
#[event]
pub struct LeaseSettled {
    pub settler: Pubkey,
    pub settlement: LeaseSettlement,
    /// The settlement outflow bucket after this settlement, in USD micros.
    pub payout_bucket_usd_micros: u64,
}

/// The renter or the provider requested the close.
#[event]
pub struct LeaseCloseRequested {
    pub lease: Pubkey,
    pub requester: Pubkey,
    pub close_requested_at: i64,
    /// The lease's totals when usage stopped.
    pub total_paid: u64,
    pub remaining: u64,
    pub settled_gpu_secs: u64,
    pub revision: u64,
}

/// A lease was finalised: refunded, GPUs released, account closed.
#[event]
pub struct LeaseFinalized {
    pub lease: Pubkey,
    pub currency: Currency,
    pub refund: u64,
    pub total_paid: u64,
    pub provider_paid: u64,
    pub fees: u64,
    /// Closed because it stayed paused past the pause timeout, not by a close request.
    pub timed_out: bool,
    pub gpus_leased: u16,
    pub open_leases: u32,
    pub escrowed: EscrowTotals,
}

/// Why a batch skipped a lease.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// The lease account is gone (finalised) or not a lease.
    Closed,
    /// Past its close grace: only finalising remains.
    Closing,
    /// The report is not above what was settled (a replay or an older report).
    Stale,
}

/// A lease a batch skipped instead of failing the whole transaction.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaseSkip {
    pub lease: Pubkey,
    pub cumulative_gpu_secs: u64,
    pub reason: SkipReason,
}

/// What one settlement did to one lease, in the lease's currency: in `LeaseSettled` alone, and
/// per lease in `LeaseBatchSettled`.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaseSettlement {
    pub lease: Pubkey,
    pub currency: Currency,
    pub cumulative_gpu_secs: u64,
    /// Taken from the lease by this settlement: the provider's part plus the fee.
    pub paid: u64,
    /// Credited to the provider's earnings (claimed with `provider_claim` or
    /// `provider_claim_io_earnings`).
    pub to_provider: u64,
    /// The provider fee taken, accrued in the config until `fees_sweep` moves it.
    pub fee: u64,
    /// The fee's share to burn (burned by the next `fees_sweep`; the rest goes to the treasury).
    pub burned: u64,
    pub total_paid: u64,
    pub remaining: u64,
    /// Whether the lease is paused after this settlement (low runway).
    pub paused: bool,
    pub revision: u64,
}

/// A settler settled a batch: one event for the whole batch (an event is a CPI, about 3,000
/// compute units each), with every lease settled and every lease skipped, in the batch's order.
#[event]
pub struct LeaseBatchSettled {
    pub settler: Pubkey,
    pub settled: Vec<LeaseSettlement>,
    pub skipped: Vec<LeaseSkip>,
    /// The settlement outflow bucket after the batch, in USD micros.
    pub payout_bucket_usd_micros: u64,
}

/// A provider claimed the IO its IO leases earned, into its registered IO payout account.
#[event]
pub struct ProviderClaimedIo {
    pub provider: Pubkey,
    pub destination: Pubkey,
    pub amount_io_base: u64,
    pub claimed_total_io_base: u64,
    pub escrowed: EscrowTotals,
    pub revision: u64,
}

/// A provider claimed its settled IOSD earnings, as IOSD or redeemed to IO.
#[event]
pub struct ProviderClaimed {
    pub provider: Pubkey,
    /// The IOSD holder, or the IO account when redeemed.
    pub destination: Pubkey,
    pub amount_micros: u64,
    /// IO paid when redeemed (0 for an IOSD claim).
    pub io_out_base: u64,
    pub claimed_total_micros: u64,
    pub escrowed: EscrowTotals,
    pub revision: u64,
}

/// Anyone swept the fees accrued in one currency: the burn share burned and the rest paid to the
/// treasury (its IOSD holder for IOSD, the treasury IO account for IO).
#[event]
pub struct FeesSwept {
    pub sweeper: Pubkey,
    pub currency: Currency,
    pub burned: u64,
    pub to_treasury: u64,
    pub treasury: Pubkey,
    pub treasury_holder: Pubkey,
    /// Fees still accrued (the other currency's) and the lifetime totals swept, after this sweep.
    pub accrued: AccruedFees,
    pub lifetime: AccruedFees,
    pub revision: u64,
}
