//! `oracles_set`: the authority replaces the distributor's oracle set (3 to 8 distinct keys)
//! and bumps its version, so signatures made for the previous set no longer count.

use anchor_lang::prelude::*;
use io_common::MAX_ROLE_KEYS;

use crate::constants::{CONFIG_PDA, MIN_DISTRIBUTOR_ORACLES};
use crate::error::RewardsError;
use crate::events::OraclesSet;
use crate::state::RewardsConfig;

#[event_cpi]
#[derive(Accounts)]
pub struct OraclesSetAccounts<'info> {
    pub authority: Signer<'info>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = authority @ RewardsError::NotAuthority,
    )]
    pub config: Account<'info, RewardsConfig>,
}

pub fn handle(ctx: Context<OraclesSetAccounts>, oracles: Vec<Pubkey>) -> Result<()> {
    require!(
        (MIN_DISTRIBUTOR_ORACLES..=MAX_ROLE_KEYS).contains(&oracles.len())
            && oracles
                .iter()
                .enumerate()
                .all(|(i, key)| *key != Pubkey::default() && !oracles[..i].contains(key)),
        RewardsError::DistributorOraclesInvalid
    );
    let config = &mut ctx.accounts.config;
    config.oracles = [Pubkey::default(); MAX_ROLE_KEYS];
    config.oracles[..oracles.len()].copy_from_slice(&oracles);
    config.oracle_count = u8::try_from(oracles.len()).map_err(|_| RewardsError::MathOverflow)?;
    config.oracle_version = config
        .oracle_version
        .checked_add(1)
        .ok_or(RewardsError::MathOverflow)?;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(OraclesSet {
        oracles,
        oracle_version: config.oracle_version,
        revision: config.revision,
    });
    Ok(())
}
