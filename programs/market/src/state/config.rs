//! `MarketConfig`: roles, key sets, mints, vaults, parameters, pauses and stake totals of the
//! market program (one per deployment).

use anchor_lang::prelude::*;
use io_common::{BPS_DENOMINATOR, MAX_GUARDIAN_PAUSE_HOURS, MAX_ROLE_KEYS, Pause, Role, RoleSlot};

use crate::constants::{
    ACCOUNT_VERSION, MAX_APPEAL_WINDOW_SECS, MAX_COOLDOWN_SECS, MAX_SLASH_CAP_BPS,
};
use crate::error::MarketError;
use io_common::{AccruedFees, EscrowTotals};
use iosd::spender_cpi::Spender;

/// The parameters the authority sets (at `config_init`, then `params_set`).
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct MarketParams {
    /// Reservation fee charged to the renter at lease open, in bps (io.net: 25).
    pub reservation_fee_bps: u16,
    /// Fee withheld from each provider payout, in bps (io.net: 25).
    pub provider_fee_bps: u16,
    /// Share of protocol revenue that is burned, in bps.
    pub burn_share_bps: u16,
    /// IO staked per GPU before the class multiplier, in IO base units (8 decimals).
    pub stake_per_gpu_io_base: u64,
    /// Seconds between an unstake request and the withdrawal (default 14 days).
    pub unstake_cooldown_secs: u32,
    /// Largest share of a device's stake (staked + cooling) one slash may take, in bps (at most
    /// `MAX_SLASH_CAP_BPS`, half).
    pub max_slash_bps: u16,
    /// Seconds a slash waits in escrow for the authority before its default outcome (upheld).
    pub appeal_window_secs: u32,
    /// Smallest deposit a lease may open with, in USD micros.
    pub min_lease_deposit_usd_micros: u64,
    /// Runway below which a lease pauses instead of running dry, in seconds.
    pub min_runway_secs: u32,
    /// Seconds after which anyone may close a paused lease.
    pub pause_timeout_secs: u32,
    /// Seconds settlers may still settle after a renter requests a close.
    pub close_grace_secs: u32,
    /// Window of the settlement outflow cap, in seconds: a full cap drains over this long.
    pub payout_window_secs: u32,
    /// Most value settled per window, in USD micros (the circuit breaker, an `io_limits`
    /// bucket that drains linearly, so no burst across a window edge passes twice the cap).
    pub payout_window_cap_usd_micros: u64,
    /// Longest pause the guardian may set, in hours.
    pub max_pause_hours: u32,
}

/// An instruction class the guardian can pause.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PauseClass {
    /// Provider and device registration.
    Registration,
    /// Stake deposits, unstake requests and withdrawals.
    Staking,
    /// Opening slashes.
    Slashing,
    /// Opening and funding leases.
    Leasing,
    /// Lease settlement.
    Settlement,
}

/// How many pause classes there are.
pub const PAUSE_CLASSES: usize = 5;

impl PauseClass {
    pub fn index(self) -> usize {
        self as usize
    }
}

/// The bounded key sets the authority manages.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeySet {
    Settlers,
    Slashers,
}

