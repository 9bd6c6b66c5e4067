//! `IosdConfig`: roles, parameters, the spender allow-list, running totals and the solvency
//! state of the iosd program (one per deployment).

use anchor_lang::prelude::*;
use io_common::{Pause, Role, RoleSlot};

use crate::constants::{
    ACCOUNT_VERSION, COLLATERAL_RATIO_ONE_BPS, MAX_BREAKER_WINDOW_SECS,
    MAX_CONFIDENCE_MULTIPLIER_BPS, MAX_MINT_PRICE_AGE_SECS, MAX_ORACLE_HALT_SECS, MAX_SPENDERS,
    MIN_BREAKER_WINDOW_SECS,
};
use crate::error::IosdError;

/// The oracle and solvency parameters, set at `config_init` and by `params_set`.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct OracleParams {
    /// Oldest a price may be when minting or redeeming at a price, in seconds (1..=60).
    pub max_price_age_secs: u32,
    /// After this many seconds without any usable price the protocol is oracle-halted and
    /// redemption pays in kind (max price age ..= one day).
    pub oracle_halt_after_secs: u32,
    /// `k` in `price ± k·conf`, in basis points of one confidence interval.
    pub confidence_multiplier_bps: u32,
    /// Collateral ratio below which the protocol is in the warning state, in bps of 1.0.
    pub warning_ratio_bps: u16,
    /// Collateral ratio below which minting halts, in bps of 1.0.
    pub mint_halt_ratio_bps: u16,
}

/// The mint-rate breaker's parameters (`io_credit::BreakerParams`), set by the authority.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub struct BreakerSettings {
    /// Seconds a full bucket takes to drain (60 s ..= 30 days).
    pub window_secs: u32,
    /// Bucket capacity in IOSD micros, whatever the supply.
    pub cap_absolute_micros: u64,
    /// Bucket capacity as basis points of the supply; the larger of the two applies.
    pub cap_supply_bps: u32,
}

/// One program allowed to move IOSD, and the PDA it signs with.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct Spender {
    pub program: Pubkey,
    /// `find_program_address(&[b"iosd_spender"], program)`, stored so checks never search.
    pub signer: Pubkey,
}

/// The solvency state (`io_credit::Solvency`), as stored.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub enum SolvencyState {
    #[default]
    Healthy,
    Warning,
    MintHalted,
    OracleHalted,
}

impl From<io_credit::Solvency> for SolvencyState {
    fn from(state: io_credit::Solvency) -> Self {
        match state {
            io_credit::Solvency::Healthy => Self::Healthy,
            io_credit::Solvency::Warning => Self::Warning,
            io_credit::Solvency::MintHalted => Self::MintHalted,
            io_credit::Solvency::OracleHalted => Self::OracleHalted,
        }
    }
}

/// Lifetime totals: `supply = minted − burned` and `vault ≥ committed − redeemed` (anyone may
/// send IO to the vault; it only adds collateral).
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct Totals {
    pub minted_iosd_micros: u64,
    pub burned_iosd_micros: u64,
    pub committed_io_base: u64,
    pub redeemed_io_base: u64,
}

impl Totals {
    /// IOSD that should be outstanding.
    pub fn outstanding_iosd_micros(&self) -> Result<u64> {
        self.minted_iosd_micros
            .checked_sub(self.burned_iosd_micros)
            .ok_or_else(|| error!(IosdError::InvariantViolated))
    }
}

