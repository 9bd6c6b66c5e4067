//! `slash_open`: a slasher moves up to `max_slash_bps` of a device's stake (staked first, then
//! cooling) into the appeal escrow, with an evidence hash and a deadline. One open slash per
//! device at a time.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Token, TokenAccount, Transfer};
use io_common::BPS_DENOMINATOR;

use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_SLASH};
use crate::error::MarketError;
use crate::events::SlashOpened;
use crate::math::{add, sub};
use crate::state::{Device, MarketConfig, PauseClass, Slash};

#[event_cpi]
#[derive(Accounts)]
pub struct SlashOpen<'info> {
    /// A key in the config's slasher set; pays the slash account's rent.
    #[account(mut)]
    pub slasher: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(mut, dup)]
    pub device: Box<Account<'info, Device>>,
    /// CHECK: seeds checked here (the device's next slash nonce); created by `handle`.
    #[account(
        mut,
        seeds = [SEED_SLASH, device.key().as_ref(), &device.slash_nonce.to_le_bytes()],
        bump,
    )]
    pub slash: UncheckedAccount<'info>,
    #[account(mut, address = config.stake_vault @ MarketError::ConfigAccountMismatch)]
    pub stake_vault: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.slash_escrow @ MarketError::ConfigAccountMismatch)]
    pub slash_escrow: Box<Account<'info, TokenAccount>>,
    pub token_program: Program<'info, Token>,
    pub system_program: Program<'info, System>,
}

/// The most one slash may take: `max_slash_bps` of `slashable`, rounded down.
pub fn slash_cap(slashable: u64, max_slash_bps: u16) -> Result<u64> {
    let cap = u128::from(slashable)
        .checked_mul(u128::from(max_slash_bps))
        .ok_or(MarketError::MathOverflow)?
        .checked_div(u128::from(BPS_DENOMINATOR))
        .ok_or(MarketError::MathOverflow)?;
    u64::try_from(cap).map_err(|_| error!(MarketError::MathOverflow))
}

impl SlashOpen<'_> {
    pub fn handle(
        mut ctx: Context<Self>,
        amount_io_base: u64,
        evidence_hash: [u8; 32],
    ) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &mut ctx.accounts;
        let config = &accounts.config;
        config.require_not_paused(PauseClass::Slashing, now)?;
        require!(
            config.is_slasher(&accounts.slasher.key()),
            MarketError::NotSlasher
        );
        require!(amount_io_base > 0, MarketError::ZeroAmount);
        require!(!accounts.device.slash_open, MarketError::SlashAlreadyOpen);
        let cap = slash_cap(
            accounts.device.stake.slashable()?,
            config.params.max_slash_bps,
        )?;
        require!(amount_io_base <= cap, MarketError::SlashAboveCap);
        require!(
            io_common::is_uninitialized(&accounts.slash),
            MarketError::AlreadyInitialized
        );
        let deadline = now
            .checked_add(i64::from(config.params.appeal_window_secs))
            .ok_or(MarketError::MathOverflow)?;
        let device_key = accounts.device.key();
        let nonce = accounts.device.slash_nonce;
        let slash = Slash {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.slash,
            device: device_key,
            nonce,
            amount_io_base,
            evidence_hash,
            slasher: accounts.slasher.key(),
            opened_at: now,
            deadline,
            rent_payer: accounts.slasher.key(),
        };
        slash.invariant()?;
        let nonce_bytes = nonce.to_le_bytes();
        io_common::create_pda_with(
            &accounts.slasher.to_account_info(),
            &accounts.slash.to_account_info(),
            &accounts.system_program.to_account_info(),
            &[SEED_SLASH, device_key.as_ref(), &nonce_bytes, &[slash.bump]],
            &slash,
        )?;

        let seeds = accounts.config.signer_seeds();
        token::transfer(
            CpiContext::new_with_signer(
                accounts.token_program.key(),
                Transfer {
                    from: accounts.stake_vault.to_account_info(),
                    to: accounts.slash_escrow.to_account_info(),
                    authority: accounts.config.to_account_info(),
                },
                &[&seeds],
            ),
            amount_io_base,
        )?;
        // Staked first, then cooling: stake in cooldown stays slashable.
        let device: &mut Device = &mut accounts.device;
        let from_staked = amount_io_base.min(device.stake.staked);
        let from_cooling = sub(amount_io_base, from_staked)?;
        device.stake.staked = sub(device.stake.staked, from_staked)?;
        device.stake.cooling = sub(device.stake.cooling, from_cooling)?;
        device.stake.escrowed = add(device.stake.escrowed, amount_io_base)?;
        device.slash_open = true;
        device.slash_nonce = nonce.checked_add(1).ok_or(MarketError::MathOverflow)?;
        device.bump_revision()?;
        device.invariant()?;
        let totals = &mut accounts.config.stake;
        totals.staked_io_base = sub(totals.staked_io_base, from_staked)?;
        totals.cooling_io_base = sub(totals.cooling_io_base, from_cooling)?;
        totals.escrowed_io_base = add(totals.escrowed_io_base, amount_io_base)?;
        accounts.config.bump_revision()?;
        accounts.config.invariant()?;
        let event = SlashOpened {
            slash: accounts.slash.key(),
            device: device_key,
            slasher: accounts.slasher.key(),
            amount_io_base,
            evidence_hash,
            deadline,
            stake: accounts.device.stake,
            totals: accounts.config.stake,
        };
        emit_cpi!(event);
        Ok(())
    }
}
