//! `season_create`: the authority opens an airdrop season: its times, epoch length, posting
//! grace, points formula, the GPU classes that count (remaining accounts: the market's price
//! book entries, whose multipliers are copied now), vesting, clawback deadline and oracles, and
//! funds its pool: `pool_io_base` moves from the authority's IO account into the season's new
//! vault, and that is what converts at finalisation.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, TokenAccount, Transfer};
use io_common::MAX_ROLE_KEYS;

use crate::constants::{
    ACCOUNT_VERSION, CONFIG_PDA, MAX_SEASON_CLASSES, MIN_CLAIM_WINDOW_SECS, SEED_SEASON,
    SEED_SEASON_VAULT,
};
use crate::error::RewardsError;
use crate::events::SeasonCreated;
use crate::instructions::market_accounts;
use crate::state::{RewardsConfig, Season, SeasonClass, SeasonFormula, SeasonState};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Debug, PartialEq, Eq)]
pub struct SeasonArgs {
    pub start_ts: i64,
    pub end_ts: i64,
    pub epoch_secs: u32,
    pub posting_grace_secs: u32,
    pub formula: SeasonFormula,
    pub vesting_start_ts: i64,
    pub vesting_end_ts: i64,
    pub clawback_ts: i64,
    /// 1 to 8 distinct keys that post inputs.
    pub oracles: Vec<Pubkey>,
    /// The pool in IO base units, moved from the authority's account into the season's vault
    /// now: participants see it there from the start, and nobody can finalise a smaller one.
    pub pool_io_base: u64,
}

impl SeasonArgs {
    fn check(&self) -> Result<()> {
        require!(
            self.start_ts < self.end_ts
                && self.epoch_secs > 0
                && self.vesting_start_ts <= self.vesting_end_ts,
            RewardsError::SeasonTimesInvalid
        );
        require!(self.pool_io_base > 0, RewardsError::PoolZero);
        let posting_closes = self
            .end_ts
            .checked_add(i64::from(self.posting_grace_secs))
            .ok_or(RewardsError::MathOverflow)?;
        let earliest_clawback = self
            .vesting_end_ts
            .max(posting_closes)
            .checked_add(MIN_CLAIM_WINDOW_SECS)
            .ok_or(RewardsError::MathOverflow)?;
        require!(
            self.vesting_start_ts >= self.end_ts && self.clawback_ts >= earliest_clawback,
            RewardsError::ClawbackTooEarly
        );
        let oracles = &self.oracles;
        require!(
            (1..=MAX_ROLE_KEYS).contains(&oracles.len())
                && oracles
                    .iter()
                    .enumerate()
                    .all(|(i, key)| { *key != Pubkey::default() && !oracles[..i].contains(key) }),
            RewardsError::OracleSetInvalid
        );
        Ok(())
    }
}

#[event_cpi]
#[derive(Accounts)]
pub struct SeasonCreate<'info> {
    pub authority: Signer<'info>,
    /// Pays the rent of the season and its vault.
    #[account(mut)]
    pub payer: Signer<'info>,
    /// The authority's IO account the pool comes from (the governance PDA's, through the
    /// proposal that creates the season, on a real deployment).
    #[account(
        mut,
        dup,
        constraint = funding_source.mint == config.io_mint @ RewardsError::IoMintMismatch,
    )]
    pub funding_source: Account<'info, TokenAccount>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = authority @ RewardsError::NotAuthority,
    )]
    pub config: Account<'info, RewardsConfig>,
    /// CHECK: seeds checked here (the config's next season index); created by `handle`.
    #[account(mut, seeds = [SEED_SEASON, &config.seasons_created.to_le_bytes()], bump)]
    pub season: UncheckedAccount<'info>,
    /// CHECK: seeds checked here; created as an IO token account owned by the season.
    #[account(mut, seeds = [SEED_SEASON_VAULT, season.key().as_ref()], bump)]
    pub vault: UncheckedAccount<'info>,
    /// CHECK: the IO mint (address checked).
    #[account(address = config.io_mint @ RewardsError::IoMintMismatch)]
    pub io_mint: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

