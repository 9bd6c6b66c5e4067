//! `gpu_class_close`: the authority closes a retired class no device uses; the rent goes back to
//! whoever paid it.

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::events::GpuClassClosed;
use crate::state::{GpuClass, MarketConfig};

#[event_cpi]
#[derive(Accounts)]
pub struct GpuClassClose<'info> {
    pub authority: Signer<'info>,
    #[account(
        address = CONFIG_PDA.0,
        has_one = authority @ MarketError::NotAuthority,
    )]
    pub config: Account<'info, MarketConfig>,
    #[account(
        mut, dup,
        close = rent_payer,
        has_one = rent_payer @ MarketError::ConfigAccountMismatch,
        constraint = gpu_class.retired && gpu_class.device_count == 0 @ MarketError::GpuClassInUse,
    )]
    pub gpu_class: Account<'info, GpuClass>,
    /// CHECK: must be the class's recorded rent payer (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
}

impl GpuClassClose<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        emit_cpi!(GpuClassClosed {
            gpu_class: ctx.accounts.gpu_class.key(),
            rent_payer: ctx.accounts.rent_payer.key(),
        });
        Ok(())
    }
}
