//! `Provider`: a GPU owner, where its payouts go, and how many devices it has.

use anchor_lang::prelude::*;

use crate::constants::ACCOUNT_VERSION;
use crate::error::MarketError;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Provider {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    /// Signs for the provider and its devices.
    pub owner: Pubkey,
    /// IO token account that receives IO payouts.
    pub io_payout: Pubkey,
    /// Owner of the IOSD holder account that receives IOSD payouts.
    pub iosd_payout_owner: Pubkey,
    /// IOSD micros earned by settlements and not yet claimed (held in the market's escrow).
    pub earned_iosd_micros: u64,
    /// IOSD micros claimed over the provider's life.
    pub claimed_iosd_micros: u64,
    /// IO base units earned by settlements of IO leases and not yet claimed (held in the
    /// market's lease vault).
    pub earned_io_base: u64,
    /// IO base units claimed over the provider's life.
    pub claimed_io_base: u64,
    /// Devices currently registered.
    pub device_count: u32,
    /// The next device's index (part of its seeds). It starts at the config's count of devices
    /// ever registered, so no device address (nor any lease, slash or reward record keyed by
    /// one) ever comes back after this provider closes and registers again.
    pub devices_created: u32,
    /// Paid the rent; receives it back at close.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

impl Provider {
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
            self.device_count <= self.devices_created,
            MarketError::InvariantViolated
        );
        Ok(())
    }
}
