//! `escrow_burn`: an allowed program burns IOSD from its escrow (the burn share of a protocol
//! fee). The IO that backed it stays in the vault as surplus collateral, deliberately.

use anchor_lang::prelude::*;
use anchor_spl::token::{Mint, Token, TokenAccount};

use super::spender::require_spender;
use crate::constants::CONFIG_PDA;
use crate::error::IosdError;
use crate::events::EscrowBurned;
use crate::state::IosdConfig;
use crate::token_ops::{TokenOps, require_holder};

#[event_cpi]
#[derive(Accounts)]
pub struct EscrowBurn<'info> {
    /// The calling program's `[b"iosd_spender"]` PDA, owner of the escrow.
    /// CHECK: `require_spender` checks it is on the allow-list; the constraint that it signed
    /// also makes Anchor's CPI client mark it as a signer.
    #[account(signer @ IosdError::SpenderNotSigner)]
    pub spender: UncheckedAccount<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, IosdConfig>,
    #[account(mut, dup, address = config.iosd_mint @ IosdError::ConfigAccountMismatch)]
    pub iosd_mint: Account<'info, Mint>,
    #[account(
        mut, dup,
        constraint = escrow.owner == spender.key() @ IosdError::EscrowNotOwnedBySpender,
    )]
    pub escrow: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

impl EscrowBurn<'_> {
    pub fn handle(mut ctx: Context<Self>, amount_micros: u64) -> Result<()> {
        let accounts = &mut ctx.accounts;
        let spender_program = require_spender(&accounts.config, &accounts.spender)?;
        require!(amount_micros > 0, IosdError::ZeroAmount);
        require_holder(&accounts.escrow, &accounts.config.iosd_mint)?;
        require!(
            accounts.escrow.amount >= amount_micros,
            IosdError::InsufficientIosd
        );
        let config = &mut accounts.config;
        config.totals.burned_iosd_micros = config
            .totals
            .burned_iosd_micros
            .checked_add(amount_micros)
            .ok_or(IosdError::MathOverflow)?;
        let seeds = accounts.config.signer_seeds();
        let ops = TokenOps {
            token_program: accounts.token_program.to_account_info(),
            iosd_mint: accounts.iosd_mint.to_account_info(),
            config: accounts.config.to_account_info(),
            signer_seeds: &seeds,
        };
        ops.burn_from_holder(
            &accounts.escrow.to_account_info(),
            &accounts.spender.to_account_info(),
            amount_micros,
        )?;
        accounts.escrow.reload()?;
        accounts.iosd_mint.reload()?;
        let config = &mut accounts.config;
        config.bump_revision()?;
        config.invariant()?;
        require_eq!(
            accounts.iosd_mint.supply,
            config.totals.outstanding_iosd_micros()?,
            IosdError::InvariantViolated
        );
        let event = EscrowBurned {
            spender_program,
            escrow: accounts.escrow.key(),
            amount_micros,
            escrow_balance_micros: accounts.escrow.amount,
            supply_micros: accounts.iosd_mint.supply,
            burned_total_micros: config.totals.burned_iosd_micros,
            revision: config.revision,
        };
        emit_cpi!(event);
        Ok(())
    }
}
