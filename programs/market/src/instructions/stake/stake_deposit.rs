//! `stake_deposit`: the owner stakes IO against a device, from its IO account into the vault.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Transfer};

use super::{StakeMove, stake_event};
use crate::error::MarketError;
use crate::math::add;
use crate::state::PauseClass;

pub fn handle(mut ctx: Context<StakeMove>, amount_io_base: u64) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let accounts = &mut ctx.accounts;
    accounts
        .config
        .require_not_paused(PauseClass::Staking, now)?;
    require!(amount_io_base > 0, MarketError::ZeroAmount);
    token::transfer(
        CpiContext::new(
            accounts.token_program.key(),
            Transfer {
                from: accounts.owner_io.to_account_info(),
                to: accounts.stake_vault.to_account_info(),
                authority: accounts.owner.to_account_info(),
            },
        ),
        amount_io_base,
    )?;
    let stake = &mut accounts.device.stake;
    stake.staked = add(stake.staked, amount_io_base)?;
    stake.deposited = add(stake.deposited, amount_io_base)?;
    accounts.device.bump_revision()?;
    accounts.device.invariant()?;
    let totals = &mut accounts.config.stake;
    totals.staked_io_base = add(totals.staked_io_base, amount_io_base)?;
    accounts.config.bump_revision()?;
    accounts.config.invariant()?;
    let event = stake_event(
        &accounts.config,
        &accounts.device,
        &accounts.gpu_class,
        amount_io_base,
        0,
        0,
    )?;
    emit_cpi!(event);
    Ok(())
}
