//! `stake_withdraw`: after the cooldown, the owner takes everything cooling back to its IO
//! account.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Transfer};

use super::{StakeMove, stake_event};
use crate::error::MarketError;
use crate::math::{add, sub};
use crate::state::PauseClass;

pub fn handle(mut ctx: Context<StakeMove>) -> Result<()> {
    let now = Clock::get()?.unix_timestamp;
    let accounts = &mut ctx.accounts;
    accounts
        .config
        .require_not_paused(PauseClass::Staking, now)?;
    let amount = accounts.device.stake.cooling;
    require!(amount > 0, MarketError::NothingToWithdraw);
    require!(
        now >= accounts.device.stake.cooldown_ends_at,
        MarketError::CooldownNotOver
    );
    let seeds = accounts.config.signer_seeds();
    token::transfer(
        CpiContext::new_with_signer(
            accounts.token_program.key(),
            Transfer {
                from: accounts.stake_vault.to_account_info(),
                to: accounts.owner_io.to_account_info(),
                authority: accounts.config.to_account_info(),
            },
            &[&seeds],
        ),
        amount,
    )?;
    let stake = &mut accounts.device.stake;
    stake.cooling = 0;
    stake.withdrawn = add(stake.withdrawn, amount)?;
    accounts.device.bump_revision()?;
    accounts.device.invariant()?;
    let totals = &mut accounts.config.stake;
    totals.cooling_io_base = sub(totals.cooling_io_base, amount)?;
    totals.withdrawn_io_base = add(totals.withdrawn_io_base, amount)?;
    accounts.config.bump_revision()?;
    accounts.config.invariant()?;
    let event = stake_event(
        &accounts.config,
        &accounts.device,
        &accounts.gpu_class,
        0,
        0,
        amount,
    )?;
    emit_cpi!(event);
    Ok(())
}
