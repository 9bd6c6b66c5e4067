//! `iosd`: USD-pegged compute credits (1 IOSD = 1 USD, 6 decimals) minted by committing IO at a
//! Pyth pull-oracle price, spendable only through allowed programs, redeemable for IO.
//!
//! - Holders' IOSD sits in frozen SPL Token accounts (`[b"holder", owner]`) whose freeze
//!   authority is the config PDA: a plain token transfer fails, and only this program moves IOSD
//!   (thaw, move, refreeze within one instruction).
//! - Allowed programs (market, inference) move IOSD by CPI, signing with their
//!   `[b"iosd_spender"]` PDA: `escrow_deposit` into their escrow, `escrow_pay` out of it,
//!   `escrow_burn` (`spender_cpi` is their side of these calls).
//! - The vault's IO backs the supply; the collateral ratio on EMA drives healthy / warning /
//!   mint-halted, a missing oracle drives oracle-halted; redemption pays in kind when under 1.0
//!   or oracle-halted. Spending works in every state. A windowed breaker caps the mint rate.
//!
//! Prices come from `io-oracle`; the solvency and breaker rules from `io-credit`.
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
pub mod price;
#[cfg(feature = "cpi")]
pub mod spender_cpi;
pub mod state;
pub mod token_ops;

pub use instructions::*;
pub use io_common::{Pause, Role};
pub use state::{BreakerSettings, OracleParams};

declare_id!("EkNfN9trNzsrmReoxKHAZEX1fNQC4aNwahxZoaG3y3az");

#[program]
pub mod iosd {
    use super::*;

    /// Creates the configuration, the IOSD mint and the IO vault. Only the deployer fixed at
    /// build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }

    /// Opens the frozen IOSD holder account of `owner`; anyone may pay.
    pub fn holder_open(ctx: Context<HolderOpen>) -> Result<()> {
        HolderOpen::handle(ctx)
    }

    /// Commits IO into the vault and mints IOSD at the mint price.
    pub fn iosd_mint(ctx: Context<IosdMint>, amount: MintAmount) -> Result<()> {
        IosdMint::handle(ctx, amount)
    }

    /// Burns IOSD and pays IO from the vault, at the redeem price or in kind.
    pub fn iosd_redeem(
        ctx: Context<IosdRedeem>,
        iosd_in_micros: u64,
        min_io_out_base: u64,
    ) -> Result<()> {
        IosdRedeem::handle(ctx, iosd_in_micros, min_io_out_base)
    }

    /// Allowed programs only: moves a holder's IOSD into the program's escrow.
    pub fn escrow_deposit(ctx: Context<EscrowDeposit>, amount_micros: u64) -> Result<()> {
        EscrowDeposit::handle(ctx, amount_micros)
    }

    /// Allowed programs only: pays IOSD from the program's escrow to a holder.
    pub fn escrow_pay(ctx: Context<EscrowPay>, amount_micros: u64) -> Result<()> {
        EscrowPay::handle(ctx, amount_micros)
    }

    /// Allowed programs only: burns IOSD from the program's escrow.
    pub fn escrow_burn(ctx: Context<EscrowBurn>, amount_micros: u64) -> Result<()> {
        EscrowBurn::handle(ctx, amount_micros)
    }

    /// Permissionless: recomputes the solvency state from a price update.
    pub fn solvency_refresh(ctx: Context<SolvencyRefresh>) -> Result<()> {
        SolvencyRefresh::handle(ctx)
    }

    /// Authority: changes the oracle and solvency parameters.
    pub fn params_set(ctx: Context<AuthorityChange>, oracle: OracleParams) -> Result<()> {
        instructions::admin::params_set::handle(ctx, oracle)
    }

    /// Authority: changes the mint-rate breaker.
    pub fn breaker_set(ctx: Context<AuthorityChange>, breaker: BreakerSettings) -> Result<()> {
        instructions::admin::breaker_set::handle(ctx, breaker)
    }

    /// Authority: allows `program` to spend IOSD through its spender PDA.
    pub fn spender_allow(ctx: Context<AuthorityChange>, program: Pubkey) -> Result<()> {
        instructions::admin::spender_allow::handle(ctx, program)
    }

    /// Authority: removes `program` from the spender allow-list.
    pub fn spender_revoke(ctx: Context<AuthorityChange>, program: Pubkey) -> Result<()> {
        instructions::admin::spender_revoke::handle(ctx, program)
    }

    /// Authority: proposes the next authority or guardian (the default address withdraws).
    pub fn role_propose(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
        instructions::admin::role_propose::handle(ctx, role, pending)
    }

    /// The proposed key accepts its role.
    pub fn role_accept(ctx: Context<RoleAccept>, role: Role) -> Result<()> {
        RoleAccept::handle(ctx, role)
    }

    /// Guardian: pauses minting for at most 72 hours, then waits as long before pausing again.
    pub fn guardian_pause(ctx: Context<GuardianPause>, hours: u32) -> Result<()> {
        GuardianPause::handle(ctx, hours)
    }

    /// Authority: sets the end of the mint pause (0 lifts it).
    pub fn pause_set(ctx: Context<AuthorityChange>, paused_until: i64) -> Result<()> {
        instructions::admin::pause_set::handle(ctx, paused_until)
    }
}
