//! `Season`: an Ignition airdrop season. Oracles post per-device cumulative inputs per epoch;
//! points accrue on-chain by `io_points`' formula; after the end plus a posting grace anyone
//! finalises, and the pool in the season's vault converts pro rata, vesting linearly; after the
//! clawback deadline the authority sweeps what is left, rounding dust included.

use anchor_lang::prelude::*;
use io_common::MAX_ROLE_KEYS;

use crate::constants::{ACCOUNT_VERSION, MAX_SEASON_CLASSES};
use crate::error::RewardsError;

/// How the season turns inputs into points (`io_points::Formula`, as stored).
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeasonFormula {
    /// Points per GPU-hour of jobs done.
    pub job_weight: u64,
    /// Points per GPU-hour of uptime.
    pub uptime_weight: u64,
    /// Multiplier per bandwidth tier 0..=4, in bps.
    pub bandwidth_multipliers_bps: [u32; 5],
}

impl From<SeasonFormula> for io_points::Formula {
    fn from(formula: SeasonFormula) -> Self {
        Self {
            job_weight: formula.job_weight,
            uptime_weight: formula.uptime_weight,
            bandwidth_multipliers_bps: formula.bandwidth_multipliers_bps,
        }
    }
}

/// A GPU class that counts, with its model multiplier copied from the price book at creation.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct SeasonClass {
    pub class: Pubkey,
    pub multiplier_bps: u32,
}

#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum SeasonState {
    /// Joining and posting.
    Active,
    /// The pool is fixed; devices claim.
    Finalized,
    /// After the clawback: what was left went back to the authority's account.
    Swept,
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct Season {
    pub version: u8,
    pub bump: u8,
    pub vault_bump: u8,
    pub revision: u64,
    /// The config's `seasons_created` at creation (part of the seeds).
    pub index: u32,
    pub start_ts: i64,
    pub end_ts: i64,
    /// Length of an epoch; epoch `e ≥ 1` covers `[start + (e−1)·len, start + e·len)`.
    pub epoch_secs: u32,
    /// Seconds after the end during which oracles may still post.
    pub posting_grace_secs: u32,
    pub formula: SeasonFormula,
    pub classes: [SeasonClass; MAX_SEASON_CLASSES],
    pub class_count: u8,
    /// Linear release of each device's entitlement.
    pub vesting_start_ts: i64,
    pub vesting_end_ts: i64,
    /// From when the authority may sweep what is unclaimed.
    pub clawback_ts: i64,
    /// The keys that post inputs; entries at `oracle_count..` are the default address.
    pub oracles: [Pubkey; MAX_ROLE_KEYS],
    pub oracle_count: u8,
    /// The IO token account holding the pool (owned by this season).
    pub vault: Pubkey,
    pub state: SeasonState,
    /// Points of all devices.
    pub total_points: u64,
    /// Device records open (joined and not closed).
    pub records_open: u32,
    /// The pool, moved into the vault at creation: what converts. IO sent to the vault later
    /// adds nothing to it and goes back with the clawback.
    pub pool_io_base: u64,
    pub claimed_io_base: u64,
    pub swept_io_base: u64,
    /// Paid the rent; receives it back at close.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 32],
}

impl Season {
    pub fn is_oracle(&self, key: &Pubkey) -> bool {
        self.oracles[..usize::from(self.oracle_count).min(MAX_ROLE_KEYS)].contains(key)
    }

    /// The model multiplier of `class`, when the season counts it.
    pub fn class_multiplier(&self, class: &Pubkey) -> Option<u32> {
        self.classes[..usize::from(self.class_count).min(MAX_SEASON_CLASSES)]
            .iter()
            .find(|entry| entry.class == *class)
            .map(|entry| entry.multiplier_bps)
    }

    /// The last epoch inputs may be posted for at `now`: epochs that have ended, and once the
    /// season has ended, its last (possibly partial) epoch. 0 before the first epoch ends.
    pub fn last_postable_epoch(&self, now: i64) -> Result<u32> {
        let len = i64::from(self.epoch_secs);
        let elapsed = now.min(self.end_ts).saturating_sub(self.start_ts).max(0);
        let whole = elapsed.checked_div(len).ok_or(RewardsError::MathOverflow)?;
        let epochs = if now >= self.end_ts && elapsed.checked_rem(len) != Some(0) {
            whole.checked_add(1).ok_or(RewardsError::MathOverflow)?
        } else {
            whole
        };
        u32::try_from(epochs).map_err(|_| error!(RewardsError::MathOverflow))
    }

    /// When epoch `epoch` ends: `start + epoch × len`, at most the season's end.
    pub fn epoch_end(&self, epoch: u32) -> Result<i64> {
        let len = i64::from(self.epoch_secs)
            .checked_mul(i64::from(epoch))
            .ok_or(RewardsError::MathOverflow)?;
        Ok(self
            .start_ts
            .checked_add(len)
            .ok_or(RewardsError::MathOverflow)?
            .min(self.end_ts))
    }

    /// When posting closes and finalising opens: the end plus the posting grace.
    pub fn posting_closes_at(&self) -> Result<i64> {
        self.end_ts
            .checked_add(i64::from(self.posting_grace_secs))
            .ok_or_else(|| error!(RewardsError::MathOverflow))
    }

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
        require!(
            self.start_ts < self.end_ts
                && self.vesting_start_ts <= self.vesting_end_ts
                && self.epoch_secs > 0
                && usize::from(self.class_count) <= MAX_SEASON_CLASSES
                && usize::from(self.oracle_count) <= MAX_ROLE_KEYS
                && self.pool_io_base > 0
                && self.claimed_io_base <= self.pool_io_base,
            RewardsError::InvariantViolated
        );
        Ok(())
    }
}

/// A device's record in a season: its inputs, points and claims. Created by the provider,
/// which pays the rent and gets it back when the record closes.
#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct SeasonDevice {
    pub version: u8,
    pub bump: u8,
    pub revision: u64,
    pub season: Pubkey,
    /// The market's `Device` account.
    pub device: Pubkey,
    /// The market's `Provider` account of the device: its `io_payout` receives the claims.
    pub provider: Pubkey,
    pub gpu_model_bps: u32,
    pub gpu_count: u16,
    /// The last epoch posted (0: none yet).
    pub last_epoch: u32,
    /// The cumulative inputs counted so far.
    pub job_secs: u64,
    pub uptime_secs: u64,
    pub points: u64,
    /// The fraction of a point carried to the next epoch (`io_points::DevicePoints`).
    pub remainder: u64,
    /// Hash of the data the last inputs were computed from (the oracle's evidence).
    pub inputs_hash: [u8; 32],
    pub claimed_io_base: u64,
    /// The provider's owner, who paid the rent.
    pub rent_payer: Pubkey,
    pub reserved: [u8; 16],
}

impl SeasonDevice {
    pub fn counted(&self) -> io_points::DevicePoints {
        io_points::DevicePoints {
            job_secs: self.job_secs,
            uptime_secs: self.uptime_secs,
            points: self.points,
            remainder: self.remainder,
        }
    }

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
        require!(
            u128::from(self.remainder) < io_points::DENOMINATOR,
            RewardsError::InvariantViolated
        );
        Ok(())
    }
}
