//! The inference program's two escrows: IOSD in the iosd holder of its `[b"iosd_spender"]` PDA
//! (moved only by CPI into iosd), IO in its IO vault (owned by the config). Direct payments,
//! sessions and model claims move money through [`iosd::spender_cpi::Escrows`], the side chosen
//! by the currency.

use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};
use io_common::PdaVault;
use iosd::constants::SEED_SPENDER;
use iosd::spender_cpi::Denomination;

use crate::constants::SEED_CONFIG;
use crate::error::InferenceError;
use crate::state::{Currency, InferenceConfig};

/// The iosd accounts of an IOSD movement. iosd checks each of them itself (its config's seeds,
/// its mint, that the escrow is the holder account of this spender PDA).
#[derive(Accounts)]
pub struct IosdAccounts<'info> {
    /// CHECK: this program's spender PDA (seeds checked); signs the CPIs.
    #[account(seeds = [SEED_SPENDER], bump)]
    pub spender: UncheckedAccount<'info>,
    /// CHECK: checked by iosd; writable because burning counts into its totals.
    #[account(mut)]
    pub iosd_config: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub iosd_mint: UncheckedAccount<'info>,
    /// CHECK: this program's escrow, checked by iosd (holder account owned by `spender`).
    #[account(mut)]
    pub escrow: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    /// CHECK: checked by iosd.
    pub iosd_event_authority: UncheckedAccount<'info>,
    /// CHECK: the iosd program.
    #[account(address = iosd::ID @ InferenceError::ConfigAccountMismatch)]
    pub iosd_program: UncheckedAccount<'info>,
}

impl From<Currency> for Denomination {
    fn from(currency: Currency) -> Self {
        match currency {
            Currency::Iosd => Self::Iosd,
            Currency::Io => Self::Io,
        }
    }
}

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

/// Builds the program's [`iosd::spender_cpi::Escrows`] from an instruction with `config`,
/// `io_vault` and `iosd` accounts.
#[macro_export]
macro_rules! escrows {
    ($ctx:expr) => {
        iosd::spender_cpi::Escrows {
            iosd: iosd::spender_cpi!($ctx.accounts.iosd, $ctx.bumps.iosd),
            io: $crate::instructions::escrow::io_vault(
                &$ctx.accounts.config,
                &$ctx.accounts.io_vault.to_account_info(),
                &$ctx.accounts.iosd.token_program,
            ),
        }
    };
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
