//! `InferenceConfig`: roles, parameters, mints and escrow totals of the inference program (one
//! per deployment).

use anchor_lang::prelude::*;
use iosd::spender_cpi::Spender;

use io_common::{Pause, Role, RoleSlot};

use crate::constants::{
    ACCOUNT_VERSION, MAX_DIRECT_BATCH, MIN_SESSION_CLOSE_TIMEOUT_SECS, MIN_SESSION_IDLE_SECS,
};
use crate::error::InferenceError;
use io_common::{Currency, EscrowTotals};

#[account]
#[derive(InitSpace, Debug, PartialEq, Eq)]
pub struct InferenceConfig {
    /// Layout version (`ACCOUNT_VERSION`).
    pub version: u8,
    /// Bump of the config PDA, stored so later checks never search for it.
    pub bump: u8,
    pub io_vault_bump: u8,
    /// Bumped on every mutation; the indexer orders updates by (slot, revision).
    pub revision: u64,
    /// Changes parameters and key sets; the governance PDA on a real deployment.
    pub authority: Pubkey,
    /// The proposed next authority, until it accepts (default address: none).
    pub pending_authority: Pubkey,
    /// May pause new payments (direct payments, session opens and top-ups) for a bounded time,
    /// then waits as long before pausing again (default address: none).
    pub guardian: Pubkey,
    /// The proposed next guardian, until it accepts (default address: none).
    pub pending_guardian: Pubkey,
    /// Paid the rent of this account and receives it back if it is ever closed.
    pub rent_payer: Pubkey,
    /// Seconds between a user's close request and the refund
    /// (at least 24 hours).
    pub session_close_timeout_secs: u32,
    /// Most inferences one direct payment may cover (1..=64).
    pub max_direct_batch: u16,
    /// Seconds a session must be idle (no receipt, no top-up) before anyone may request its
    /// close (at least 7 days).
    pub session_idle_secs: u32,
    /// Sessions ever opened: the first session nonce of a newly registered model.
    pub sessions_opened: u64,
    /// The guardian's pause of new payments; settlement, closes and claims are never paused.
    pub payment_pause: Pause,
    /// The cluster's genesis hash, part of every receipt message: a receipt signed for another
    /// cluster never verifies here.
    pub genesis_hash: [u8; 32],
    /// The IO token (classic SPL Token, 8 decimals).
    pub io_mint: Pubkey,
    /// IOSD (the iosd program's mint PDA).
    pub iosd_mint: Pubkey,
    /// IO of IO sessions and model owners' unclaimed IO (a token account owned by this config).
    pub io_vault: Pubkey,
    /// This program's spender PDA in iosd, owner of its IOSD escrow, with its bump.
    pub iosd_spender: Spender,
    pub escrowed: EscrowTotals,
    /// The burn shares of payments and settlements, not yet burned (`burn_sweep`): their tokens
    /// are still in the escrows, beside `escrowed`.
    pub burn_accrued: EscrowTotals,
    /// Burned by `burn_sweep` over the deployment's life.
    pub burned: EscrowTotals,
    /// Room for fields added without a migration.
    pub reserved: [u8; 64],
}

impl InferenceConfig {
    /// The parameter rules, shared by `config_init` and every later parameter change.
    pub fn check_parameters(
        session_close_timeout_secs: u32,
        max_direct_batch: u16,
        session_idle_secs: u32,
    ) -> Result<()> {
        require!(
            session_close_timeout_secs >= MIN_SESSION_CLOSE_TIMEOUT_SECS,
            InferenceError::SessionTimeoutTooShort
        );
        require!(
            session_idle_secs >= MIN_SESSION_IDLE_SECS,
            InferenceError::SessionIdleTooShort
        );
        require!(
            (1..=MAX_DIRECT_BATCH).contains(&max_direct_batch),
            InferenceError::DirectBatchOutOfRange
        );
        Ok(())
    }

    /// The mint of `currency`.
    pub fn mint(&self, currency: Currency) -> Pubkey {
        match currency {
            Currency::Iosd => self.iosd_mint,
            Currency::Io => self.io_mint,
        }
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

    /// Refuses new money while the guardian's or the authority's payment pause runs.
    pub fn require_payments_open(&self, now: i64) -> Result<()> {
        require!(!self.payment_pause.is_paused(now), InferenceError::Paused);
        Ok(())
    }

    /// Moves the revision forward; every instruction that writes the config calls it once.
    pub fn bump_revision(&mut self) -> Result<()> {
        self.revision = self
            .revision
            .checked_add(1)
            .ok_or(InferenceError::MathOverflow)?;
        Ok(())
    }

    /// Holds after every instruction that writes this account.
    pub fn invariant(&self) -> Result<()> {
        require_eq!(
            self.version,
            ACCOUNT_VERSION,
            InferenceError::InvariantViolated
        );
        require_keys_neq!(
            self.authority,
            Pubkey::default(),
            InferenceError::InvariantViolated
        );
        Self::check_parameters(
            self.session_close_timeout_secs,
            self.max_direct_batch,
            self.session_idle_secs,
        )
    }
}
