//! `market`: renters pay providers for GPU time in IO or IOSD through escrowed leases settled
//! from usage reported by settlers; providers register devices and stake IO against them.
//!
//! - configuration with two-step roles, settler and slasher sets and guardian pauses;
//! - the GPU price book; providers and devices; stake sized to capacity with an unstake
//!   cooldown; slashing into an appeal escrow;
//! - leases funded in IOSD or in IO at an oracle quote locked at open: open, top up, settle
//!   cumulative usage (single, or up to 32 per transaction) under an outflow cap, runway pause,
//!   two-phase close; settlements credit the provider's earnings in the lease's currency, which
//!   `provider_claim` (IOSD, or `provider_claim_io` redeemed to IO) and
//!   `provider_claim_io_earnings` (IO) pay out, and accrue the fees, which `fees_sweep` burns
//!   and pays to the treasury.
//!
//! Accounts of the larger instructions are `Box<Account<…>>`: on SBF (SBPF v0) a stack frame is
//! 4 KiB, and Anchor's account validation of those instructions would not fit in one
//! (`scripts/sbf-build.sh` names any function that does not).

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod math;
pub mod state;

pub use instructions::*;
pub use state::{
    Currency, DeviceSpec, GpuClassTerms, KeySet, MarketParams, Pause, PauseClass, Pool, Role,
};

declare_id!("DRWW3B26BEshhifYZdx2cKtJ7ETjXKVPXyt8pbYvKPE5");

#[program]
pub mod market {
    use super::*;

    /// Creates the configuration, the stake vault and the slash escrow. Only the deployer fixed
    /// at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }

    /// Authority: changes the parameters.
    pub fn params_set(ctx: Context<AuthorityChange>, params: MarketParams) -> Result<()> {
        instructions::admin::params_set::handle(ctx, params)
    }

    /// Authority: proposes the next authority or guardian.
    pub fn role_propose(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
        instructions::admin::role_propose::handle(ctx, role, pending)
    }

    /// The proposed key accepts its role.
    pub fn role_accept(ctx: Context<RoleAccept>, role: Role) -> Result<()> {
        RoleAccept::handle(ctx, role)
    }

    /// Authority: adds a settler or a slasher.
    pub fn key_set_add(ctx: Context<AuthorityChange>, set: KeySet, key: Pubkey) -> Result<()> {
        instructions::admin::key_set_add::handle(ctx, set, key)
    }

    /// Authority: removes a settler or a slasher.
    pub fn key_set_remove(ctx: Context<AuthorityChange>, set: KeySet, key: Pubkey) -> Result<()> {
        instructions::admin::key_set_remove::handle(ctx, set, key)
    }

    /// Guardian: pauses an instruction class for at most `max_pause_hours`.
    pub fn guardian_pause(
        ctx: Context<GuardianPause>,
        class: PauseClass,
        hours: u32,
    ) -> Result<()> {
        GuardianPause::handle(ctx, class, hours)
    }

    /// Authority: sets a class's pause end (0 lifts it).
    pub fn pause_set(
        ctx: Context<AuthorityChange>,
        class: PauseClass,
        paused_until: i64,
    ) -> Result<()> {
        instructions::admin::pause_set::handle(ctx, class, paused_until)
    }

    /// Authority: adds a GPU class to the price book.
    pub fn gpu_class_create(
        ctx: Context<GpuClassCreate>,
        name: [u8; 32],
        terms: GpuClassTerms,
    ) -> Result<()> {
        GpuClassCreate::handle(ctx, name, terms)
    }

    /// Authority: changes a GPU class's price, multiplier or pool.
    pub fn gpu_class_update(ctx: Context<GpuClassChange>, terms: GpuClassTerms) -> Result<()> {
        instructions::price_book::gpu_class_update::handle(ctx, terms)
    }

    /// Authority: retires a GPU class (no new devices).
    pub fn gpu_class_retire(ctx: Context<GpuClassChange>) -> Result<()> {
        instructions::price_book::gpu_class_retire::handle(ctx)
    }

    /// Authority: closes a retired, unused GPU class.
    pub fn gpu_class_close(ctx: Context<GpuClassClose>) -> Result<()> {
        GpuClassClose::handle(ctx)
    }

    /// Registers the signer as a provider.
    pub fn provider_register(
        ctx: Context<ProviderRegister>,
        iosd_payout_owner: Pubkey,
    ) -> Result<()> {
        ProviderRegister::handle(ctx, iosd_payout_owner)
    }

    /// Provider owner: changes the payout accounts.
    pub fn provider_update(ctx: Context<ProviderUpdate>, iosd_payout_owner: Pubkey) -> Result<()> {
        ProviderUpdate::handle(ctx, iosd_payout_owner)
    }

    /// Provider owner: claims the IOSD earned by settlements.
    pub fn provider_claim(ctx: Context<ProviderClaim>) -> Result<()> {
        ProviderClaim::handle(ctx)
    }

    /// Provider owner: claims the IOSD earned by settlements as IO (redeemed through iosd into
    /// the registered IO payout account), refusing less than `min_io_out_base`.
    pub fn provider_claim_io(ctx: Context<ProviderClaimIo>, min_io_out_base: u64) -> Result<()> {
        ProviderClaimIo::handle(ctx, min_io_out_base)
    }