/// Stake held across all devices, for the events' post-state totals.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct StakeTotals {
    /// Counting toward devices' requirements.
    pub staked_io_base: u64,
    /// In cooldown: not counting, still slashable.
    pub cooling_io_base: u64,
    /// In the slash escrow, waiting for the appeal outcome.
    pub escrowed_io_base: u64,
    /// Sent to the treasury by upheld slashes (lifetime).
    pub slashed_io_base: u64,
    /// Withdrawn after cooldowns (lifetime).
    pub withdrawn_io_base: u64,
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct MarketConfig {
    /// Layout version (`ACCOUNT_VERSION`).
    pub version: u8,
    /// Bump of the config PDA, stored so later checks never search for it.
    pub bump: u8,
    pub stake_vault_bump: u8,
    pub slash_escrow_bump: u8,
    pub lease_vault_bump: u8,
    /// Bumped on every mutation; the indexer orders updates by (slot, revision).
    pub revision: u64,
    /// Changes parameters and key sets; the governance PDA on a real deployment.
    pub authority: Pubkey,
    /// The proposed next authority, until it accepts (default address: none).
    pub pending_authority: Pubkey,
    /// May pause an instruction class for a bounded time (default address: none).
    pub guardian: Pubkey,
    /// The proposed next guardian, until it accepts (default address: none).
    pub pending_guardian: Pubkey,
    /// Paid the rent of this account and receives it back if it is ever closed.
    pub rent_payer: Pubkey,
    /// Report usage and settle leases; entries at `settler_count..` are the default address.
    pub settlers: [Pubkey; MAX_ROLE_KEYS],
    pub settler_count: u8,
    /// Open slashes; entries at `slasher_count..` are the default address.
    pub slashers: [Pubkey; MAX_ROLE_KEYS],
    pub slasher_count: u8,
    /// The IO token (classic SPL Token, 8 decimals).
    pub io_mint: Pubkey,
    /// IOSD (the iosd program's mint PDA, 6 decimals).
    pub iosd_mint: Pubkey,
    /// Token program of both mints (classic SPL Token).
    pub token_program: Pubkey,
    /// IO token account receiving upheld slashes and protocol fees.
    pub treasury: Pubkey,
    /// PDA token accounts owned by this config.
    pub stake_vault: Pubkey,
    pub slash_escrow: Pubkey,
    /// IO deposits of IO-funded leases and providers' unclaimed IO earnings.
    pub lease_vault: Pubkey,
    /// This program's spender PDA in iosd, owner of its IOSD escrow, with its bump.
    pub iosd_spender: Spender,
    pub params: MarketParams,
    /// The pause of each `PauseClass`: its end, and when the guardian may pause it again.
    pub pauses: [Pause; PAUSE_CLASSES],
    pub stake: StakeTotals,
    pub provider_count: u32,
    pub device_count: u32,
    /// Devices ever registered. A new provider's first device index starts here, so a provider
    /// closed and registered again never derives an address it used before.
    pub devices_registered: u32,
    /// Leases currently open.
    pub open_leases: u32,
    /// The settlement outflow bucket: USD micros settled recently, and when it last moved.
    pub payout_bucket_usd_micros: u64,
    pub payout_bucket_updated_at: i64,
    pub escrowed: EscrowTotals,
    /// Fees taken by leases and not yet swept (`fees_sweep`): their tokens are still in the
    /// escrows, beside `escrowed`.
    pub fees: AccruedFees,
    /// Fees swept over the deployment's life: burned, and paid to the treasury.
    pub fees_swept: AccruedFees,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl MarketParams {
    /// The parameter rules, shared by `config_init` and `params_set`.
    pub fn check(&self) -> Result<()> {
        require!(
            self.reservation_fee_bps <= BPS_DENOMINATOR
                && self.provider_fee_bps <= BPS_DENOMINATOR
                && self.burn_share_bps <= BPS_DENOMINATOR,
            MarketError::FeeAboveMaximum
        );
        require!(self.stake_per_gpu_io_base > 0, MarketError::StakePerGpuZero);
        require!(
            (1..=MAX_COOLDOWN_SECS).contains(&self.unstake_cooldown_secs),
            MarketError::CooldownOutOfRange
        );
        require!(
            (1..=MAX_SLASH_CAP_BPS).contains(&self.max_slash_bps),
            MarketError::SlashCapInvalid
        );
        require!(
            (1..=MAX_APPEAL_WINDOW_SECS).contains(&self.appeal_window_secs),
            MarketError::AppealWindowInvalid
        );
        require!(
            self.min_lease_deposit_usd_micros > 0
                && self.min_runway_secs > 0
                && self.pause_timeout_secs > 0
                && self.close_grace_secs > 0,
            MarketError::LeaseTimingInvalid
        );
        require!(
            self.payout_window_secs > 0 && self.payout_window_cap_usd_micros > 0,
            MarketError::PayoutCapInvalid
        );
        require!(
            (1..=MAX_GUARDIAN_PAUSE_HOURS).contains(&self.max_pause_hours),
            MarketError::PauseHoursInvalid
        );
        Ok(())
    }
}

impl MarketConfig {
    /// The signer seeds of this config, which owns the stake vault, the slash escrow and the
    /// lease vault.
    pub fn signer_seeds(&self) -> [&[u8]; 2] {
        [
            crate::constants::SEED_CONFIG,
            core::slice::from_ref(&self.bump),
        ]
    }

    pub fn keys(&self, set: KeySet) -> &[Pubkey] {
        let (keys, count) = match set {
            KeySet::Settlers => (&self.settlers, self.settler_count),
            KeySet::Slashers => (&self.slashers, self.slasher_count),
        };
        &keys[..usize::from(count).min(MAX_ROLE_KEYS)]
    }

    pub fn is_slasher(&self, key: &Pubkey) -> bool {
        self.keys(KeySet::Slashers).contains(key)
    }

    /// Refuses when `class` is paused at `now`.
    pub fn require_not_paused(&self, class: PauseClass, now: i64) -> Result<()> {
        require!(
            !self.pauses[class.index()].is_paused(now),
            MarketError::Paused
        );
        Ok(())
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

    /// The settlement outflow bucket as `io_limits` reads it.
    pub fn payout_bucket(&self) -> io_limits::Bucket {
        io_limits::Bucket {
            level: self.payout_bucket_usd_micros,
            updated_at: self.payout_bucket_updated_at,
        }
    }

    /// Moves the revision forward; every instruction that writes the config calls it once.
    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        Ok(())
    }

    /// Holds after every instruction that writes this account.
    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            MarketError::InvariantViolated
        );
        require_keys_neq!(
            self.authority,
            Pubkey::default(),
            MarketError::InvariantViolated
        );
        self.params.check()?;
        for (keys, count) in [
            (&self.settlers, self.settler_count),
            (&self.slashers, self.slasher_count),
        ] {
            let count = usize::from(count);
            require!(count <= MAX_ROLE_KEYS, MarketError::InvariantViolated);
            let (active, unused) = keys.split_at(count);
            require!(
                unused.iter().all(|k| *k == Pubkey::default()),
                MarketError::InvariantViolated
            );
            for (i, key) in active.iter().enumerate() {
                require!(
                    *key != Pubkey::default() && !active[..i].contains(key),
                    MarketError::InvariantViolated
                );
            }
        }
        Ok(())
    }
}
