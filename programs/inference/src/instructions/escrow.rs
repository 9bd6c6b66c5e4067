//! The inference program's two escrows: IOSD in the iosd holder of its `[b"iosd_spender"]` PDA
//! (moved only by CPI into iosd), IO in its IO vault (owned by the config). Direct payments,
//! sessions and model claims move money through [`escrows`], the side chosen by the
//! currency.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;
use io_common::PdaVault;
use iosd::spender_cpi::{Escrows, IosdAccounts};

use crate::constants::SEED_CONFIG;
use crate::error::InferenceError;
use crate::state::{Currency, InferenceConfig};

/// The program's IO vault, owned by the config.
pub fn io_vault<'info>(
    config: &Account<'info, InferenceConfig>,
    vault: &impl ToAccountInfo<'info>,
    token_program: &impl ToAccountInfo<'info>,
) -> PdaVault<'info> {
    PdaVault {
        vault: vault.to_account_info(),
        authority: config.to_account_info(),
        seed: SEED_CONFIG,
        bump: config.bump,
        token_program: token_program.to_account_info(),
    }
}

/// The program's two escrows: its IOSD escrow (through `iosd`, whose spender must be the one the
/// config stores) and its IO vault.
pub fn escrows<'info>(
    config: &Account<'info, InferenceConfig>,
    io_vault: AccountInfo<'info>,
    iosd: &IosdAccounts<'info>,
) -> Result<Escrows<'info>> {
    iosd.escrows(
        &config.iosd_spender,
        self::io_vault(config, &io_vault, &iosd.token_program),
    )
    .ok_or_else(|| error!(InferenceError::SpenderMismatch))
}

/// Checks that a user's token account is of `currency`'s mint.
pub fn require_currency(
    account: &TokenAccount,
    config: &InferenceConfig,
    currency: Currency,
) -> Result<()> {
    require_keys_eq!(
        account.mint,
        config.mint(currency),
        InferenceError::CurrencyMismatch
    );
    Ok(())
}

/// Refuses a payout account that is one of this program's own escrows: paying from an escrow
/// into itself would name one account twice and make every later payment fail.
pub fn require_not_escrow(
    payout: &Pubkey,
    config: &InferenceConfig,
    iosd: &IosdAccounts,
) -> Result<()> {
    require!(
        *payout != iosd.escrow.key() && *payout != config.io_vault,
        InferenceError::PayoutIsEscrow
    );
    Ok(())
}

/// Checks an account money will be paid to in `currency`: of its mint, owned by `owner` when
/// given, and for IOSD an iosd holder (frozen: only iosd can freeze), so a payment to it can
/// never fail later.
pub fn require_payout(
    account: &TokenAccount,
    config: &InferenceConfig,
    currency: Currency,
    owner: Option<&Pubkey>,
) -> Result<()> {
    require_currency(account, config, currency)?;
    if let Some(owner) = owner {
        require_keys_eq!(account.owner, *owner, InferenceError::PayoutOwnerMismatch);
    }
    if currency == Currency::Iosd {
        require!(account.is_frozen(), InferenceError::PayoutNotHolder);
    }
    Ok(())
}
