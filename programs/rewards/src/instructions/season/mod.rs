//! Ignition seasons: the authority creates a season; providers enter their devices; oracles
//! post cumulative inputs per epoch and points accrue on-chain; anyone finalises after the
//! posting grace and claims devices' vested shares to their providers' payout accounts; after
//! the clawback deadline the authority sweeps the rest; then everything closes.

pub mod inputs_post;
pub mod season_claim;
pub mod season_clawback;
pub mod season_close;
pub mod season_create;
pub mod season_finalize;
pub mod season_join;
pub mod season_record_close;

pub use inputs_post::*;
pub use season_claim::*;
pub use season_clawback::*;
pub use season_close::*;
pub use season_create::*;
pub use season_finalize::*;
pub use season_join::*;
pub use season_record_close::*;

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Transfer};

use crate::constants::SEED_SEASON;
use crate::state::Season;

/// Pays `amount` out of the season's vault to `destination`, signed by the season PDA.
pub(crate) fn pay_from_vault<'info>(
    season: &Account<'info, Season>,
    vault: &AccountInfo<'info>,
    destination: &AccountInfo<'info>,
    token_program: &AccountInfo<'info>,
    amount: u64,
) -> Result<()> {
    if amount == 0 {
        return Ok(());
    }
    let index = season.index.to_le_bytes();
    let bump = [season.bump];
    let seeds: &[&[u8]] = &[SEED_SEASON, &index, &bump];
    let accounts = Transfer {
        from: vault.clone(),
        to: destination.clone(),
        authority: season.to_account_info(),
    };
    token::transfer(
        CpiContext::new_with_signer(token_program.key(), accounts, &[seeds]),
        amount,
    )
}
