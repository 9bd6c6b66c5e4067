//! Leases funded in IOSD or IO: open, top up, settle cumulative usage (one lease or a batch),
//! request the close, finalise; and the sweep of the fees they accrue.
//! IOSD sits in the market's escrow (the iosd holder of the market's spender PDA) and moves only
//! by CPI into iosd signed with that PDA; IO sits in the market's lease vault (a token account
//! owned by the config) and moves by SPL Token instructions the config signs.
//! [`lease_escrows`] picks the side by the lease's currency.

pub mod fees_sweep;
pub mod lease_close_request;
pub mod lease_finalize;
pub mod lease_open;
pub mod lease_settle;
pub mod lease_settle_batch;
pub mod lease_top_up;
pub mod quote;
pub mod settlement;

pub use fees_sweep::*;
pub use lease_close_request::*;
pub use lease_finalize::*;
pub use lease_open::*;
pub use lease_settle::*;
pub use lease_settle_batch::*;
pub use lease_top_up::*;

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;
use io_common::PdaVault;
use iosd::spender_cpi::{Escrows, IosdAccounts, SpenderCpi};

use crate::error::MarketError;
use crate::state::{Currency, MarketConfig};

/// Checks that a token account belongs to `owner` (for an IOSD holder, iosd checks the rest).
pub fn require_owned_by(account: &TokenAccount, owner: &Pubkey) -> Result<()> {
    require_keys_eq!(account.owner, *owner, MarketError::LeaseMismatch);
    Ok(())
}

/// Checks that a renter's or provider's token account is of `currency`'s mint.
pub fn require_currency(
    account: &TokenAccount,
    config: &MarketConfig,
    currency: Currency,
) -> Result<()> {
    let mint = match currency {
        Currency::Iosd => config.iosd_mint,
        Currency::Io => config.io_mint,
    };
    require_keys_eq!(account.mint, mint, MarketError::CurrencyMismatch);
    Ok(())
}

/// The market's IO lease vault, owned by the config.
pub fn lease_vault<'info>(
    config: &Account<'info, MarketConfig>,
    vault: &impl ToAccountInfo<'info>,
    token_program: &impl ToAccountInfo<'info>,
) -> PdaVault<'info> {
    PdaVault {
        vault: vault.to_account_info(),
        authority: config.to_account_info(),
        seed: crate::constants::SEED_CONFIG,
        bump: config.bump,
        token_program: token_program.to_account_info(),
    }
}

/// The market's two escrows: its IOSD escrow (through `iosd`, whose spender must be the one the
/// config stores) and its IO lease vault.
pub fn lease_escrows<'info>(
    config: &Account<'info, MarketConfig>,
    lease_vault: AccountInfo<'info>,
    iosd: &IosdAccounts<'info>,
) -> Result<Escrows<'info>> {
    iosd.escrows(
        &config.iosd_spender,
        self::lease_vault(config, &lease_vault, &iosd.token_program),
    )
    .ok_or_else(|| error!(MarketError::SpenderMismatch))
}

/// The calls into iosd signed as the market's spender, once `iosd` names the stored one.
pub fn spender_cpi<'info>(
    config: &MarketConfig,
    iosd: &IosdAccounts<'info>,
) -> Result<SpenderCpi<'info>> {
    iosd.cpi(&config.iosd_spender)
        .ok_or_else(|| error!(MarketError::SpenderMismatch))
}
