//! `RewardsConfig`: roles and parameters of the rewards program (one per deployment).

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, MAX_BPS};
use crate::error::RewardsError;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct RewardsConfig {
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
    /// Share of each hour's emission for the enterprise pool, in bps (io.net: 9_500); the rest goes to the community pool.
    pub enterprise_pool_bps: u16,
    /// Unix time at which month 0 of the emission schedule begins.
    pub emission_start_ts: i64,
    /// Length of the payout-cap window, in seconds.
    pub claim_window_secs: u32,
    /// Most IO paid out per window, in IO base units (8 decimals).
    pub claim_window_cap_io_base: u64,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl RewardsConfig {
    /// The parameter rules, shared by `config_init` and every later parameter change.
    pub fn check_parameters(
        enterprise_pool_bps: u16,
        emission_start_ts: i64,
        claim_window_secs: u32,
        claim_window_cap_io_base: u64,
    ) -> Result<()> {
        require!(
            enterprise_pool_bps <= MAX_BPS,
            RewardsError::PoolShareAboveMaximum
        );
        require!(emission_start_ts > 0, RewardsError::EmissionStartUnset);
        require!(
            claim_window_secs > 0 && claim_window_cap_io_base > 0,
            RewardsError::ClaimWindowInvalid
        );
        Ok(())
    }

    /// Holds after every instruction that writes this account.
    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            RewardsError::InvariantViolated
        );
        require_keys_neq!(
            self.authority,
            Pubkey::default(),
            RewardsError::InvariantViolated
        );
        Self::check_parameters(
            self.enterprise_pool_bps,
            self.emission_start_ts,
            self.claim_window_secs,
            self.claim_window_cap_io_base,
        )
    }
}
