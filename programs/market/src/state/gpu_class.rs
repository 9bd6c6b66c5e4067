//! `GpuClass`: one entry of the GPU price book. One table drives a device's price, stake
//! requirement and reward weight.

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, MAX_MULTIPLIER_BPS};
use crate::error::MarketError;

/// The pool a GPU class belongs to.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pool {
    Enterprise,
    Community,
    Unsupported,
}

/// What the authority sets on a class.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct GpuClassTerms {
    /// USD per GPU-hour, in micros.
    pub usd_per_gpu_hour_micros: u64,
    /// Earning and stake multiplier, fixed point in bps (10_000 = 1.0, at most 10×).
    pub multiplier_bps: u32,
    pub pool: Pool,
}

impl GpuClassTerms {
    pub fn check(&self) -> Result<()> {
        require!(self.usd_per_gpu_hour_micros > 0, MarketError::GpuPriceZero);
        require!(
            (1..=MAX_MULTIPLIER_BPS).contains(&self.multiplier_bps),
            MarketError::MultiplierOutOfRange
        );
        Ok(())
    }
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct GpuClass {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    /// The class name, e.g. `H100-80GB-SXM`, zero-padded to 32 bytes (part of the seeds).
    pub name: [u8; 32],
    pub terms: GpuClassTerms,
    /// Retired classes take no new devices and can be closed once no device uses them.
    pub retired: bool,
    /// Devices registered with this class.
    pub device_count: u32,
    /// Paid the rent; receives it back at close.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

impl GpuClass {
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
        require!(self.name != [0; 32], MarketError::InvariantViolated);
        self.terms.check()
    }
}