impl<'info> SeasonCreate<'info> {
    /// The classes that count, read from the market's price book.
    fn classes(
        remaining: &[AccountInfo<'info>],
    ) -> Result<([SeasonClass; MAX_SEASON_CLASSES], u8)> {
        require!(
            (1..=MAX_SEASON_CLASSES).contains(&remaining.len()),
            RewardsError::SeasonClassesInvalid
        );
        let mut classes = [SeasonClass::default(); MAX_SEASON_CLASSES];
        for (i, info) in remaining.iter().enumerate() {
            let class: market::state::GpuClass = market_accounts::read(info)?;
            require!(
                !classes[..i].iter().any(|entry| entry.class == info.key()),
                RewardsError::SeasonClassesInvalid
            );
            classes[i] = SeasonClass {
                class: info.key(),
                multiplier_bps: class.terms.multiplier_bps,
            };
        }
        let count = u8::try_from(remaining.len()).map_err(|_| RewardsError::MathOverflow)?;
        Ok((classes, count))
    }

    pub fn handle(ctx: Context<'info, Self>, args: SeasonArgs) -> Result<()> {
        args.check()?;
        let (classes, class_count) = Self::classes(ctx.remaining_accounts)?;
        let accounts = &ctx.accounts;
        for account in [&accounts.season, &accounts.vault] {
            require!(
                io_common::is_uninitialized(account),
                RewardsError::AlreadyInitialized
            );
        }
        let mut oracles = [Pubkey::default(); MAX_ROLE_KEYS];
        oracles[..args.oracles.len()].copy_from_slice(&args.oracles);
        let index = accounts.config.seasons_created;
        let season = Season {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.season,
            vault_bump: ctx.bumps.vault,
            revision: 0,
            index,
            start_ts: args.start_ts,
            end_ts: args.end_ts,
            epoch_secs: args.epoch_secs,
            posting_grace_secs: args.posting_grace_secs,
            formula: args.formula,
            classes,
            class_count,
            vesting_start_ts: args.vesting_start_ts,
            vesting_end_ts: args.vesting_end_ts,
            clawback_ts: args.clawback_ts,
            oracles,
            oracle_count: u8::try_from(args.oracles.len())
                .map_err(|_| RewardsError::MathOverflow)?,
            vault: accounts.vault.key(),
            state: SeasonState::Active,
            total_points: 0,
            records_open: 0,
            pool_io_base: args.pool_io_base,
            claimed_io_base: 0,
            swept_io_base: 0,
            rent_payer: accounts.payer.key(),
            reserved: [0; 32],
        };
        season.invariant()?;
        let index_bytes = index.to_le_bytes();
        io_common::create_pda_with(
            &accounts.payer.to_account_info(),
            &accounts.season.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[SEED_SEASON, &index_bytes, &[season.bump]],
            &season,
        )?;
        let season_key = accounts.season.key();
        io_common::create_pda_token_account(
            &accounts.payer.to_account_info(),
            &accounts.vault.to_account_info(),
            &accounts.system_program.to_account_info(),
            &accounts.token_program.to_account_info(),
            &accounts.io_mint.to_account_info(),
            &accounts.season.to_account_info(),
            &[SEED_SEASON_VAULT, season_key.as_ref(), &[season.vault_bump]],
        )?;

        let fund = Transfer {
            from: accounts.funding_source.to_account_info(),
            to: accounts.vault.to_account_info(),
            authority: accounts.authority.to_account_info(),
        };
        token::transfer(
            CpiContext::new(accounts.token_program.key(), fund),
            args.pool_io_base,
        )?;

        let config = &mut ctx.accounts.config;
        config.seasons_created = index.checked_add(1).ok_or(RewardsError::MathOverflow)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(SeasonCreated {
            season: season_key,
            index,
            start_ts: season.start_ts,
            end_ts: season.end_ts,
            epoch_secs: season.epoch_secs,
            posting_grace_secs: season.posting_grace_secs,
            formula: season.formula,
            class_count,
            vesting_start_ts: season.vesting_start_ts,
            vesting_end_ts: season.vesting_end_ts,
            clawback_ts: season.clawback_ts,
            oracle_count: season.oracle_count,
            vault: season.vault,
            pool_io_base: season.pool_io_base,
        });
        Ok(())
    }
}
