//! `rewards`: providers earn Ignition airdrop points per season and hourly block rewards, paid
//! from pre-funded vaults against oracle-posted or oracle-signed cumulative totals.
//!
//! - Ignition seasons: the authority creates a season (times, epochs, formula, the GPU classes
//!   that count, vesting, clawback, oracles); providers enter devices; oracles post cumulative
//!   inputs per epoch and points accrue on-chain (`io_points`); after the posting grace anyone
//!   finalises and claims vested shares to providers' registered payout accounts; after the
//!   clawback deadline the authority sweeps the rest; every account closes.
//! - Hourly block rewards: the emission schedule in closed form (`io_emission`), split into an
//!   enterprise and a community pool; oracles sign devices' cumulative totals off-chain and
//!   anyone claims with a majority of their signatures; each pool pays at most its share of
//!   `emitted(now)`, and a window cap bounds the outflow.
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
pub use state::{Pause, RewardPool, Role, SeasonFormula, SeasonState};

declare_id!("5vf9ohNdsYy9e5FXsLfjB9HuHxHMfHX9YJxtXxh1Jo97");

#[program]
pub mod rewards {
    use super::*;

    /// Creates the program's configuration. Only the deployer fixed at build time may call it.
    pub fn config_init(ctx: Context<ConfigInit>, args: ConfigInitArgs) -> Result<()> {
        ConfigInit::handle(ctx, args)
    }

    /// Authority: creates a season (remaining accounts: the market GPU classes that count).
    pub fn season_create<'info>(
        ctx: Context<'info, SeasonCreate<'info>>,
        args: SeasonArgs,
    ) -> Result<()> {
        SeasonCreate::handle(ctx, args)
    }

    /// Provider owner: enters a device in a season.
    pub fn season_join(ctx: Context<SeasonJoin>) -> Result<()> {
        SeasonJoin::handle(ctx)
    }

    /// Oracle: posts up to 8 devices' cumulative inputs for an epoch (remaining accounts: their
    /// records).
    pub fn inputs_post<'info>(
        ctx: Context<'info, InputsPost<'info>>,
        epoch: u32,
        entries: Vec<PostedInputs>,
    ) -> Result<()> {
        InputsPost::handle(ctx, epoch, entries)
    }

    /// Anyone, after the end plus the posting grace: fixes the pool.
    pub fn season_finalize(ctx: Context<SeasonFinalize>) -> Result<()> {
        SeasonFinalize::handle(ctx)
    }

    /// Anyone: pays up to 8 devices' vested shares to their providers' payout accounts.
    pub fn season_claim<'info>(ctx: Context<'info, SeasonClaim<'info>>) -> Result<()> {
        SeasonClaim::handle(ctx)
    }

    /// Authority, after the clawback deadline: sweeps what is left.
    pub fn season_clawback(ctx: Context<SeasonClawback>) -> Result<()> {
        SeasonClawback::handle(ctx)
    }

    /// Anyone, after the sweep: closes a device record.
    pub fn season_record_close(ctx: Context<SeasonRecordClose>) -> Result<()> {
        SeasonRecordClose::handle(ctx)
    }

    /// Authority: replaces the block-reward oracle set (3 to 8 keys) and bumps its version.
    pub fn oracles_set(ctx: Context<OraclesSetAccounts>, oracles: Vec<Pubkey>) -> Result<()> {
        instructions::block_rewards::oracles_set::handle(ctx, oracles)
    }

    /// Anyone: opens a device's block-reward record.
    pub fn device_rewards_open(ctx: Context<DeviceRewardsOpen>) -> Result<()> {
        DeviceRewardsOpen::handle(ctx)
    }

    /// Anyone: claims up to 3 devices' block rewards with oracle signatures (ed25519
    /// instructions before this one).
    pub fn rewards_claim<'info>(ctx: Context<'info, RewardsClaim<'info>>) -> Result<()> {
        RewardsClaim::handle(ctx)
    }

    /// Anyone, once the device is closed: closes its block-reward record.
    pub fn device_rewards_close(ctx: Context<DeviceRewardsClose>) -> Result<()> {
        DeviceRewardsClose::handle(ctx)
    }

    /// Anyone, after the sweep with no record left: closes the season and its vault.
    pub fn season_close(ctx: Context<SeasonClose>) -> Result<()> {
        SeasonClose::handle(ctx)
    }

    /// Authority: proposes the next authority or guardian (the default address withdraws).
    pub fn role_propose(ctx: Context<AuthorityChange>, role: Role, pending: Pubkey) -> Result<()> {
        instructions::admin::role_propose::handle(ctx, role, pending)
    }

    /// The proposed key accepts its role.
    pub fn role_accept(ctx: Context<RoleAccept>, role: Role) -> Result<()> {
        RoleAccept::handle(ctx, role)
    }

    /// Guardian: pauses block-reward claims for at most 72 hours, then waits as long before
    /// pausing again.
    pub fn guardian_pause(ctx: Context<GuardianPause>, hours: u32) -> Result<()> {
        GuardianPause::handle(ctx, hours)
    }

    /// Authority: sets the end of the claim pause (0 lifts it).
    pub fn pause_set(ctx: Context<AuthorityChange>, paused_until: i64) -> Result<()> {
        instructions::admin::pause_set::handle(ctx, paused_until)
    }
}
