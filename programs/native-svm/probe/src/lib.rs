//! `probe`: a test-only Anchor program for the native SVM glue.
//!
//! Each instruction drives one path a real program takes through the syscalls: a token transfer
//! signed by the user, one signed by a PDA, an account created by a PDA-signed system CPI, an
//! `emit_cpi!` event, return data, the Clock sysvar and an error raised by a callee.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Mint, Token, TokenAccount, TransferChecked};

declare_id!("FFbaDxhsikpzDmi1jMDwkmVuN4THBADbshwxBddkdQBg");

/// Seed of the PDA that owns the probe's token vault.
pub const VAULT_AUTHORITY_SEED: &[u8] = b"vault_authority";
/// Seed of the probe's state account.
pub const STATE_SEED: &[u8] = b"state";

#[program]
pub mod probe {
    use super::*;

    /// Creates the state account (a system CPI signed by the PDA being created).
    pub fn state_init(ctx: Context<StateInit>, value: u64) -> Result<()> {
        let state = &mut ctx.accounts.state;
        state.value = value;
        state.bump = ctx.bumps.state;
        state.slot_seen = Clock::get()?.slot;
        Ok(())
    }

    /// Moves tokens out of the signer's own account (a CPI carrying the user's signature).
    pub fn user_transfer(ctx: Context<UserTransfer>, amount: u64) -> Result<()> {
        let accounts = TransferChecked {
            from: ctx.accounts.from.to_account_info(),
            mint: ctx.accounts.mint.to_account_info(),
            to: ctx.accounts.to.to_account_info(),
            authority: ctx.accounts.owner.to_account_info(),
        };
        let cpi = CpiContext::new(ctx.accounts.token_program.key(), accounts);
        token::transfer_checked(cpi, amount, ctx.accounts.mint.decimals)
    }

    /// Moves tokens out of the vault, signed by the vault authority PDA.
    pub fn vault_transfer(ctx: Context<VaultTransfer>, amount: u64) -> Result<()> {
        let bump = [ctx.bumps.vault_authority];
        let seeds: &[&[u8]] = &[VAULT_AUTHORITY_SEED, &bump];
        let signer = &[seeds];
        let accounts = TransferChecked {
            from: ctx.accounts.vault.to_account_info(),
            mint: ctx.accounts.mint.to_account_info(),
            to: ctx.accounts.to.to_account_info(),
            authority: ctx.accounts.vault_authority.to_account_info(),
        };
        let cpi = CpiContext::new_with_signer(ctx.accounts.token_program.key(), accounts, signer);
        token::transfer_checked(cpi, amount, ctx.accounts.mint.decimals)
    }

    /// Emits `Probed` through a self-CPI.
    pub fn echo(ctx: Context<Echo>, value: u64) -> Result<()> {
        emit_cpi!(Probed {
            value,
            slot: Clock::get()?.slot
        });
        Ok(())
    }

    /// Writes into an account passed read-only, which the runtime must refuse.
    pub fn scribble(ctx: Context<Scribble>) -> Result<()> {
        let mut data = ctx.accounts.state.try_borrow_mut_data()?;
        data[8] ^= 0xff;
        Ok(())
    }

    /// Always fails with `ProbeError::Refused`.
    pub fn refuse(_ctx: Context<Refuse>) -> Result<()> {
        err!(ProbeError::Refused)
    }
}

#[account]
#[derive(InitSpace)]
pub struct ProbeState {
    pub value: u64,
    pub slot_seen: u64,
    pub bump: u8,
}

#[event]
pub struct Probed {
    pub value: u64,
    pub slot: u64,
}

#[error_code]
pub enum ProbeError {
    #[msg("the probe refuses, as asked")]
    Refused,
}

#[derive(Accounts)]
pub struct StateInit<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    #[account(init, payer = payer, space = 8 + ProbeState::INIT_SPACE, seeds = [STATE_SEED], bump)]
    pub state: Account<'info, ProbeState>,
    pub system_program: Program<'info, System>,
}

#[derive(Accounts)]
pub struct UserTransfer<'info> {
    pub owner: Signer<'info>,
    pub mint: Account<'info, Mint>,
    #[account(mut, token::mint = mint, token::authority = owner)]
    pub from: Account<'info, TokenAccount>,
    #[account(mut, token::mint = mint)]
    pub to: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

#[derive(Accounts)]
pub struct VaultTransfer<'info> {
    /// CHECK: a PDA that only signs; its address is fixed by the seeds.
    #[account(seeds = [VAULT_AUTHORITY_SEED], bump)]
    pub vault_authority: UncheckedAccount<'info>,
    pub mint: Account<'info, Mint>,
    #[account(mut, token::mint = mint, token::authority = vault_authority)]
    pub vault: Account<'info, TokenAccount>,
    #[account(mut, token::mint = mint)]
    pub to: Account<'info, TokenAccount>,
    pub token_program: Program<'info, Token>,
}

#[event_cpi]
#[derive(Accounts)]
pub struct Echo<'info> {}

#[derive(Accounts)]
pub struct Refuse<'info> {
    pub caller: Signer<'info>,
}

#[derive(Accounts)]
pub struct Scribble<'info> {
    /// CHECK: deliberately read-only; the instruction writes to it anyway.
    pub state: UncheckedAccount<'info>,
}
