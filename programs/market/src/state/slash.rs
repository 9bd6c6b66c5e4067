//! `Slash`: stake a slasher moved into the appeal escrow, waiting for the authority's decision or
//! the deadline's default outcome (upheld).

use anchor_lang::prelude::*;

use crate::constants::ACCOUNT_VERSION;
use crate::error::MarketError;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Slash {
    pub version: u8,
    pub bump: u8,
    pub device: Pubkey,
    pub nonce: u64,
    /// IO base units in the escrow.
    pub amount_io_base: u64,
    /// Hash of the off-chain evidence (reports, logs) the slasher relies on.
    pub evidence_hash: [u8; 32],
    pub slasher: Pubkey,
    pub opened_at: i64,
    /// After this, anyone may finalise with the default outcome: upheld.
    pub deadline: i64,
    /// The slasher, who paid the rent and gets it back when the slash is decided.
    pub rent_payer: Pubkey,
}

impl Slash {
    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            MarketError::InvariantViolated
        );
        require!(
            self.amount_io_base > 0 && self.deadline > self.opened_at,
            MarketError::InvariantViolated
        );
        Ok(())
    }
}
