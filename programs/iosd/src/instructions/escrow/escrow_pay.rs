//! `escrow_pay`: an allowed program pays IOSD out of its escrow into any holder account (a
//! provider's, a model owner's, the treasury's), signed by its spender PDA, which owns the escrow.

use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use super::spender::require_spender;
use crate::constants::CONFIG_PDA;
use crate::error::IosdError;
use crate::events::EscrowPaid;
use crate::state::IosdConfig;
use crate::token_ops::{TokenOps, require_holder};

#[event_cpi]
#[derive(Accounts)]
pub struct EscrowPay<'info> {
    /// The calling program's `[b"iosd_spender"]` PDA, owner of the escrow.
    /// CHECK: `require_spender` checks it is on the allow-list; the constraint that it signed
    /// also makes Anchor's CPI client mark it as a signer.
    #[account(signer @ IosdError::SpenderNotSigner)]
    pub spender: UncheckedAccount<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, IosdConfig>,
    /// CHECK: must be the configured IOSD mint (thaw and freeze name it).
    #[account(address = config.iosd_mint @ IosdError::ConfigAccountMismatch)]
    pub iosd_mint: UncheckedAccount<'info>,
    #[account(
        mut,
        constraint = escrow.owner == spender.key() @ IosdError::EscrowNotOwnedBySpender,
    )]
    pub escrow: Account<'info, TokenAccount>,
    #[account(mut)]
    pub destination: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

impl EscrowPay<'_> {
    pub fn handle(mut ctx: Context<Self>, amount_micros: u64) -> Result<()> {
        let accounts = &mut ctx.accounts;
        let spender_program = require_spender(&accounts.config, &accounts.spender)?;
        require!(amount_micros > 0, IosdError::ZeroAmount);
        require_holder(&accounts.escrow, &accounts.config.iosd_mint)?;
        require_holder(&accounts.destination, &accounts.config.iosd_mint)?;
        require!(
            accounts.escrow.amount >= amount_micros,
            IosdError::InsufficientIosd
        );
        let seeds = accounts.config.signer_seeds();
        let ops = TokenOps {
            token_program: accounts.token_program.to_account_info(),
            iosd_mint: accounts.iosd_mint.to_account_info(),
            config: accounts.config.to_account_info(),
            signer_seeds: &seeds,
        };
        ops.transfer_between_holders(
            &accounts.escrow.to_account_info(),
            &accounts.destination.to_account_info(),
            &accounts.spender.to_account_info(),
            amount_micros,
        )?;
        accounts.escrow.reload()?;
        accounts.destination.reload()?;
        let event = EscrowPaid {
            spender_program,
            escrow: accounts.escrow.key(),
            destination: accounts.destination.key(),
            amount_micros,
            escrow_balance_micros: accounts.escrow.amount,
            destination_balance_micros: accounts.destination.amount,
        };
        emit_cpi!(event);
        Ok(())
    }
}
