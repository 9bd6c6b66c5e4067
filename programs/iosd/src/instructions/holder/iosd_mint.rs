//! `iosd_mint`: a user commits IO into the vault and receives IOSD at the mint price,
//! min(spot, EMA) − k·conf, either spending exactly N IO or getting exactly N IOSD, each with a
//! slippage limit. Refused below the mint-halt collateral ratio, above the breaker, while the
//! guardian's mint pause runs, and without a fresh, fully verified price of the configured feed.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Mint, Token, TokenAccount, Transfer};

use crate::constants::CONFIG_PDA;
use crate::error::IosdError;
use crate::events::IosdMinted;
use crate::price;
use crate::state::IosdConfig;
use crate::token_ops::{TokenOps, require_holder};

/// How much to mint.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MintAmount {
    /// Commit exactly `io_in_base`, receive at least `min_iosd_out_micros`.
    ExactIo {
        io_in_base: u64,
        min_iosd_out_micros: u64,
    },
    /// Receive exactly `iosd_out_micros`, commit at most `max_io_in_base`.
    ExactIosd {
        iosd_out_micros: u64,
        max_io_in_base: u64,
    },
}

#[event_cpi]
#[derive(Accounts)]
pub struct IosdMint<'info> {
    pub user: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, IosdConfig>>,
    /// CHECK: decoded and checked by `price::fresh_price` (owner, discriminator, feed, level,
    /// age, sign, exponent).
    pub price_update: UncheckedAccount<'info>,
    /// The user's IO token account the IO comes from.
    #[account(
        mut,
        constraint = user_io.mint == config.io_mint @ IosdError::IoMintMismatch,
    )]
    pub user_io: Account<'info, TokenAccount>,
    #[account(mut, address = config.io_vault @ IosdError::ConfigAccountMismatch)]
    pub io_vault: Account<'info, TokenAccount>,
    #[account(mut, dup, address = config.iosd_mint @ IosdError::ConfigAccountMismatch)]
    pub iosd_mint: Account<'info, Mint>,
    /// The holder account that receives the IOSD (the user's own, or anyone's).
    #[account(mut)]
    pub holder: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

impl IosdMint<'_> {
    pub fn handle(mut ctx: Context<Self>, amount: MintAmount) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &mut ctx.accounts;
        require!(
            !accounts.config.mint_pause.is_paused(now),
            IosdError::Paused
        );
        require_holder(&accounts.holder, &accounts.config.iosd_mint)?;
        let (checked, publish_time) =
            price::fresh_price(&accounts.price_update, &accounts.config, now)?;
        let reading = price::Reading::of(&checked, &accounts.config, publish_time)?;
        let ema = reading.ema;
        let supply_before = accounts.iosd_mint.supply;
        // Refused below the halt ratio before this mint; a mint itself can only raise the
        // ratio (IO comes in valued at or below EMA), so the state after it needs no check.
        let (_, state_before) = price::solvency_at(
            &accounts.config,
            ema,
            accounts.io_vault.amount,
            supply_before,
        )?;
        require!(
            state_before != crate::state::SolvencyState::MintHalted,
            IosdError::MintHalted
        );

        let mint_price = checked
            .mint_price(accounts.config.oracle.confidence_multiplier_bps)
            .map_err(IosdError::from)?;
        let (io_in, iosd_out) = match amount {
            MintAmount::ExactIo {
                io_in_base,
                min_iosd_out_micros,
            } => {
                require!(io_in_base > 0, IosdError::ZeroAmount);
                let out = mint_price
                    .iosd_for_io_floor(io_in_base)
                    .map_err(IosdError::from)?;
                require!(out > 0, IosdError::AmountTooSmall);
                require!(out >= min_iosd_out_micros, IosdError::SlippageExceeded);
                (io_in_base, out)
            }
            MintAmount::ExactIosd {
                iosd_out_micros,
                max_io_in_base,
            } => {
                require!(iosd_out_micros > 0, IosdError::ZeroAmount);
                let cost = mint_price
                    .io_for_iosd_ceil(iosd_out_micros)
                    .map_err(IosdError::from)?;
                require!(cost <= max_io_in_base, IosdError::SlippageExceeded);
                (cost, iosd_out_micros)
            }
        };

        let config = &mut accounts.config;
        let bucket = io_credit::MintBucket {
            level: config.breaker_level_micros,
            updated_at: config.breaker_updated_at,
        };
        let bucket = config
            .breaker
            .params()
            .admit(bucket, supply_before, iosd_out, now)
            .map_err(|_| IosdError::MintRateExceeded)?;
        config.breaker_level_micros = bucket.level;
        config.breaker_updated_at = bucket.updated_at;
        config.totals.minted_iosd_micros = config
            .totals
            .minted_iosd_micros
            .checked_add(iosd_out)
            .ok_or(IosdError::MathOverflow)?;
        config.totals.committed_io_base = config
            .totals
            .committed_io_base
            .checked_add(io_in)
            .ok_or(IosdError::MathOverflow)?;

        let commit = Transfer {
            from: accounts.user_io.to_account_info(),
            to: accounts.io_vault.to_account_info(),
            authority: accounts.user.to_account_info(),
        };
        token::transfer(CpiContext::new(accounts.token_program.key(), commit), io_in)?;
        let seeds = accounts.config.signer_seeds();
        let ops = TokenOps {
            token_program: accounts.token_program.to_account_info(),
            iosd_mint: accounts.iosd_mint.to_account_info(),
            config: accounts.config.to_account_info(),
            signer_seeds: &seeds,
        };
        ops.mint_to_holder(&accounts.holder.to_account_info(), iosd_out)?;

        accounts.io_vault.reload()?;
        accounts.iosd_mint.reload()?;
        accounts.holder.reload()?;
        let (vault, supply) = (accounts.io_vault.amount, accounts.iosd_mint.supply);
        let (ratio, state) = price::solvency_at(&accounts.config, ema, vault, supply)?;
        let config = &mut accounts.config;
        price::record(config, ratio, state, &reading, now);
        config.bump_revision()?;
        config.invariant()?;
        require_eq!(
            supply,
            config.totals.outstanding_iosd_micros()?,
            IosdError::InvariantViolated
        );
        let event = IosdMinted {
            user: accounts.user.key(),
            holder: accounts.holder.key(),
            io_in_base: io_in,
            iosd_out_micros: iosd_out,
            price_pico_usd: mint_price.0,
            holder_balance_micros: accounts.holder.amount,
            supply_micros: supply,
            vault_io_base: vault,
            ratio_bps: ratio,
            state,
            breaker_level_micros: config.breaker_level_micros,
            revision: config.revision,
        };
        emit_cpi!(event);
        Ok(())
    }
}
