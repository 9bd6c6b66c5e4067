//! `Model`: a registered model, its price and how each payment for it is split.

use anchor_lang::prelude::*;
use io_common::{BPS_DENOMINATOR, Currency};

use crate::constants::ACCOUNT_VERSION;
use crate::error::InferenceError;

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
    /// What `requests` requests and `tokens` tokens cost, rounded up (a fraction of a base unit
    /// is charged as one): `requests × price_per_request + ⌈tokens × price_per_1k_tokens / 1000⌉`.
    pub fn price_of(&self, requests: u64, tokens: u64) -> Result<u64> {
        let per_requests = u128::from(requests)
            .checked_mul(u128::from(self.price_per_request))
            .ok_or(InferenceError::MathOverflow)?;
        let per_tokens = u128::from(tokens)
            .checked_mul(u128::from(self.price_per_1k_tokens))
            .ok_or(InferenceError::MathOverflow)?
            .div_ceil(u128::from(crate::constants::TOKENS_PER_PRICE_UNIT));
        let total = per_requests
            .checked_add(per_tokens)
            .ok_or(InferenceError::MathOverflow)?;
        u64::try_from(total).map_err(|_| error!(InferenceError::MathOverflow))
    }

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
    /// The next session's nonce (part of its seeds). It starts at the config's count of
    /// sessions ever opened, so no session address comes back after the model closes and is
    /// registered again.
    pub sessions_created: u64,
    /// The owner's share of payments, credited and not yet claimed (held in this program's
    /// escrows), per currency.
    pub earned_iosd_micros: u64,
    pub earned_io_base: u64,
    /// Claimed over the model's life, per currency.
    pub claimed_iosd_micros: u64,
    pub claimed_io_base: u64,
    /// Paid the rent; receives it back at close.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

impl Model {
    /// The owner's unclaimed share in `currency`.
    pub fn earned_mut(&mut self, currency: Currency) -> &mut u64 {
        match currency {
            Currency::Iosd => &mut self.earned_iosd_micros,
            Currency::Io => &mut self.earned_io_base,
        }
    }

    /// Takes new sessions and direct payments: neither paused nor retired.
    pub fn require_open(&self) -> Result<()> {
        require!(!self.retired, InferenceError::ModelRetired);
        require!(!self.paused, InferenceError::ModelPaused);
        Ok(())
    }

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
