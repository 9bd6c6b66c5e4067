//! Leases funded in IOSD or IO: open, top up, settle cumulative usage (one lease or a batch),
//! request the close, finalise.
//! IOSD sits in the market's escrow (the iosd holder of the market's spender PDA) and moves only
//! by CPI into iosd signed with that PDA; IO sits in the market's lease vault (a token account
//! owned by the config) and moves by SPL Token instructions the config signs.
//! [`iosd::spender_cpi::Escrows`] picks the side by the lease's currency.

pub mod lease_close_request;
pub mod lease_finalize;
pub mod lease_open;
pub mod lease_settle;
pub mod lease_settle_batch;
pub mod lease_top_up;
pub mod quote;
pub mod settlement;

pub use lease_close_request::*;
pub use lease_finalize::*;
pub use lease_open::*;
pub use lease_settle::*;
pub use lease_settle_batch::*;
pub use lease_top_up::*;

use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};
use io_common::BPS_DENOMINATOR;
use iosd::constants::SEED_SPENDER;

use crate::error::MarketError;
use crate::state::{Currency, MarketConfig};
use io_common::PdaVault;

/// The iosd accounts of an IOSD movement. iosd checks each of them itself (its config's seeds,
/// its mint, that the escrow is the holder account of this spender PDA).
#[derive(Accounts)]
pub struct IosdAccounts<'info> {
    /// CHECK: the market's spender PDA (seeds checked); signs the CPIs.
    #[account(seeds = [SEED_SPENDER], bump)]
    pub spender: UncheckedAccount<'info>,
    /// CHECK: checked by iosd; writable because burning counts into its totals.
    #[account(mut)]
    pub iosd_config: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub iosd_mint: UncheckedAccount<'info>,
    /// CHECK: the market's escrow, checked by iosd (holder account owned by `spender`).
    #[account(mut)]
    pub escrow: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    /// CHECK: checked by iosd.
    pub iosd_event_authority: UncheckedAccount<'info>,
    /// CHECK: the iosd program.
    #[account(address = iosd::ID @ MarketError::ConfigAccountMismatch)]
    pub iosd_program: UncheckedAccount<'info>,
}

/// Checks that a token account belongs to `owner` (for an IOSD holder, iosd checks the rest).
pub fn require_owned_by(account: &TokenAccount, owner: &Pubkey) -> Result<()> {
    require_keys_eq!(account.owner, *owner, MarketError::LeaseMismatch);
    Ok(())
}

/// A fee split: `fee = ⌈amount × fee_bps⌉`, of which `burn = ⌊fee × burn_share_bps⌋` is burned
/// and the rest goes to the treasury. Fees round up and the burn rounds down, both in the
/// protocol's favour.
pub struct FeeSplit {
    pub fee: u64,
    pub burn: u64,
    pub treasury: u64,
}

pub fn split_fee(amount: u64, fee_bps: u16, burn_share_bps: u16) -> Result<FeeSplit> {
    let denominator = u128::from(BPS_DENOMINATOR);
    let fee = u128::from(amount)
        .checked_mul(u128::from(fee_bps))
        .ok_or(MarketError::MathOverflow)?
        .div_ceil(denominator);
    let burn = fee
        .checked_mul(u128::from(burn_share_bps))
        .ok_or(MarketError::MathOverflow)?
        .checked_div(denominator)
        .ok_or(MarketError::MathOverflow)?;
    let fee = u64::try_from(fee).map_err(|_| error!(MarketError::MathOverflow))?;
    let burn = u64::try_from(burn).map_err(|_| error!(MarketError::MathOverflow))?;
    Ok(FeeSplit {
        fee,
        burn,
        treasury: fee.checked_sub(burn).ok_or(MarketError::MathOverflow)?,
    })
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

impl From<Currency> for iosd::spender_cpi::Denomination {
    fn from(currency: Currency) -> Self {
        match currency {
            Currency::Iosd => Self::Iosd,
            Currency::Io => Self::Io,
        }
    }
}

/// Builds the market's [`iosd::spender_cpi::Escrows`] from an instruction with `config`,
/// `lease_vault` and `iosd` accounts.
#[macro_export]
macro_rules! lease_money {
    ($ctx:expr) => {
        iosd::spender_cpi::Escrows {
            iosd: iosd::spender_cpi!($ctx.accounts.iosd, $ctx.bumps.iosd),
            io: $crate::instructions::lease::lease_vault(
                &$ctx.accounts.config,
                &$ctx.accounts.lease_vault.to_account_info(),
                &$ctx.accounts.iosd.token_program,
            ),
        }
    };
}