/// What the program last knew about prices and solvency.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct SolvencyRecord {
    pub state: SolvencyState,
    /// Collateral ratio in bps of 1.0 at the last valid price (`u64::MAX` with nothing out).
    pub ratio_bps: u64,
    /// EMA price of the newest update used, in pico-USD per IO.
    pub ema_pico_usd: u128,
    /// Redeem price of the newest update used (max(spot, EMA) + k·conf), in pico-USD per IO:
    /// the most an oracle-halted redemption pays per IOSD (0: no price used yet).
    pub redeem_price_pico_usd: u128,
    /// Newest publish time of any usable price seen (0: none yet).
    pub last_price_publish_time: i64,
    /// Unix time of the last recomputation.
    pub updated_at: i64,
}

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct IosdConfig {
    /// Layout version (`ACCOUNT_VERSION`).
    pub version: u8,
    /// Bump of the config PDA, stored so later checks never search for it.
    pub bump: u8,
    /// Bump of the IOSD mint PDA.
    pub iosd_mint_bump: u8,
    /// Bump of the IO vault PDA.
    pub io_vault_bump: u8,
    /// Bumped on every mutation; the indexer orders updates by (slot, revision).
    pub revision: u64,
    /// Changes parameters and key sets; the governance PDA on a real deployment.
    pub authority: Pubkey,
    /// The proposed next authority, until it accepts (default address: none).
    pub pending_authority: Pubkey,
    /// May pause minting for a bounded time, then waits as long before pausing it again
    /// (default address: none).
    pub guardian: Pubkey,
    /// The proposed next guardian, until it accepts (default address: none).
    pub pending_guardian: Pubkey,
    /// Paid the rent of this account and receives it back if it is ever closed.
    pub rent_payer: Pubkey,
    /// The IO token (classic SPL Token, 8 decimals).
    pub io_mint: Pubkey,
    /// The IOSD mint (PDA; this config is its mint and freeze authority).
    pub iosd_mint: Pubkey,
    /// The IO vault backing IOSD (PDA token account owned by this config).
    pub io_vault: Pubkey,
    /// The Pyth IO/USD price feed id.
    pub feed_id: [u8; 32],
    pub oracle: OracleParams,
    pub breaker: BreakerSettings,
    /// The breaker's bucket: IOSD minted recently, and when it was last updated.
    pub breaker_level_micros: u64,
    pub breaker_updated_at: i64,
    /// Programs allowed to move IOSD; entries at `spender_count..` are the default value.
    pub spenders: [Spender; MAX_SPENDERS],
    pub spender_count: u8,
    pub totals: Totals,
    pub solvency: SolvencyRecord,
    /// The guardian's pause of `iosd_mint` (redemption and spending are never paused: they are
    /// how holders leave).
    pub mint_pause: Pause,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl OracleParams {
    /// The parameter rules, shared by `config_init` and `params_set`.
    pub fn check(&self) -> Result<()> {
        require!(
            (1..=MAX_MINT_PRICE_AGE_SECS).contains(&self.max_price_age_secs),
            IosdError::MaxPriceAgeOutOfRange
        );
        require!(
            (self.max_price_age_secs..=MAX_ORACLE_HALT_SECS).contains(&self.oracle_halt_after_secs),
            IosdError::OracleHaltDelayOutOfRange
        );
        require!(
            self.confidence_multiplier_bps <= MAX_CONFIDENCE_MULTIPLIER_BPS,
            IosdError::ConfidenceMultiplierTooLarge
        );
        require!(
            0 < self.mint_halt_ratio_bps
                && self.mint_halt_ratio_bps < self.warning_ratio_bps
                && self.warning_ratio_bps <= COLLATERAL_RATIO_ONE_BPS,
            IosdError::CollateralThresholdsInvalid
        );
        Ok(())
    }
}

impl BreakerSettings {
    /// The breaker rules, shared by `config_init` and `breaker_set`.
    pub fn check(&self) -> Result<()> {
        require!(
            (MIN_BREAKER_WINDOW_SECS..=MAX_BREAKER_WINDOW_SECS).contains(&self.window_secs),
            IosdError::BreakerWindowOutOfRange
        );
        Ok(())
    }

    pub fn params(&self) -> io_credit::BreakerParams {
        io_credit::BreakerParams {
            window_secs: self.window_secs,
            cap_absolute_micros: self.cap_absolute_micros,
            cap_supply_bps: self.cap_supply_bps,
        }
    }
}

impl IosdConfig {
    /// The signer seeds of this config, which signs as mint, freeze and vault authority.
    pub fn signer_seeds(&self) -> [&[u8]; 2] {
        [
            crate::constants::SEED_CONFIG,
            core::slice::from_ref(&self.bump),
        ]
    }

    /// The allowed spender whose PDA is `signer`, if any.
    pub fn spender_by_signer(&self, signer: &Pubkey) -> Option<&Spender> {
        self.active_spenders().iter().find(|s| s.signer == *signer)
    }

    pub fn active_spenders(&self) -> &[Spender] {
        let count = usize::from(self.spender_count).min(MAX_SPENDERS);
        &self.spenders[..count]
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
            .ok_or(IosdError::MathOverflow)?;
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
        self.oracle.check()?;
        self.breaker.check()?;
        let count = usize::from(self.spender_count);
        require!(count <= MAX_SPENDERS, IosdError::InvariantViolated);
        let (active, unused) = self.spenders.split_at(count);
        require!(
            unused.iter().all(|s| *s == Spender::default()),
            IosdError::InvariantViolated
        );
        for (i, spender) in active.iter().enumerate() {
            require!(
                spender.program != Pubkey::default()
                    && !active[..i].iter().any(|s| s.program == spender.program),
                IosdError::InvariantViolated
            );
        }
        self.totals.outstanding_iosd_micros()?;
        Ok(())
    }
}
