//! `spender_probe`: a test-only program that uses iosd's spend interface exactly as an allowed
//! program does, by CPI signed with its `[b"iosd_spender"]` PDA, plus one path that calls
//! `escrow_deposit` without that signature, so the tests can show iosd refuses it.

use anchor_lang::prelude::*;
use anchor_lang::solana_program::program::invoke;
use anchor_lang::{InstructionData, ToAccountMetas};
use iosd::constants::SEED_SPENDER;

declare_id!("9NiwGVdbwYZKugM6drXznPFVVwHvN4sMUsNxghCnxmpC");

#[program]
pub mod spender_probe {
    use super::*;

    /// Moves the signer's IOSD into this program's escrow.
    pub fn escrow_deposit(ctx: Context<Deposit>, amount_micros: u64) -> Result<()> {
        let bump = [ctx.bumps.spender];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let signer = &[seeds];
        let a = &ctx.accounts;
        let accounts = iosd::cpi::accounts::EscrowDeposit {
            spender: a.spender.to_account_info(),
            owner: a.owner.to_account_info(),
            config: a.config.to_account_info(),
            iosd_mint: a.iosd_mint.to_account_info(),
            source: a.source.to_account_info(),
            escrow: a.escrow.to_account_info(),
            token_program: a.token_program.to_account_info(),
            event_authority: a.iosd_event_authority.to_account_info(),
            program: a.iosd_program.to_account_info(),
        };
        iosd::cpi::escrow_deposit(
            CpiContext::new_with_signer(iosd::ID, accounts, signer),
            amount_micros,
        )
    }

    /// Calls iosd's `escrow_deposit` naming the spender PDA without signing for it.
    pub fn escrow_deposit_unsigned(ctx: Context<Deposit>, amount_micros: u64) -> Result<()> {
        let a = &ctx.accounts;
        let mut metas = iosd::accounts::EscrowDeposit {
            spender: a.spender.key(),
            owner: a.owner.key(),
            config: a.config.key(),
            iosd_mint: a.iosd_mint.key(),
            source: a.source.key(),
            escrow: a.escrow.key(),
            token_program: a.token_program.key(),
            event_authority: a.iosd_event_authority.key(),
            program: iosd::ID,
        }
        .to_account_metas(None);
        metas[0].is_signer = false;
        let ix = anchor_lang::solana_program::instruction::Instruction {
            program_id: iosd::ID,
            accounts: metas,
            data: iosd::instruction::EscrowDeposit { amount_micros }.data(),
        };
        invoke(&ix, &a.to_account_infos()).map_err(Into::into)
    }

    /// Pays IOSD from this program's escrow to a holder.
    pub fn escrow_pay(ctx: Context<EscrowMove>, amount_micros: u64) -> Result<()> {
        let bump = [ctx.bumps.spender];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let signer = &[seeds];
        let a = &ctx.accounts;
        let accounts = iosd::cpi::accounts::EscrowPay {
            spender: a.spender.to_account_info(),
            config: a.config.to_account_info(),
            iosd_mint: a.iosd_mint.to_account_info(),
            escrow: a.escrow.to_account_info(),
            destination: a.destination.to_account_info(),
            token_program: a.token_program.to_account_info(),
            event_authority: a.iosd_event_authority.to_account_info(),
            program: a.iosd_program.to_account_info(),
        };
        iosd::cpi::escrow_pay(
            CpiContext::new_with_signer(iosd::ID, accounts, signer),
            amount_micros,
        )
    }

    /// Burns IOSD from this program's escrow.
    pub fn escrow_burn(ctx: Context<EscrowMove>, amount_micros: u64) -> Result<()> {
        let bump = [ctx.bumps.spender];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let signer = &[seeds];
        let a = &ctx.accounts;
        let accounts = iosd::cpi::accounts::EscrowBurn {
            spender: a.spender.to_account_info(),
            config: a.config.to_account_info(),
            iosd_mint: a.iosd_mint.to_account_info(),
            escrow: a.escrow.to_account_info(),
            token_program: a.token_program.to_account_info(),
            event_authority: a.iosd_event_authority.to_account_info(),
            program: a.iosd_program.to_account_info(),
        };
        iosd::cpi::escrow_burn(
            CpiContext::new_with_signer(iosd::ID, accounts, signer),
            amount_micros,
        )
    }
}

/// Accounts of `escrow_deposit` and `escrow_deposit_unsigned`; iosd checks all of them.
#[derive(Accounts)]
pub struct Deposit<'info> {
    /// CHECK: this program's spender PDA.
    #[account(seeds = [SEED_SPENDER], bump)]
    pub spender: UncheckedAccount<'info>,
    pub owner: Signer<'info>,
    /// CHECK: checked by iosd.
    pub config: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    pub iosd_mint: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub source: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub escrow: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    pub token_program: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    pub iosd_event_authority: UncheckedAccount<'info>,
    /// CHECK: the iosd program.
    #[account(address = iosd::ID)]
    pub iosd_program: UncheckedAccount<'info>,
}

/// Accounts of `escrow_pay` and `escrow_burn` (`escrow_burn` ignores `destination`).
#[derive(Accounts)]
pub struct EscrowMove<'info> {
    /// CHECK: this program's spender PDA.
    #[account(seeds = [SEED_SPENDER], bump)]
    pub spender: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub config: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub iosd_mint: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub escrow: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub destination: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    pub token_program: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    pub iosd_event_authority: UncheckedAccount<'info>,
    /// CHECK: the iosd program.
    #[account(address = iosd::ID)]
    pub iosd_program: UncheckedAccount<'info>,
}