    /// Provider owner: claims the IO earned by settlements of IO-funded leases into the
    /// registered IO payout account.
    pub fn provider_claim_io_earnings(ctx: Context<ProviderClaimIoEarnings>) -> Result<()> {
        ProviderClaimIoEarnings::handle(ctx)
    }

    /// Provider owner: closes a provider without devices or unclaimed earnings.
    pub fn provider_close(ctx: Context<ProviderClose>) -> Result<()> {
        ProviderClose::handle(ctx)
    }

    /// Provider owner: registers a device.
    pub fn device_register(ctx: Context<DeviceRegister>, spec: DeviceSpec) -> Result<()> {
        DeviceRegister::handle(ctx, spec)
    }

    /// Provider owner: rotates a device's signing key.
    pub fn device_rotate_key(ctx: Context<DeviceChange>, device_key: Pubkey) -> Result<()> {
        instructions::device::device_rotate_key::handle(ctx, device_key)
    }

    /// Provider owner: offers a device for leases (needs its stake) or withdraws it.
    pub fn device_set_available(ctx: Context<DeviceChange>, available: bool) -> Result<()> {
        instructions::device::device_set_available::handle(ctx, available)
    }

    /// Provider owner: closes an empty device.
    pub fn device_close(ctx: Context<DeviceClose>) -> Result<()> {
        DeviceClose::handle(ctx)
    }

    /// Provider owner: stakes IO against a device.
    pub fn stake_deposit(ctx: Context<StakeMove>, amount_io_base: u64) -> Result<()> {
        instructions::stake::stake_deposit::handle(ctx, amount_io_base)
    }

    /// Provider owner: moves stake into cooldown.
    pub fn unstake_request(ctx: Context<UnstakeRequest>, amount_io_base: u64) -> Result<()> {
        UnstakeRequest::handle(ctx, amount_io_base)
    }

    /// Provider owner: withdraws everything cooling once the cooldown is over.
    pub fn stake_withdraw(ctx: Context<StakeMove>) -> Result<()> {
        instructions::stake::stake_withdraw::handle(ctx)
    }

    /// Slasher: moves a capped share of a device's stake into the appeal escrow.
    pub fn slash_open(
        ctx: Context<SlashOpen>,
        amount_io_base: u64,
        evidence_hash: [u8; 32],
    ) -> Result<()> {
        SlashOpen::handle(ctx, amount_io_base, evidence_hash)
    }

    /// Authority: upholds a slash (escrow to the treasury).
    pub fn slash_uphold(ctx: Context<SlashDecide>) -> Result<()> {
        instructions::slash::slash_uphold::handle(ctx)
    }

    /// Authority: reverses a slash (escrow back to the stake).
    pub fn slash_reverse(ctx: Context<SlashDecide>) -> Result<()> {
        instructions::slash::slash_reverse::handle(ctx)
    }

    /// Renter: opens a lease on an available device, funded in IOSD or in IO at a quote locked
    /// now.
    pub fn lease_open(ctx: Context<LeaseOpen>, args: LeaseOpenArgs) -> Result<()> {
        LeaseOpen::handle(ctx, args)
    }

    /// Renter: adds funds to a lease in its currency (resumes a paused one with enough runway).
    pub fn lease_top_up(ctx: Context<LeaseTopUp>, amount: u64) -> Result<()> {
        LeaseTopUp::handle(ctx, amount)
    }

    /// Settler: settles a lease's cumulative GPU-seconds.
    pub fn lease_settle(ctx: Context<LeaseSettle>, cumulative_gpu_secs: u64) -> Result<()> {
        LeaseSettle::handle(ctx, cumulative_gpu_secs)
    }

    /// Settler: settles up to 32 leases (remaining accounts: lease and provider per lease),
    /// skipping closed, closing and stale ones with an event.
    pub fn lease_settle_batch<'info>(
        ctx: Context<'info, LeaseSettleBatch<'info>>,
        cumulatives: Vec<u64>,
    ) -> Result<()> {
        LeaseSettleBatch::handle(ctx, cumulatives)
    }

    /// Anyone: burns the burn share of the fees accrued in `currency` and pays the rest to the
    /// treasury.
    pub fn fees_sweep(ctx: Context<FeesSweep>, currency: Currency) -> Result<()> {
        FeesSweep::handle(ctx, currency)
    }

    /// Renter or provider: requests the close (usage stops; settlement during the grace).
    pub fn lease_close_request(ctx: Context<LeaseCloseRequest>) -> Result<()> {
        LeaseCloseRequest::handle(ctx)
    }

    /// Anyone, after the close grace or the pause timeout: refunds and closes the lease.
    pub fn lease_finalize(ctx: Context<LeaseFinalize>) -> Result<()> {
        LeaseFinalize::handle(ctx)
    }

    /// Anyone, after the appeal deadline: upholds the slash by default.
    pub fn slash_finalize(ctx: Context<SlashDecide>) -> Result<()> {
        instructions::slash::slash_finalize::handle(ctx)
    }
}
