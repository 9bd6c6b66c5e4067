//! `inference`: every model inference pays a small fee, either one payment per call or through a
//! session whose key signs cumulative receipts that one transaction settles.
//!
//! - the model registry: register with a content hash, price and revenue split (model owner,
//!   serving provider, burn); update terms for new sessions; pause; retire; close; the owner
//!   claims its credited share;
//! - the direct path: `inference_pay` pays for a few inferences in one transaction;
//! - sessions: a funded escrow whose session key signs ed25519 receipts for cumulative amounts;
//!   `session_settle` verifies the latest through the ed25519 precompile and the instructions
//!   sysvar and pays `min(owed, funded) − settled`; the user requests the close and, after the
//!   timeout, anyone finalises and refunds the rest.
//!
//! Payments are in the model's currency: IOSD through iosd's spend interface (this program's
//! escrow is the iosd holder of its `[b"iosd_spender"]` PDA), or IO in this program's IO vault.
//!
//! Accounts of the larger instructions are `Box<Account<…>>`: on SBF (SBPF v0) a stack frame is
//! 4 KiB, and Anchor's account validation of those instructions would not fit in one
//! (`scripts/sbf-build.sh` names any function that does not).

#![deny(clippy::arithmetic_side_effects)]

use anchor_lang::prelude::*;

pub mod constants;
pub mod error;
pub mod events;
pub mod instructions;
pub mod state;

pub use instructions::*;
pub use state::{Currency, ModelTerms, Pause, RevenueSplit, Role};

declare_id!("HzZYRao1oyYmgeJg6b2pj2K7VHGL6Xfzu4S5te6FUgq2");

#[program]
pub mod inference {
    use super::*;

    /// Creates the program's configuration. Only the deployer fixed at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }

    /// Model owner: registers a model with its content hash, price and revenue split.
    pub fn model_register(
        ctx: Context<ModelRegister>,
        model_id: [u8; 32],
        content_hash: [u8; 32],
        terms: ModelTerms,
    ) -> Result<()> {
        ModelRegister::handle(ctx, model_id, content_hash, terms)
    }

    /// Model owner: changes the terms (for new sessions and direct payments).
    pub fn model_update(ctx: Context<ModelChange>, terms: ModelTerms) -> Result<()> {
        instructions::model::model_update::handle(ctx, terms)
    }

    /// Model owner: pauses or resumes the model.
    pub fn model_set_paused(ctx: Context<ModelChange>, paused: bool) -> Result<()> {
        instructions::model::model_set_paused::handle(ctx, paused)
    }

    /// Model owner: retires the model for good.
    pub fn model_retire(ctx: Context<ModelChange>) -> Result<()> {
        instructions::model::model_retire::handle(ctx)
    }

    /// Model owner: closes a retired model without open sessions or unclaimed earnings.
    pub fn model_close(ctx: Context<ModelClose>) -> Result<()> {
        ModelClose::handle(ctx)
    }

    /// Model owner: claims its credited share of payments in `currency`.
    pub fn model_claim(ctx: Context<ModelClaim>, currency: Currency) -> Result<()> {
        ModelClaim::handle(ctx, currency)
    }

    /// User: pays for `requests` inferences and `tokens` tokens at the model's current price,
    /// refusing more than `max_amount`.
    pub fn inference_pay(
        ctx: Context<InferencePay>,
        requests: u16,
        tokens: u64,
        max_amount: u64,
    ) -> Result<()> {
        InferencePay::handle(ctx, requests, tokens, max_amount)
    }

    /// Anyone: burns what payments and settlements accrued to burn in `currency`.
    pub fn burn_sweep(ctx: Context<BurnSweep>, currency: Currency) -> Result<()> {
        BurnSweep::handle(ctx, currency)
    }

    /// User: opens a funded session with a session key and the provider's payout account.
    pub fn session_open(ctx: Context<SessionOpen>, args: SessionOpenArgs) -> Result<()> {
        SessionOpen::handle(ctx, args)
    }

    /// User: adds funds (pays a receipt that was waiting for them).
    pub fn session_top_up(ctx: Context<SessionTopUp>, amount: u64) -> Result<()> {
        SessionTopUp::handle(ctx, amount)
    }

    /// Anyone: settles the receipt proven by the preceding ed25519 instruction.
    pub fn session_settle(ctx: Context<SessionSettle>) -> Result<()> {
        SessionSettle::handle(ctx)
    }

    /// User (or the owner of a retired model, or anyone after the idle time): requests the close
    /// (top-ups stop; receipts settle until the timeout).
    pub fn session_close_request(ctx: Context<SessionCloseRequest>) -> Result<()> {
        SessionCloseRequest::handle(ctx)
    }

    /// Anyone, after the close timeout: refunds the rest and closes the session.
    pub fn session_finalize(ctx: Context<SessionFinalize>) -> Result<()> {
        SessionFinalize::handle(ctx)
    }

    /// Authority: proposes the next authority or guardian (the default address withdraws).
    pub fn role_propose(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
        instructions::admin::role_propose::handle(ctx, role, pending)
    }

    /// The proposed key accepts its role.
    pub fn role_accept(ctx: Context<RoleAccept>, role: Role) -> Result<()> {
        RoleAccept::handle(ctx, role)
    }

    /// Guardian: pauses new payments for at most 72 hours, then waits as long before pausing
    /// again.
    pub fn guardian_pause(ctx: Context<GuardianPause>, hours: u32) -> Result<()> {
        GuardianPause::handle(ctx, hours)
    }

    /// Authority: sets the end of the payment pause (0 lifts it).
    pub fn pause_set(ctx: Context<AuthorityChange>, paused_until: i64) -> Result<()> {
        instructions::admin::pause_set::handle(ctx, paused_until)
    }
}
