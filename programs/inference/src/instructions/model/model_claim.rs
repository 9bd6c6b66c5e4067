//! `model_claim`: the model's owner takes its credited share of payments in one currency, out of
//! the program's escrow of that currency, into an account of its own (its IOSD holder, or an IO
//! account it owns).

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::CONFIG_PDA;
use crate::error::InferenceError;
use crate::events::ModelClaimed;
use crate::instructions::escrow::*;
use crate::state::{Currency, InferenceConfig, Model};

#[event_cpi]
#[derive(Accounts)]
pub struct ModelClaim<'info> {
    pub owner: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, InferenceConfig>,
    #[account(mut, dup, has_one = owner @ InferenceError::NotModelOwner)]
    pub model: Account<'info, Model>,
    /// The owner's IOSD holder or IO account.
    #[account(mut)]
    pub destination: Account<'info, TokenAccount>,
    #[account(mut, address = config.io_vault @ InferenceError::ConfigAccountMismatch)]
    pub io_vault: Account<'info, TokenAccount>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl ModelClaim<'_> {
    pub fn handle(ctx: Context<Self>, currency: Currency) -> Result<()> {
        let accounts = &ctx.accounts;
        let owner = accounts.model.owner;
        require_payout(
            &accounts.destination,
            &accounts.config,
            currency,
            Some(&owner),
        )?;
        let amount = match currency {
            Currency::Iosd => accounts.model.earned_iosd_micros,
            Currency::Io => accounts.model.earned_io_base,
        };
        require!(amount > 0, InferenceError::NothingToClaim);
        escrows(
            &ctx.accounts.config,
            ctx.accounts.io_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?
        .pay(currency, &accounts.destination.to_account_info(), amount)?;
        let model = &mut ctx.accounts.model;
        *model.earned_mut(currency) = 0;
        let claimed = match currency {
            Currency::Iosd => &mut model.claimed_iosd_micros,
            Currency::Io => &mut model.claimed_io_base,
        };
        *claimed = claimed
            .checked_add(amount)
            .ok_or(InferenceError::MathOverflow)?;
        let claimed_total = *claimed;
        model.bump_revision()?;
        model.invariant()?;
        let revision = model.revision;
        let config = &mut ctx.accounts.config;
        config
            .escrowed
            .debit(currency, amount)
            .map_err(InferenceError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(ModelClaimed {
            model: ctx.accounts.model.key(),
            currency,
            destination: ctx.accounts.destination.key(),
            amount,
            claimed_total,
            escrowed: config.escrowed,
            revision,
        });
        Ok(())
    }
}
