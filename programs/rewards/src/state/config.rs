//! `RewardsConfig`: roles and parameters of the rewards program (one per deployment).

use anchor_lang::prelude::*;

use io_common::{MAX_ROLE_KEYS, Pause, Role, RoleSlot};

use crate::constants::{ACCOUNT_VERSION, MAX_BPS};
use crate::error::RewardsError;

/// The emission pool a device's block rewards come from, by its GPU class's pool.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum RewardPool {
    Enterprise,
    Community,
}

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
    /// May pause block-reward claims for a bounded time (a compromised oracle set, while the
    /// authority replaces it), then waits as long before pausing again (default address: none).
    pub guardian: Pubkey,
    /// The proposed next guardian, until it accepts (default address: none).
    pub pending_guardian: Pubkey,
    /// Paid the rent of this account and receives it back if it is ever closed.
    pub rent_payer: Pubkey,
    /// Share of each hour's emission for the enterprise pool, in bps (io.net: 9_500); the rest goes to the community pool.
    pub enterprise_pool_bps: u16,
    /// Unix time at which month 0 of the emission schedule begins.
    pub emission_start_ts: i64,
    /// Length of the payout-cap window, in seconds: a full cap drains over this long.
    pub claim_window_secs: u32,
    /// Most IO paid out per window, in IO base units (8 decimals): an `io_limits` bucket that
    /// drains linearly, so no burst across a window edge passes twice the cap.
    pub claim_window_cap_io_base: u64,
    /// The cluster's genesis hash, part of every oracle total: signatures for another cluster
    /// never verify here.
    pub genesis_hash: [u8; 32],
    /// The IO token (classic SPL Token, 8 decimals), which every reward is paid in.
    pub io_mint: Pubkey,
    /// Seasons ever created: the next season's index (part of its seeds).
    pub seasons_created: u32,
    /// The block-reward vault (an IO token account owned by this config), pre-funded: the
    /// programs never mint IO.
    pub reward_vault: Pubkey,
    pub reward_vault_bump: u8,
    /// The keys that sign devices' cumulative block-reward totals; entries at
    /// `oracle_count..` are the default address. A claim needs ⌊N/2⌋+1 of them.
    pub oracles: [Pubkey; MAX_ROLE_KEYS],
    pub oracle_count: u8,
    /// Bumped whenever the oracle set changes: signatures over an older version are refused.
    pub oracle_version: u32,
    /// Block rewards claimed over all time, per pool (enterprise, community): each stays at
    /// most that pool's share of `emitted(now)`.
    pub claimed_enterprise_io_base: u64,
    pub claimed_community_io_base: u64,
    /// The claim outflow bucket: IO claimed recently, and when it last moved.
    pub claim_bucket_io_base: u64,
    pub claim_bucket_updated_at: i64,
    /// The guardian's pause of `rewards_claim`; season claims are never paused.
    pub claim_pause: Pause,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl RewardsConfig {
    /// The active oracle keys.
    pub fn oracle_keys(&self) -> &[Pubkey] {
        &self.oracles[..usize::from(self.oracle_count).min(MAX_ROLE_KEYS)]
    }

    /// What a claim may still pay from `pool` at `now`: that pool's share of `emitted(now)`
    /// (the enterprise share rounded down, the community pool the rest) less what it paid.
    pub fn emission_headroom(&self, pool: RewardPool, now: i64) -> Result<u64> {
        let emitted = io_emission::emitted_at(self.emission_start_ts, now);
        let enterprise = u64::try_from(
            u128::from(emitted)
                .checked_mul(u128::from(self.enterprise_pool_bps))
                .ok_or(RewardsError::MathOverflow)?
                .checked_div(u128::from(MAX_BPS))
                .ok_or(RewardsError::MathOverflow)?,
        )
        .map_err(|_| RewardsError::MathOverflow)?;
        let (share, claimed) = match pool {
            RewardPool::Enterprise => (enterprise, self.claimed_enterprise_io_base),
            RewardPool::Community => (
                emitted
                    .checked_sub(enterprise)
                    .ok_or(RewardsError::MathOverflow)?,
                self.claimed_community_io_base,
            ),
        };
        Ok(share.saturating_sub(claimed))
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
            .ok_or(RewardsError::MathOverflow)?;
        Ok(())
    }

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
        require!(
            usize::from(self.oracle_count) <= MAX_ROLE_KEYS,
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
