//! `GovernanceConfig`: roles, parameters and totals of the governance program (one per deployment).

use anchor_lang::prelude::*;

use io_common::{Role, RoleSlot};

use crate::constants::{
    ACCOUNT_VERSION, MAX_BPS, MAX_LOCKUP_SECS, MAX_MULTIPLIER_BPS, MAX_PERIOD_SECS,
    MAX_VETO_BUDGET, MAX_VETO_WINDOW_SECS, MIN_VETO_WINDOW_SECS, MULTIPLIER_ONE_BPS,
};
use crate::error::GovernanceError;

/// The parameters the authority (the governance PDA itself, on a real deployment) sets.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct GovernanceParams {
    /// Seconds a proposal stays open for votes once signed off.
    pub voting_period_secs: u32,
    /// Seconds between the end of the vote and execution: the guardian's veto window.
    pub hold_up_secs: u32,
    /// Least voting power (yes + no + abstain) for a proposal to pass.
    pub quorum_power: u64,
    /// Share of yes among yes + no needed to pass, in bps.
    pub approval_threshold_bps: u16,
    /// Voting-power multiplier at full lockup saturation, in bps of 1.0.
    pub max_lockup_multiplier_bps: u32,
    /// Remaining lockup at which the multiplier saturates, in seconds.
    pub lockup_saturation_secs: u32,
    /// Longest lockup a position may take, in seconds.
    pub max_lockup_secs: u32,
    /// Least voting power a position needs to create a proposal.
    pub proposal_threshold_power: u64,
    /// Lamports a proposal's creator deposits, refunded when the proposal closes.
    pub proposal_deposit_lamports: u64,
    /// Vetoes the guardian may cast per `veto_window_secs` (an `io_limits` bucket that refills
    /// linearly): enough to stop an attack, never enough to block its own replacement for ever.
    pub veto_budget: u8,
    pub veto_window_secs: u32,
}

impl GovernanceParams {
    /// The parameter rules, shared by `config_init` and `params_set`.
    pub fn check(&self) -> Result<()> {
        require!(
            (1..=MAX_PERIOD_SECS).contains(&self.voting_period_secs),
            GovernanceError::VotingPeriodZero
        );
        require!(
            (1..=MAX_PERIOD_SECS).contains(&self.hold_up_secs),
            GovernanceError::HoldUpZero
        );
        require!(self.quorum_power > 0, GovernanceError::QuorumZero);
        require!(
            (1..=MAX_BPS).contains(&self.approval_threshold_bps),
            GovernanceError::ApprovalThresholdOutOfRange
        );
        require!(
            (MULTIPLIER_ONE_BPS..=MAX_MULTIPLIER_BPS).contains(&self.max_lockup_multiplier_bps),
            GovernanceError::LockupMultiplierBelowOne
        );
        require!(
            self.lockup_saturation_secs > 0
                && (self.lockup_saturation_secs..=MAX_LOCKUP_SECS).contains(&self.max_lockup_secs),
            GovernanceError::LockupRangeInvalid
        );
        require!(
            (1..=MAX_VETO_BUDGET).contains(&self.veto_budget)
                && (MIN_VETO_WINDOW_SECS..=MAX_VETO_WINDOW_SECS).contains(&self.veto_window_secs),
            GovernanceError::VetoBudgetInvalid
        );
        Ok(())
    }
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct GovernanceConfig {
    /// Layout version (`ACCOUNT_VERSION`).
    pub version: u8,
    /// Bumps of the config, the vault and the governance PDA, stored so checks never search.
    pub bump: u8,
    pub vault_bump: u8,
    pub governance_bump: u8,
    /// Bumped on every mutation; the indexer orders updates by (slot, revision).
    pub revision: u64,
    /// Changes the parameters: the governance PDA on a real deployment.
    pub authority: Pubkey,
    /// The proposed next authority, until it accepts (default address: none).
    pub pending_authority: Pubkey,
    /// May veto a proposal from its sign-off to the end of its hold-up, within its veto budget
    /// (default address: none).
    pub guardian: Pubkey,
    /// The proposed next guardian, and from when it may accept: one hold-up after the proposal
    /// (at least a day), so the guardian it replaces can still veto what is already under way.
    pub pending_guardian: Pubkey,
    pub pending_guardian_ready_at: i64,
    /// Paid the rent of this account and receives it back if it is ever closed.
    pub rent_payer: Pubkey,
    /// The IO token, locked for voting power.
    pub io_mint: Pubkey,
    /// The token account holding every position's IO (owned by this config).
    pub vault: Pubkey,
    pub params: GovernanceParams,
    /// IO locked in all positions: the vault holds at least this.
    pub locked_total: u64,
    pub positions_open: u64,
    /// Proposals ever created: the next proposal's index (part of its seeds).
    pub proposals_created: u64,
    /// The guardian's veto bucket: vetoes cast recently, and when it last moved.
    pub veto_bucket: u64,
    pub veto_bucket_updated_at: i64,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl GovernanceConfig {
    /// The governance PDA: the signer of executed proposals (a compile-time constant; the
    /// stored bump must be its bump).
    pub fn governance_address(&self) -> Result<Pubkey> {
        require_eq!(
            self.governance_bump,
            crate::constants::GOVERNANCE_PDA.1,
            GovernanceError::InvariantViolated
        );
        Ok(crate::constants::GOVERNANCE_PDA.0)
    }

    /// The current and pending keys of `role`.
    pub fn role_slot(&mut self, role: Role) -> RoleSlot<'_> {
        match role {
            Role::Authority => RoleSlot {
                current: &mut self.authority,
                pending: &mut self.pending_authority,
            },
            Role::Guardian => RoleSlot {
                current: &mut self.guardian,
                pending: &mut self.pending_guardian,
            },
        }
    }

    /// Moves the revision forward; every instruction that writes the config calls it once.
    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(GovernanceError::MathOverflow)?;
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
        self.params.check()
    }
}
