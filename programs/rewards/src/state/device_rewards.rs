//! `DeviceRewards`: what a device has been paid of its block rewards. Oracles sign the device's
//! cumulative total off-chain; a claim pays `saturating(agreed total − claimed)`, so a replayed
//! claim pays nothing and nothing is posted per device per hour.

use anchor_lang::prelude::*;

use crate::constants::ACCOUNT_VERSION;
use crate::error::RewardsError;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct DeviceRewards {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    /// The market `Device` account.
    pub device: Pubkey,
    /// IO base units paid over the device's life.
    pub claimed_io_base: u64,
    /// The highest total the oracles agreed on so far.
    pub agreed_total_io_base: u64,
    /// Paid the rent; receives it back when the record closes (after the device is gone).
    pub rent_payer: Pubkey,
    pub reserved: [u8; 16],
}

impl DeviceRewards {
    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(RewardsError::MathOverflow)?;
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            RewardsError::InvariantViolated
        );
        Ok(())
    }
}
