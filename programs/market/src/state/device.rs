//! `Device`: GPUs of one class offered by a provider, with the IO staked against them.
//!
//! Stake conservation, per device: `deposited = staked + cooling + escrowed + slashed +
//! withdrawn`, checked by `invariant()` after every mutation.

use anchor_lang::prelude::*;

use crate::constants::{
    ACCOUNT_VERSION, MAX_BANDWIDTH_TIER, MAX_GPUS_PER_DEVICE, MULTIPLIER_ONE_BPS,
};
use crate::error::MarketError;

/// A device's IO stake, in base units.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct DeviceStake {
    /// Counts toward the requirement.
    pub staked: u64,
    /// Requested out: does not count, still slashable, withdrawable at `cooldown_ends_at`.
    pub cooling: u64,
    pub cooldown_ends_at: i64,
    /// In the slash escrow.
    pub escrowed: u64,
    /// Lifetime totals.
    pub deposited: u64,
    pub slashed: u64,
    pub withdrawn: u64,
}

impl DeviceStake {
    /// Everything a slash may take from: staked and cooling.
    pub fn slashable(&self) -> Result<u64> {
        self.staked
            .checked_add(self.cooling)
            .ok_or_else(|| error!(MarketError::MathOverflow))
    }

    /// `deposited = staked + cooling + escrowed + slashed + withdrawn`.
    pub fn conserved(&self) -> bool {
        [self.cooling, self.escrowed, self.slashed, self.withdrawn]
            .into_iter()
            .try_fold(self.staked, u64::checked_add)
            == Some(self.deposited)
    }
}

/// What the owner declares at registration.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeviceSpec {
    /// GPUs in the device (1..=64).
    pub gpu_count: u16,
    /// Bandwidth tier (0..=4).
    pub bandwidth_tier: u8,
    /// Region code (ISO 3166-1 numeric country code, or 0 for unknown).
    pub region: u16,
    /// The key the device signs usage reports with; rotatable by the owner.
    pub device_key: Pubkey,
}

impl DeviceSpec {
    pub fn check(&self) -> Result<()> {
        require!(
            (1..=MAX_GPUS_PER_DEVICE).contains(&self.gpu_count),
            MarketError::GpuCountOutOfRange
        );
        require!(
            self.bandwidth_tier <= MAX_BANDWIDTH_TIER,
            MarketError::BandwidthTierOutOfRange
        );
        require_keys_neq!(
            self.device_key,
            Pubkey::default(),
            MarketError::DeviceKeyUnset
        );
        Ok(())
    }
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Device {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    pub provider: Pubkey,
    /// Index under the provider (part of the seeds).
    pub index: u32,
    /// The device's `GpuClass` account.
    pub gpu_class: Pubkey,
    pub gpu_count: u16,
    pub bandwidth_tier: u8,
    pub region: u16,
    pub device_key: Pubkey,
    /// Offered for new leases.
    pub available: bool,
    /// GPUs taken by open leases (≤ `gpu_count`).
    pub gpus_leased: u16,
    /// Leases open on this device; unstaking waits until there are none.
    pub open_leases: u32,
    pub stake: DeviceStake,
    /// An open slash (at most one at a time), and how many were ever opened (its seeds).
    pub slash_open: bool,
    pub slash_nonce: u64,
    /// Leases ever opened on this device: the next lease's nonce (part of its seeds).
    pub leases_created: u64,
    /// Paid the rent; receives it back at close.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

/// IO a device of `gpu_count` GPUs with class multiplier `multiplier_bps` must stake:
/// `per_gpu × max(1, multiplier) × gpu_count`, rounded up.
pub fn required_stake(per_gpu: u64, multiplier_bps: u32, gpu_count: u16) -> Result<u64> {
    let multiplier = u128::from(multiplier_bps.max(MULTIPLIER_ONE_BPS));
    let total = u128::from(per_gpu)
        .checked_mul(multiplier)
        .and_then(|v| v.checked_mul(u128::from(gpu_count)))
        .ok_or(MarketError::MathOverflow)?
        .div_ceil(u128::from(MULTIPLIER_ONE_BPS));
    u64::try_from(total).map_err(|_| error!(MarketError::MathOverflow))
}

impl Device {
    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            MarketError::InvariantViolated
        );
        require!(
            self.gpus_leased <= self.gpu_count && self.stake.conserved(),
            MarketError::InvariantViolated
        );
        require!(
            self.slash_open || self.stake.escrowed == 0,
            MarketError::InvariantViolated
        );
        Ok(())
    }
}
