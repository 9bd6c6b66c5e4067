//! `iosd_redeem`: a holder burns IOSD and receives IO from the vault.
//!
//! With a fresh price and the collateral ratio (on EMA) at or above 1.0, IO is paid at the
//! redeem price, max(spot, EMA) + k·conf, rounded down. Under 1.0 it is paid in kind:
//! `amount × vault IO / supply`, rounded down, which never takes more than the redeemer's share
//! of the vault. When no usable price has been seen for the oracle-halt delay, it pays the
//! smaller of the two: in kind, or at the last recorded redeem price, so waiting out a quiet
//! spell and redeeming with an old update never pays more than the last price did. A stale
//! price before the halt delay has passed is refused.

use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use crate::constants::{COLLATERAL_RATIO_ONE_BPS, CONFIG_PDA};
use crate::error::IosdError;
use crate::events::IosdRedeemed;
use crate::price::{self, PriceReading};
use crate::state::{IosdConfig, SolvencyState};
use crate::token_ops::{TokenOps, require_holder};

#[event_cpi]
#[derive(Accounts)]
pub struct IosdRedeem<'info> {
    /// Owner of the holder account: a wallet, or an allowed program's spender PDA by CPI.
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, IosdConfig>>,
    /// CHECK: decoded and checked by `price::read_price`.
    pub price_update: UncheckedAccount<'info>,
    #[account(
        mut,
        constraint = holder.owner == owner.key() @ IosdError::HolderOwnerMismatch,
    )]
    pub holder: Account<'info, TokenAccount>,
    #[account(mut, dup, address = config.iosd_mint @ IosdError::ConfigAccountMismatch)]
    pub iosd_mint: Account<'info, Mint>,
    #[account(mut, address = config.io_vault @ IosdError::ConfigAccountMismatch)]
    pub io_vault: Account<'info, TokenAccount>,
    /// Any IO token account; receives the IO.
    #[account(
        mut,
        constraint = destination_io.mint == config.io_mint @ IosdError::IoMintMismatch,
    )]
    pub destination_io: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

/// How a redemption is priced.
enum Payout {
    /// At a price: the fresh redeem price, or the last recorded one in an oracle halt.
    AtPrice {
        io_base: u64,
        price_pico_usd: u128,
        /// The fresh price read (None: the recorded price of a halt).
        fresh: Option<price::Reading>,
    },
    /// In kind: under 1.0 collateral with a fresh price, or in an oracle halt when that pays
    /// less than the recorded price.
    InKind {
        io_base: u64,
        fresh: Option<price::Reading>,
    },
}

impl Payout {
    fn fresh(&self) -> Option<price::Reading> {
        match self {
            Self::AtPrice { fresh, .. } | Self::InKind { fresh, .. } => *fresh,
        }
    }
}

impl IosdRedeem<'_> {
    fn payout(&self, iosd_in: u64, now: i64) -> Result<Payout> {
        let config = &self.config;
        let (vault, supply) = (self.io_vault.amount, self.iosd_mint.supply);
        let in_kind =
            io_oracle::price::in_kind_io_floor(iosd_in, vault, supply).map_err(IosdError::from)?;
        match price::read_price(&self.price_update, config, now)? {
            PriceReading::Fresh(checked, publish_time) => {
                let reading = price::Reading::of(&checked, config, publish_time)?;
                let ratio = io_oracle::price::collateral_ratio_bps(vault, supply, reading.ema)
                    .map_err(IosdError::from)?;
                if ratio < u64::from(COLLATERAL_RATIO_ONE_BPS) {
                    return Ok(Payout::InKind {
                        io_base: in_kind,
                        fresh: Some(reading),
                    });
                }
                Ok(Payout::AtPrice {
                    io_base: reading
                        .redeem
                        .io_for_iosd_floor(iosd_in)
                        .map_err(IosdError::from)?,
                    price_pico_usd: reading.redeem.0,
                    fresh: Some(reading),
                })
            }
            PriceReading::Stale if price::oracle_halted(config, now) => {
                Ok(match price::halted_payout(config, iosd_in, in_kind)? {
                    (io_base, 0) => Payout::InKind {
                        io_base,
                        fresh: None,
                    },
                    (io_base, price_pico_usd) => Payout::AtPrice {
                        io_base,
                        price_pico_usd,
                        fresh: None,
                    },
                })
            }
            PriceReading::Stale => err!(IosdError::PriceStale),
        }
    }

    pub fn handle(mut ctx: Context<Self>, iosd_in_micros: u64, min_io_out_base: u64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &mut ctx.accounts;
        require!(iosd_in_micros > 0, IosdError::ZeroAmount);
        require_holder(&accounts.holder, &accounts.config.iosd_mint)?;
        require!(
            accounts.holder.amount >= iosd_in_micros,
            IosdError::InsufficientIosd
        );
        let payout = accounts.payout(iosd_in_micros, now)?;
        let (io_out, in_kind, price_pico_usd) = match payout {
            Payout::AtPrice {
                io_base,
                price_pico_usd,
                ..
            } => (io_base, false, price_pico_usd),
            Payout::InKind { io_base, .. } => (io_base, true, 0),
        };
        require!(io_out > 0, IosdError::AmountTooSmall);
        require!(io_out >= min_io_out_base, IosdError::SlippageExceeded);
        require!(
            io_out <= accounts.io_vault.amount,
            IosdError::VaultInsufficient
        );

        let config = &mut accounts.config;
        config.totals.burned_iosd_micros = config
            .totals
            .burned_iosd_micros
            .checked_add(iosd_in_micros)
            .ok_or(IosdError::MathOverflow)?;
        config.totals.redeemed_io_base = config
            .totals
            .redeemed_io_base
            .checked_add(io_out)
            .ok_or(IosdError::MathOverflow)?;

        let seeds = accounts.config.signer_seeds();
        let ops = TokenOps {
            token_program: accounts.token_program.to_account_info(),
            iosd_mint: accounts.iosd_mint.to_account_info(),
            config: accounts.config.to_account_info(),
            signer_seeds: &seeds,
        };
        ops.burn_from_holder(
            &accounts.holder.to_account_info(),
            &accounts.owner.to_account_info(),
            iosd_in_micros,
        )?;
        ops.pay_from_vault(
            &accounts.io_vault.to_account_info(),
            &accounts.destination_io.to_account_info(),
            io_out,
        )?;

        accounts.io_vault.reload()?;
        accounts.iosd_mint.reload()?;
        accounts.holder.reload()?;
        let (vault, supply) = (accounts.io_vault.amount, accounts.iosd_mint.supply);
        let config = &mut accounts.config;
        match payout.fresh() {
            Some(reading) => {
                let (ratio, state) = price::solvency_at(config, reading.ema, vault, supply)?;
                price::record(config, ratio, state, &reading, now);
            }
            None => {
                config.solvency.state = SolvencyState::OracleHalted;
                config.solvency.updated_at = now;
            }
        }
        config.bump_revision()?;
        config.invariant()?;
        require_eq!(
            supply,
            config.totals.outstanding_iosd_micros()?,
            IosdError::InvariantViolated
        );
        let event = IosdRedeemed {
            owner: accounts.owner.key(),
            holder: accounts.holder.key(),
            destination: accounts.destination_io.key(),
            iosd_in_micros,
            io_out_base: io_out,
            in_kind,
            price_pico_usd,
            holder_balance_micros: accounts.holder.amount,
            supply_micros: supply,
            vault_io_base: vault,
            ratio_bps: config.solvency.ratio_bps,
            state: config.solvency.state,
            revision: config.revision,
        };
        emit_cpi!(event);
        Ok(())
    }
}
