//! The GPU price book, managed by the authority.

pub mod gpu_class_close;
pub mod gpu_class_create;
pub mod gpu_class_retire;
pub mod gpu_class_update;

pub use gpu_class_close::*;
pub use gpu_class_create::*;

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::MarketError;
use crate::state::{GpuClass, MarketConfig};

/// The accounts of a change to an existing GPU class, signed by the authority.
#[event_cpi]
#[derive(Accounts)]
pub struct GpuClassChange<'info> {
    pub authority: Signer<'info>,
    #[account(
        address = CONFIG_PDA.0,
        has_one = authority @ MarketError::NotAuthority,
    )]
    pub config: Account<'info, MarketConfig>,
    #[account(mut, dup)]
    pub gpu_class: Account<'info, GpuClass>,
}
