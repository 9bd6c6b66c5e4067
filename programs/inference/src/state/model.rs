//! `Model`: a registered model, its price and how each payment for it is split.

use anchor_lang::prelude::*;
use io_common::BPS_DENOMINATOR;

use crate::constants::ACCOUNT_VERSION;
use crate::error::InferenceError;

/// The token a model is paid in.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Currency {
    /// IOSD micros (1 IOSD = 1 USD).
    Iosd,
    /// IO base units.
    Io,
}

/// Where each payment goes, in basis points adding up to 10_000.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct RevenueSplit {
    pub model_owner_bps: u16,
    pub provider_bps: u16,
    pub burn_bps: u16,
}

/// What the owner sets; a session copies it at open, so a change applies to new sessions only.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct ModelTerms {
    pub currency: Currency,
    /// Price of one request, in the currency's base units.
    pub price_per_request: u64,
    /// Price of 1000 tokens, in the currency's base units.
    pub price_per_1k_tokens: u64,
    pub split: RevenueSplit,
}

impl ModelTerms {
    pub fn check(&self) -> Result<()> {
        require!(
            self.price_per_request > 0 || self.price_per_1k_tokens > 0,
            InferenceError::ModelPriceZero
        );
        let split = self.split;
        let total = u32::from(split.model_owner_bps)
            .checked_add(u32::from(split.provider_bps))
            .and_then(|sum| sum.checked_add(u32::from(split.burn_bps)));
        require!(
            total == Some(u32::from(BPS_DENOMINATOR)),
            InferenceError::SplitNotWhole
        );
        Ok(())
    }
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Model {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    /// Registers, reprices, pauses, retires and closes the model; receives the owner's share.
    pub owner: Pubkey,
    /// The owner's identifier for the model (part of the seeds).
    pub model_id: [u8; 32],
    /// Hash of the model's weights or manifest, so users know what they pay for.
    pub content_hash: [u8; 32],
    pub terms: ModelTerms,
    /// Paused models take no new sessions or direct payments; unpausing resumes them.
    pub paused: bool,
    /// Retired models take nothing new and can be closed once no session is open.
    pub retired: bool,
    pub open_sessions: u32,
    /// Paid the rent; receives it back at close.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

impl Model {
    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(InferenceError::MathOverflow)?;
        Ok(())
    }

    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            InferenceError::InvariantViolated
        );
        require!(
            self.model_id != [0; 32] && self.content_hash != [0; 32],
            InferenceError::InvariantViolated
        );
        self.terms.check()
    }
}
