//! `Session`: a user's prepaid escrow for one model served by one provider, settled from
//! receipts its session key signs for cumulative amounts.
//!
//! Every amount is in the session currency's base units (the model's at open). After every
//! instruction `settled = min(owed, funded)`: a receipt above the funding pays what is funded
//! and the rest as soon as a top-up arrives. `settled = to_provider + burned + to_owner`, each
//! part a function of `settled` alone ([`split_totals`]), so rounding never compounds.

use anchor_lang::prelude::*;
use io_common::BPS_DENOMINATOR;

use crate::constants::ACCOUNT_VERSION;
use crate::error::InferenceError;
use crate::state::{ModelTerms, RevenueSplit};

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Session {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    /// Funded the session, may top it up and request its close; receives the refund.
    pub user: Pubkey,
    pub model: Pubkey,
    /// The model's `sessions_created` at open (part of the seeds).
    pub nonce: u64,
    /// The ed25519 key whose receipts this session pays.
    pub session_key: Pubkey,
    /// The serving provider's token account for its share, fixed at open.
    pub provider_payout: Pubkey,
    /// The model's terms at open: a later change applies to new sessions only.
    pub terms: ModelTerms,
    /// Put in escrow over the session's life.
    pub funded: u64,
    /// The highest cumulative amount a verified receipt has claimed.
    pub owed: u64,
    /// The highest sequence among accepted receipts (0: none yet); informational: receipts are
    /// ordered by their cumulative amount.
    pub sequence: u64,
    /// Paid out of the funding so far: `min(owed, funded)`.
    pub settled: u64,
    pub to_provider: u64,
    pub burned: u64,
    /// Credited to the model owner's earnings.
    pub to_owner: u64,
    pub opened_at: i64,
    /// When the latest receipt was accepted (0: none yet).
    pub last_receipt_at: i64,
    /// The last open, top-up or accepted receipt: after the config's idle time without one,
    /// anyone may request the close.
    pub last_active_at: i64,
    /// When the user requested the close (0: not requested); top-ups stop then.
    pub close_requested_at: i64,
    /// The user, who paid the rent.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

/// The split of a cumulative `settled` amount: `(to_provider, burned, to_owner)`, the first
/// two rounded down and the owner taking the remainder, so the parts always add up.
pub fn split_totals(settled: u64, split: &RevenueSplit) -> Result<(u64, u64, u64)> {
    let part = |bps: u16| -> Result<u64> {
        let value = u128::from(settled)
            .checked_mul(u128::from(bps))
            .ok_or(InferenceError::MathOverflow)?
            .checked_div(u128::from(BPS_DENOMINATOR))
            .ok_or(InferenceError::MathOverflow)?;
        u64::try_from(value).map_err(|_| error!(InferenceError::MathOverflow))
    };
    let to_provider = part(split.provider_bps)?;
    let burned = part(split.burn_bps)?;
    let to_owner = settled
        .checked_sub(to_provider)
        .and_then(|rest| rest.checked_sub(burned))
        .ok_or(InferenceError::InvariantViolated)?;
    Ok((to_provider, burned, to_owner))
}

impl Session {
    /// Unspent funding, refunded at the close.
    pub fn remaining(&self) -> Result<u64> {
        self.funded
            .checked_sub(self.settled)
            .ok_or_else(|| error!(InferenceError::InvariantViolated))
    }

    /// When anyone may finalise a session whose close was requested: the timeout after the
    /// request. The deadline does not move with later receipts, or a provider could postpone
    /// the refund for as long as it holds receipts to drip; it has the whole timeout to submit
    /// its latest one.
    pub fn closable_at(&self, timeout_secs: u32) -> Result<Option<i64>> {
        if self.close_requested_at == 0 {
            return Ok(None);
        }
        Ok(Some(
            self.close_requested_at
                .checked_add(i64::from(timeout_secs))
                .ok_or(InferenceError::MathOverflow)?,
        ))
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
        let parts = split_totals(self.settled, &self.terms.split)?;
        require!(
            self.settled == self.owed.min(self.funded)
                && parts == (self.to_provider, self.burned, self.to_owner)
                && self.session_key != Pubkey::default(),
            InferenceError::InvariantViolated
        );
        Ok(())
    }
}
