//! Instructions of the deployer, the authority and the guardian. Every one but `config_init`,
//! `role_accept` and `guardian_pause` is signed by the authority and uses [`AuthorityChange`].

pub mod breaker_set;
pub mod config_init;
pub mod guardian_pause;
pub mod params_set;
pub mod pause_set;
pub mod role_accept;
pub mod role_propose;
pub mod spender_allow;
pub mod spender_revoke;

pub use config_init::*;
pub use guardian_pause::*;
pub use role_accept::*;

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::IosdError;
use crate::state::IosdConfig;

/// The accounts of a configuration change signed by the authority.
#[event_cpi]
#[derive(Accounts)]
pub struct AuthorityChange<'info> {
    pub authority: Signer<'info>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = authority @ IosdError::NotAuthority,
    )]
    pub config: Account<'info, IosdConfig>,
}
