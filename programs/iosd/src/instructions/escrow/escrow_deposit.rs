//! `escrow_deposit`: an allowed program moves a holder's IOSD into its escrow (the holder account
//! of its spender PDA), by CPI carrying both the holder's signature and its own spender PDA's.
//! Funding a lease or an inference session goes through here. Works in every solvency state.

use anchor_lang::prelude::*;
use anchor_spl::token::{Token, TokenAccount};

use super::spender::require_spender;
use crate::constants::CONFIG_PDA;
use crate::error::IosdError;
use crate::events::EscrowDeposited;
use crate::state::IosdConfig;
use crate::token_ops::{TokenOps, require_holder};

#[event_cpi]
#[derive(Accounts)]
pub struct EscrowDeposit<'info> {
    /// The calling program's `[b"iosd_spender"]` PDA.
    /// CHECK: `require_spender` checks it is on the allow-list; the constraint that it signed
    /// also makes Anchor's CPI client mark it as a signer.
    #[account(signer @ IosdError::SpenderNotSigner)]
    pub spender: UncheckedAccount<'info>,
    /// Owner of the source holder account (the renter).
    pub owner: Signer<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, IosdConfig>,
    /// CHECK: must be the configured IOSD mint (thaw and freeze name it).
    #[account(address = config.iosd_mint @ IosdError::ConfigAccountMismatch)]
    pub iosd_mint: UncheckedAccount<'info>,
    #[account(
        mut,
        constraint = source.owner == owner.key() @ IosdError::HolderOwnerMismatch,
    )]
    pub source: Account<'info, TokenAccount>,
    #[account(
        mut,
        constraint = escrow.owner == spender.key() @ IosdError::EscrowNotOwnedBySpender,
    )]
    pub escrow: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

impl EscrowDeposit<'_> {
    pub fn handle(mut ctx: Context<Self>, amount_micros: u64) -> Result<()> {
        let accounts = &mut ctx.accounts;
        let spender_program = require_spender(&accounts.config, &accounts.spender)?;
        require!(amount_micros > 0, IosdError::ZeroAmount);
        require_holder(&accounts.source, &accounts.config.iosd_mint)?;
        require_holder(&accounts.escrow, &accounts.config.iosd_mint)?;
        require!(
            accounts.source.amount >= amount_micros,
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
            &accounts.source.to_account_info(),
            &accounts.escrow.to_account_info(),
            &accounts.owner.to_account_info(),
            amount_micros,
        )?;
        accounts.source.reload()?;
        accounts.escrow.reload()?;
        let event = EscrowDeposited {
            spender_program,
            source: accounts.source.key(),
            escrow: accounts.escrow.key(),
            amount_micros,
            source_balance_micros: accounts.source.amount,
            escrow_balance_micros: accounts.escrow.amount,
        };
        emit_cpi!(event);
        Ok(())
    }
}
