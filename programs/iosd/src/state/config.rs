//! `IosdConfig`: roles and parameters of the iosd program (one per deployment).

use anchor_lang::prelude::*;

use crate::constants::{
    ACCOUNT_VERSION, COLLATERAL_RATIO_ONE_BPS, MAX_CONFIDENCE_MULTIPLIER_BPS,
    MAX_MINT_PRICE_AGE_SECS,
};
use crate::error::IosdError;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct IosdConfig {
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
    /// Oldest a price may be when minting, in seconds (1..=60).
    pub max_price_age_secs: u32,
    /// `k` in `price ± k·conf`, in basis points of one confidence interval.
    pub confidence_multiplier_bps: u32,
    /// Collateral ratio below which the protocol is in the warning state, in bps of 1.0.
    pub warning_ratio_bps: u16,
    /// Collateral ratio below which minting halts, in bps of 1.0.
    pub mint_halt_ratio_bps: u16,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl IosdConfig {
    /// The parameter rules, shared by `config_init` and every later parameter change.
    pub fn check_parameters(
        max_price_age_secs: u32,
        confidence_multiplier_bps: u32,
        warning_ratio_bps: u16,
        mint_halt_ratio_bps: u16,
    ) -> Result<()> {
        require!(
            (1..=MAX_MINT_PRICE_AGE_SECS).contains(&max_price_age_secs),
            IosdError::MaxPriceAgeOutOfRange
        );
        require!(
            confidence_multiplier_bps <= MAX_CONFIDENCE_MULTIPLIER_BPS,
            IosdError::ConfidenceMultiplierTooLarge
        );
        require!(
            0 < mint_halt_ratio_bps
                && mint_halt_ratio_bps < warning_ratio_bps
                && warning_ratio_bps <= COLLATERAL_RATIO_ONE_BPS,
            IosdError::CollateralThresholdsInvalid
        );
        Ok(())
    }

    /// Holds after every instruction that writes this account.
    pub fn invariant(&self) -> Result<()> {
        require_eq!(self.version, ACCOUNT_VERSION, IosdError::InvariantViolated);
        require_keys_neq!(
            self.authority,
            Pubkey::default(),
            IosdError::InvariantViolated
        );
        Self::check_parameters(
            self.max_price_age_secs,
            self.confidence_multiplier_bps,
            self.warning_ratio_bps,
            self.mint_halt_ratio_bps,
        )
    }
}
