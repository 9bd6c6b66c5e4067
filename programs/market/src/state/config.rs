//! `MarketConfig`: roles and parameters of the market program (one per deployment).

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, MAX_BPS};
use crate::error::MarketError;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct MarketConfig {
    /// Layout version (`ACCOUNT_VERSION`).
    pub version: u8,
    /// Bump of the config PDA, stored so later checks never search for it.
    pub bump: u8,
    /// Bumped on every mutation; the indexer orders updates by (slot, revision).
    pub revision: u64,
    /// Changes parameters and key sets; the governance PDA on a real deployment.
    pub authority: Pubkey,
    /// The proposed next authority, until it accepts (default address: none).
    pub pending_authority: Pubkey,
    /// May pause an instruction class for a bounded time (default address: none).
    pub guardian: Pubkey,
    /// Paid the rent of this account and receives it back if it is ever closed.
    pub rent_payer: Pubkey,
    /// Reservation fee charged to the renter at lease open, in bps (io.net: 25).
    pub reservation_fee_bps: u16,
    /// Fee withheld from each provider payout, in bps (io.net: 25).
    pub provider_fee_bps: u16,
    /// Share of protocol revenue that is burned, in bps.
    pub burn_share_bps: u16,
    /// IO staked per GPU before the class multiplier, in IO base units (8 decimals).
    pub stake_per_gpu_io_base: u64,
    /// Seconds between an unstake request and the withdrawal (default 14 days).
    pub unstake_cooldown_secs: u32,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl MarketConfig {
    /// The parameter rules, shared by `config_init` and every later parameter change.
    pub fn check_parameters(
        reservation_fee_bps: u16,
        provider_fee_bps: u16,
        burn_share_bps: u16,
        stake_per_gpu_io_base: u64,
        unstake_cooldown_secs: u32,
    ) -> Result<()> {
        require!(
            reservation_fee_bps <= MAX_BPS
                && provider_fee_bps <= MAX_BPS
                && burn_share_bps <= MAX_BPS,
            MarketError::FeeAboveMaximum
        );
        require!(stake_per_gpu_io_base > 0, MarketError::StakePerGpuZero);
        require!(unstake_cooldown_secs > 0, MarketError::CooldownZero);
        Ok(())
    }

    /// Holds after every instruction that writes this account.
    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            MarketError::InvariantViolated
        );
        require_keys_neq!(
            self.authority,
            Pubkey::default(),
            MarketError::InvariantViolated
        );
        Self::check_parameters(
            self.reservation_fee_bps,
            self.provider_fee_bps,
            self.burn_share_bps,
            self.stake_per_gpu_io_base,
            self.unstake_cooldown_secs,
        )
    }
}
