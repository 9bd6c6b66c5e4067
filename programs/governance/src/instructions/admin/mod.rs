//! Instructions of the deployer and the authority (the governance PDA itself, through passed
//! proposals). Every one but `config_init` and `role_accept` is signed by the authority and uses
//! [`AuthorityChange`].

pub mod config_init;
pub mod params_set;
pub mod role_accept;
pub mod role_propose;

pub use config_init::*;
pub use role_accept::*;

use anchor_lang::prelude::*;

use crate::constants::CONFIG_PDA;
use crate::error::GovernanceError;
use crate::state::GovernanceConfig;

/// The accounts of a configuration change signed by the authority.
#[event_cpi]
#[derive(Accounts)]
pub struct AuthorityChange<'info> {
    pub authority: Signer<'info>,
    #[account(
        mut, dup,
        address = CONFIG_PDA.0,
        has_one = authority @ GovernanceError::NotAuthority,
    )]
    pub config: Account<'info, GovernanceConfig>,
}
