//! `RealmConfig`: roles and parameters of the governance program (one per deployment).

use anchor_lang::prelude::*;

use crate::constants::{ACCOUNT_VERSION, MAX_BPS, MULTIPLIER_ONE_BPS};
use crate::error::GovernanceError;

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct RealmConfig {
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
    /// Seconds a proposal stays open for votes.
    pub voting_period_secs: u32,
    /// Seconds between a proposal passing and its execution (guardian veto window).
    pub hold_up_secs: u32,
    /// Least total voting power that must vote for a proposal to pass.
    pub quorum_power: u64,
    /// Share of yes among yes + no needed to pass, in bps.
    pub approval_threshold_bps: u16,
    /// Voting-power multiplier at full lockup saturation, in bps of 1.0.
    pub max_lockup_multiplier_bps: u32,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl RealmConfig {
    /// The parameter rules, shared by `config_init` and every later parameter change.
    pub fn check_parameters(
        voting_period_secs: u32,
        hold_up_secs: u32,
        quorum_power: u64,
        approval_threshold_bps: u16,
        max_lockup_multiplier_bps: u32,
    ) -> Result<()> {
        require!(voting_period_secs > 0, GovernanceError::VotingPeriodZero);
        require!(hold_up_secs > 0, GovernanceError::HoldUpZero);
        require!(quorum_power > 0, GovernanceError::QuorumZero);
        require!(
            (1..=MAX_BPS).contains(&approval_threshold_bps),
            GovernanceError::ApprovalThresholdOutOfRange
        );
        require!(
            max_lockup_multiplier_bps >= MULTIPLIER_ONE_BPS,
            GovernanceError::LockupMultiplierBelowOne
        );
        Ok(())
    }

    /// Holds after every instruction that writes this account.
    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            GovernanceError::InvariantViolated
        );
        require_keys_neq!(
            self.authority,
            Pubkey::default(),
            GovernanceError::InvariantViolated
        );
        Self::check_parameters(
            self.voting_period_secs,
            self.hold_up_secs,
            self.quorum_power,
            self.approval_threshold_bps,
            self.max_lockup_multiplier_bps,
        )
    }
}
