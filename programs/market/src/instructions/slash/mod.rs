//! Slashing with appeal: a slasher moves a capped share of a device's stake into the escrow; the
//! authority upholds (to the treasury) or reverses (back to the stake); after the deadline anyone
//! finalises with the default outcome, upheld.

pub mod slash_finalize;
pub mod slash_open;
pub mod slash_reverse;
pub mod slash_uphold;

pub use slash_open::*;

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, TokenAccount, Transfer};

use crate::constants::{CONFIG_PDA, SEED_SLASH};
use crate::error::MarketError;
use crate::events::SlashDecided;
use crate::math::{add, sub};
use crate::state::{Device, MarketConfig, Slash};

/// The accounts of a slash decision. The slash account closes, its rent back to the slasher.
#[event_cpi]
#[derive(Accounts)]
pub struct SlashDecide<'info> {
    /// The authority for `slash_uphold` and `slash_reverse`; anyone for `slash_finalize`.
    pub decider: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(mut, dup)]
    pub device: Box<Account<'info, Device>>,
    #[account(
        mut, dup,
        close = rent_payer,
        seeds = [SEED_SLASH, device.key().as_ref(), &slash.nonce.to_le_bytes()],
        bump = slash.bump,
        has_one = device @ MarketError::ConfigAccountMismatch,
        has_one = rent_payer @ MarketError::ConfigAccountMismatch,
    )]
    pub slash: Box<Account<'info, Slash>>,
    /// CHECK: the slash's recorded rent payer (`has_one`).
    #[account(mut)]
    pub rent_payer: UncheckedAccount<'info>,
    #[account(mut, address = config.slash_escrow @ MarketError::ConfigAccountMismatch)]
    pub slash_escrow: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.treasury @ MarketError::ConfigAccountMismatch)]
    pub treasury: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.stake_vault @ MarketError::ConfigAccountMismatch)]
    pub stake_vault: Box<Account<'info, TokenAccount>>,
    pub token_program: Program<'info, Token>,
}

impl SlashDecide<'_> {
    /// Moves the escrowed stake to the treasury (upheld) or back to the device's stake.
    pub(crate) fn decide(&mut self, upheld: bool) -> Result<SlashDecided> {
        let amount = self.slash.amount_io_base;
        let destination = if upheld {
            self.treasury.to_account_info()
        } else {
            self.stake_vault.to_account_info()
        };
        let seeds = self.config.signer_seeds();
        token::transfer(
            CpiContext::new_with_signer(
                self.token_program.key(),
                Transfer {
                    from: self.slash_escrow.to_account_info(),
                    to: destination,
                    authority: self.config.to_account_info(),
                },
                &[&seeds],
            ),
            amount,
        )?;
        let stake = &mut self.device.stake;
        stake.escrowed = sub(stake.escrowed, amount)?;
        let totals = &mut self.config.stake;
        totals.escrowed_io_base = sub(totals.escrowed_io_base, amount)?;
        if upheld {
            stake.slashed = add(stake.slashed, amount)?;
            totals.slashed_io_base = add(totals.slashed_io_base, amount)?;
        } else {
            stake.staked = add(stake.staked, amount)?;
            totals.staked_io_base = add(totals.staked_io_base, amount)?;
        }
        self.device.slash_open = false;
        self.device.bump_revision()?;
        self.device.invariant()?;
        self.config.bump_revision()?;
        self.config.invariant()?;
        Ok(SlashDecided {
            slash: self.slash.key(),
            device: self.device.key(),
            amount_io_base: amount,
            upheld,
            by_default: false,
            stake: self.device.stake,
            totals: self.config.stake,
        })
    }
}
