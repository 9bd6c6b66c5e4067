//! Events of the inference program, emitted with `emit_cpi!` and carrying post-state values.

use anchor_lang::prelude::*;

use crate::state::{Currency, EscrowTotals, ModelTerms, Pause, Role};

/// The configuration was created.
#[event]
pub struct ConfigInitialized {
    pub config: Pubkey,
    pub authority: Pubkey,
    pub guardian: Pubkey,
    /// Seconds between a user's close request and the refund (at least 24 hours).
    pub session_close_timeout_secs: u32,
    /// Most inferences one direct payment may cover (1..=64).
    pub max_direct_batch: u16,
    /// Seconds a session must be idle before anyone may request its close.
    pub session_idle_secs: u32,
    pub genesis_hash: [u8; 32],
    pub io_mint: Pubkey,
    pub iosd_mint: Pubkey,
    pub io_vault: Pubkey,
    pub revision: u64,
}

/// A model was registered.
#[event]
pub struct ModelRegistered {
    pub model: Pubkey,
    pub owner: Pubkey,
    pub model_id: [u8; 32],
    pub content_hash: [u8; 32],
    pub terms: ModelTerms,
}

/// A model's terms, pause or retirement changed (post-state).
#[event]
pub struct ModelUpdated {
    pub model: Pubkey,
    pub terms: ModelTerms,
    pub paused: bool,
    pub retired: bool,
    pub revision: u64,
}

/// A retired model without sessions was closed; its rent went back to the payer.
#[event]
pub struct ModelClosed {
    pub model: Pubkey,
    pub rent_payer: Pubkey,
}

/// A user paid for inferences directly: the provider's share at once, the burn accrued for
/// `burn_sweep`, the owner's share credited to the model.
#[event]
pub struct InferencePaid {
    pub model: Pubkey,
    pub user: Pubkey,
    pub provider_payout: Pubkey,
    pub currency: Currency,
    pub requests: u16,
    pub tokens: u64,
    pub amount: u64,
    pub to_provider: u64,
    /// The burn share, accrued in the config until `burn_sweep` burns it.
    pub burned: u64,
    pub to_owner: u64,
    /// The model owner's unclaimed earnings in this currency afterwards.
    pub owner_earned: u64,
    pub escrowed: EscrowTotals,
}

/// A session opened with its funding, key, provider payout account and the model's terms.
#[event]
pub struct SessionOpened {
    pub session: Pubkey,
    pub user: Pubkey,
    pub model: Pubkey,
    pub nonce: u64,
    pub session_key: Pubkey,
    pub provider_payout: Pubkey,
    pub terms: ModelTerms,
    pub funded: u64,
    pub open_sessions: u32,
    pub escrowed: EscrowTotals,
}

/// The user added funds to a session.
#[event]
pub struct SessionToppedUp {
    pub session: Pubkey,
    pub amount: u64,
    pub funded: u64,
    pub settled: u64,
    pub escrowed: EscrowTotals,
    pub revision: u64,
}

/// A session paid what its receipts owe, up to its funding: after a newer receipt, or after a
/// top-up covered a receipt that was above the funding.
#[event]
pub struct SessionSettled {
    pub session: Pubkey,
    pub currency: Currency,
    /// The latest accepted receipt's sequence and cumulative amount.
    pub sequence: u64,
    pub owed: u64,
    /// Paid by this settlement, and its split (the burn share accrued for `burn_sweep`).
    pub paid: u64,
    pub to_provider: u64,
    pub burned: u64,
    pub to_owner: u64,
    /// Totals afterwards.
    pub settled: u64,
    pub funded: u64,
    pub owner_earned: u64,
    pub escrowed: EscrowTotals,
    pub revision: u64,
}

/// The user requested the close: no more top-ups; receipts still settle until the timeout.
#[event]
pub struct SessionCloseRequested {
    pub session: Pubkey,
    /// Who asked: the user, the owner of the session's retired model, or anyone after the idle
    /// time.
    pub requester: Pubkey,
    pub close_requested_at: i64,
    pub revision: u64,
}

/// A session was finalised: the unspent funding refunded, the account closed.
#[event]
pub struct SessionFinalized {
    pub session: Pubkey,
    pub currency: Currency,
    pub refund: u64,
    pub settled: u64,
    pub owed: u64,
    pub open_sessions: u32,
    pub escrowed: EscrowTotals,
}

/// A model owner claimed its share of payments.
#[event]
pub struct ModelClaimed {
    pub model: Pubkey,
    pub currency: Currency,
    pub destination: Pubkey,
    pub amount: u64,
    pub claimed_total: u64,
    pub escrowed: EscrowTotals,
    pub revision: u64,
}

/// The authority proposed the next holder of a role (the default address withdraws).
#[event]
pub struct RoleProposed {
    pub role: Role,
    pub current: Pubkey,
    pub pending: Pubkey,
    pub revision: u64,
}

/// The proposed key accepted its role.
#[event]
pub struct RoleAccepted {
    pub role: Role,
    pub previous: Pubkey,
    pub current: Pubkey,
    pub revision: u64,
}

/// The payment pause changed, by the guardian's bounded pause or the authority's decision.
#[event]
pub struct PauseChanged {
    /// The pause's end and when the guardian may pause again.
    pub pause: Pause,
    pub by: Pubkey,
    pub revision: u64,
}

/// Anyone burned what payments and settlements accrued to burn in one currency.
#[event]
pub struct BurnSwept {
    pub sweeper: Pubkey,
    pub currency: Currency,
    pub burned: u64,
    /// Still to burn (the other currency's) and burned over the deployment's life, after this.
    pub accrued: EscrowTotals,
    pub lifetime: EscrowTotals,
    pub revision: u64,
}
