//! `holder_open`: opens the frozen IOSD account of `owner` at `[b"holder", owner]`, paid by
//! anyone. Owners are wallets, or the spender PDA of an allowed program (its escrow).

use anchor_lang::prelude::*;
use anchor_spl::token::Token;

use crate::constants::{CONFIG_PDA, SEED_HOLDER};
use crate::error::IosdError;
use crate::events::HolderOpened;
use crate::state::IosdConfig;
use crate::token_ops::TokenOps;

#[event_cpi]
#[derive(Accounts)]
pub struct HolderOpen<'info> {
    #[account(mut)]
    pub payer: Signer<'info>,
    /// CHECK: any address may own IOSD; it is only used as the token account's owner.
    pub owner: UncheckedAccount<'info>,
    /// The holder account PDA, created here.
    /// CHECK: seeds checked here; `handle` refuses an account that already exists.
    #[account(mut, seeds = [SEED_HOLDER, owner.key().as_ref()], bump)]
    pub holder: UncheckedAccount<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, IosdConfig>,
    /// CHECK: must be the configured IOSD mint.
    #[account(address = config.iosd_mint @ IosdError::ConfigAccountMismatch)]
    pub iosd_mint: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

impl HolderOpen<'_> {
    pub fn handle(ctx: Context<Self>) -> Result<()> {
        let accounts = &ctx.accounts;
        require!(
            io_common::is_uninitialized(&accounts.holder),
            IosdError::AlreadyInitialized
        );
        let owner = accounts.owner.key();
        io_common::create_pda_token_account(
            &accounts.payer.to_account_info(),
            &accounts.holder.to_account_info(),
            &accounts.system_program.to_account_info(),
            &accounts.token_program.to_account_info(),
            &accounts.iosd_mint.to_account_info(),
            &accounts.owner.to_account_info(),
            &[SEED_HOLDER, owner.as_ref(), &[ctx.bumps.holder]],
        )?;
        let seeds = accounts.config.signer_seeds();
        let ops = TokenOps {
            token_program: accounts.token_program.to_account_info(),
            iosd_mint: accounts.iosd_mint.to_account_info(),
            config: accounts.config.to_account_info(),
            signer_seeds: &seeds,
        };
        ops.freeze(&accounts.holder.to_account_info())?;
        emit_cpi!(HolderOpened {
            holder: accounts.holder.key(),
            owner,
            payer: accounts.payer.key(),
        });
        Ok(())
    }
}
