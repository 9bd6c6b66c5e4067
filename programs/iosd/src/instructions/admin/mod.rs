//! Instructions of the deployer and the authority. Every one but `config_init` and
//! `authority_accept` is signed by the authority and uses [`AuthorityChange`].

pub mod authority_accept;
pub mod authority_propose;
pub mod breaker_set;
pub mod config_init;
pub mod params_set;
pub mod spender_allow;
pub mod spender_revoke;

pub use authority_accept::*;
pub use config_init::*;

use anchor_lang::prelude::*;

use crate::constants::SEED_CONFIG;
use crate::error::IosdError;
use crate::state::IosdConfig;

/// The accounts of a configuration change signed by the authority.
#[event_cpi]
#[derive(Accounts)]
pub struct AuthorityChange<'info> {
    pub authority: Signer<'info>,
    #[account(
        mut,
        seeds = [SEED_CONFIG],
        bump = config.bump,
        has_one = authority @ IosdError::NotAuthority,
    )]
    pub config: Account<'info, IosdConfig>,
}
