//! `solvency_refresh`: anyone recomputes the solvency state from a price update. With a fresh price
//! the state follows the collateral ratio; with a stale one the protocol becomes oracle-halted once
//! no usable price has been seen for the oracle-halt delay (earlier, the stale price is refused).

use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, TokenAccount};

use crate::constants::CONFIG_PDA;
use crate::error::IosdError;
use crate::events::SolvencyRefreshed;
use crate::price::{self, PriceReading};
use crate::state::{IosdConfig, SolvencyState};

#[event_cpi]
#[derive(Accounts)]
pub struct SolvencyRefresh<'info> {
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, IosdConfig>,
    /// CHECK: decoded and checked by `price::read_price`.
    pub price_update: UncheckedAccount<'info>,
    #[account(address = config.iosd_mint @ IosdError::ConfigAccountMismatch)]
    pub iosd_mint: Account<'info, Mint>,
    #[account(address = config.io_vault @ IosdError::ConfigAccountMismatch)]
    pub io_vault: Account<'info, TokenAccount>,
}

impl SolvencyRefresh<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let (vault, supply) = (ctx.accounts.io_vault.amount, ctx.accounts.iosd_mint.supply);
        let reading = price::read_price(&ctx.accounts.price_update, &ctx.accounts.config, now)?;
        let config = &mut ctx.accounts.config;
        match reading {
            PriceReading::Fresh(checked, publish_time) => {
                let reading = price::Reading::of(&checked, config, publish_time)?;
                let (ratio, state) = price::solvency_at(config, reading.ema, vault, supply)?;
                price::record(config, ratio, state, &reading, now);
            }
            PriceReading::Stale if price::oracle_halted(config, now) => {
                config.solvency.state = SolvencyState::OracleHalted;
                config.solvency.updated_at = now;
            }
            PriceReading::Stale => return err!(IosdError::PriceStale),
        }
        config.bump_revision()?;
        config.invariant()?;
        let event = SolvencyRefreshed {
            state: config.solvency.state,
            ratio_bps: config.solvency.ratio_bps,
            ema_pico_usd: config.solvency.ema_pico_usd,
            last_price_publish_time: config.solvency.last_price_publish_time,
            supply_micros: supply,
            vault_io_base: vault,
            revision: config.revision,
        };
        emit_cpi!(event);
        Ok(())
    }
}
