//! `inference_pay`: a user pays for `requests` inferences (and `tokens` tokens) of a model in one
//! transaction, the literal "micro transaction per inference" path. The price is the model's
//! current terms, refused above the user's `max_amount`; the provider's share is paid at once,
//! the burn accrued in the config (`burn_sweep` burns it), the owner's share credited to the
//! model (claimed with `model_claim`).

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use crate::constants::CONFIG_PDA;
use crate::error::InferenceError;
use crate::events::InferencePaid;
use crate::instructions::escrow::*;
use crate::state::{InferenceConfig, Model, split_totals};

#[event_cpi]
#[derive(Accounts)]
pub struct InferencePay<'info> {
    pub user: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Account<'info, InferenceConfig>,
    #[account(mut, dup)]
    pub model: Account<'info, Model>,
    /// The user's IOSD holder or IO account, of the model's currency.
    #[account(mut)]
    pub user_funds: Account<'info, TokenAccount>,
    /// The serving provider's account for its share (an IOSD holder, or an IO account).
    #[account(mut)]
    pub provider_payout: Account<'info, TokenAccount>,
    #[account(mut, address = config.io_vault @ InferenceError::ConfigAccountMismatch)]
    pub io_vault: Account<'info, TokenAccount>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

impl InferencePay<'_> {
    pub fn handle(ctx: Context<Self>, requests: u16, tokens: u64, max_amount: u64) -> Result<()> {
        let accounts = &ctx.accounts;
        let (config, model) = (&accounts.config, &accounts.model);
        config.require_payments_open(Clock::get()?.unix_timestamp)?;
        model.require_open()?;
        require!(
            (1..=config.max_direct_batch).contains(&requests),
            InferenceError::DirectCountOutOfRange
        );
        let terms = model.terms;
        let amount = terms.price_of(u64::from(requests), tokens)?;
        require!(amount > 0, InferenceError::ZeroAmount);
        require!(amount <= max_amount, InferenceError::PriceAboveLimit);
        require_currency(&accounts.user_funds, config, terms.currency)?;
        require_payout(&accounts.provider_payout, config, terms.currency, None)?;
        require_not_escrow(&accounts.provider_payout.key(), config, &accounts.iosd)?;
        let (to_provider, burned, to_owner) = split_totals(amount, &terms.split)?;

        let escrows = escrows(
            &ctx.accounts.config,
            ctx.accounts.io_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?;
        let currency = terms.currency;
        escrows.take(
            currency,
            &accounts.user.to_account_info(),
            &accounts.user_funds.to_account_info(),
            amount,
        )?;
        escrows.pay(
            currency,
            &accounts.provider_payout.to_account_info(),
            to_provider,
        )?;

        let model = &mut ctx.accounts.model;
        let earned = model.earned_mut(terms.currency);
        *earned = earned
            .checked_add(to_owner)
            .ok_or(InferenceError::MathOverflow)?;
        let owner_earned = *earned;
        model.bump_revision()?;
        model.invariant()?;
        let config = &mut ctx.accounts.config;
        config
            .escrowed
            .credit(terms.currency, to_owner)
            .map_err(InferenceError::from)?;
        config
            .burn_accrued
            .credit(terms.currency, burned)
            .map_err(InferenceError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(InferencePaid {
            model: ctx.accounts.model.key(),
            user: ctx.accounts.user.key(),
            provider_payout: ctx.accounts.provider_payout.key(),
            currency: terms.currency,
            requests,
            tokens,
            amount,
            to_provider,
            burned,
            to_owner,
            owner_earned,
            escrowed: config.escrowed,
        });
        Ok(())
    }
}
