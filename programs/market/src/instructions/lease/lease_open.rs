//! `lease_open`: a renter takes k GPUs of an available, fully staked device at the price-book
//! rate (locked, with a limit against a concurrent price change), funding the escrow in IOSD or
//! in IO at an oracle quote locked now (`quote::io_quote`, with a limit of the renter's). The
//! reservation fee is taken at once in the lease's currency (not refundable) and accrues in the
//! config with the settlements' fees: `fees_sweep` burns its burn share and pays the rest to the
//! treasury (its IOSD holder, or the treasury IO account).

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::{ACCOUNT_VERSION, CONFIG_PDA, SEED_LEASE};
use crate::error::MarketError;
use crate::events::LeaseOpened;
use crate::math::split_fee;
use crate::state::{Currency, Device, GpuClass, Lease, MarketConfig, PauseClass, required_stake};

/// How a lease is funded.
#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeaseFunding {
    /// IOSD micros moved into the market's IOSD escrow, reservation fee included.
    Iosd { deposit_micros: u64 },
    /// IO base units moved into the market's lease vault, reservation fee included, at the quote
    /// locked now; refused when the quote is below `min_quote_pico_usd_per_io` (an IO price
    /// drop between the renter's look and the open).
    Io {
        deposit_io_base: u64,
        min_quote_pico_usd_per_io: u64,
    },
}

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaseOpenArgs {
    /// GPUs taken (1..=the device's free GPUs).
    pub gpu_count: u16,
    pub funding: LeaseFunding,
    /// Refuse if the class's rate is above this (a price change between quote and open).
    pub max_rate_usd_per_gpu_hour_micros: u64,
}

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseOpen<'info> {
    /// Pays the deposit and the lease account's rent.
    #[account(mut)]
    pub renter: Signer<'info>,
    #[account(mut, dup, address = CONFIG_PDA.0)]
    pub config: Box<Account<'info, MarketConfig>>,
    #[account(mut, dup, has_one = gpu_class @ MarketError::GpuClassMismatch)]
    pub device: Box<Account<'info, Device>>,
    pub gpu_class: Box<Account<'info, GpuClass>>,
    /// CHECK: seeds checked here (the device's next lease nonce); created by `handle`.
    #[account(
        mut,
        seeds = [SEED_LEASE, device.key().as_ref(), &device.leases_created.to_le_bytes()],
        bump,
    )]
    pub lease: UncheckedAccount<'info>,
    /// Where the deposit comes from: the renter's IOSD holder (IOSD lease) or an IO token
    /// account the renter may spend from (IO lease).
    #[account(mut)]
    pub renter_funds: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.lease_vault @ MarketError::ConfigAccountMismatch)]
    pub lease_vault: Box<Account<'info, TokenAccount>>,
    /// CHECK: IO leases only: a Pyth `PriceUpdateV2` of iosd's feed, checked by
    /// `quote::io_quote`.
    pub price_update: Option<UncheckedAccount<'info>>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
    pub system_program: Program<'info, System>,
}

impl LeaseOpen<'_> {
    fn validate(&self, args: &LeaseOpenArgs, now: i64) -> Result<()> {
        let (config, device) = (&self.config, &self.device);
        config.require_not_paused(PauseClass::Leasing, now)?;
        require!(args.gpu_count > 0, MarketError::GpuCountZero);
        require!(device.available, MarketError::DeviceUnavailable);
        let required = required_stake(
            config.params.stake_per_gpu_io_base,
            self.gpu_class.terms.multiplier_bps,
            device.gpu_count,
        )?;
        require!(
            device.stake.staked >= required,
            MarketError::StakeBelowRequired
        );
        let taken = device
            .gpus_leased
            .checked_add(args.gpu_count)
            .ok_or(MarketError::MathOverflow)?;
        require!(taken <= device.gpu_count, MarketError::DeviceAtCapacity);
        require!(
            self.gpu_class.terms.usd_per_gpu_hour_micros <= args.max_rate_usd_per_gpu_hour_micros,
            MarketError::RateAboveLimit
        );
        require!(
            io_common::is_uninitialized(&self.lease),
            MarketError::AlreadyInitialized
        );
        Ok(())
    }

    /// The lease's currency, deposit and locked quote (0 for IOSD).
    fn funding(&self, funding: LeaseFunding, now: i64) -> Result<(Currency, u64, u64)> {
        match funding {
            LeaseFunding::Iosd { deposit_micros } => Ok((Currency::Iosd, deposit_micros, 0)),
            LeaseFunding::Io {
                deposit_io_base,
                min_quote_pico_usd_per_io,
            } => {
                let price_update = self
                    .price_update
                    .as_ref()
                    .ok_or(MarketError::QuoteMissing)?;
                let quote = quote::io_quote(
                    &self.iosd.iosd_config.to_account_info(),
                    &price_update.to_account_info(),
                    now,
                )?;
                require!(
                    quote >= min_quote_pico_usd_per_io,
                    MarketError::QuoteBelowLimit
                );
                Ok((Currency::Io, deposit_io_base, quote))
            }
        }
    }

    pub fn handle(ctx: Context<Self>, args: LeaseOpenArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.validate(&args, now)?;
        let (currency, deposit, quote) = ctx.accounts.funding(args.funding, now)?;
        require_currency(&ctx.accounts.renter_funds, &ctx.accounts.config, currency)?;
        let params = ctx.accounts.config.params;
        let fee = split_fee(deposit, params.reservation_fee_bps, params.burn_share_bps)?;
        let device_key = ctx.accounts.device.key();
        let nonce = ctx.accounts.device.leases_created;
        let lease = Lease {
            version: ACCOUNT_VERSION,
            bump: ctx.bumps.lease,
            revision: 0,
            renter: ctx.accounts.renter.key(),
            device: device_key,
            provider: ctx.accounts.device.provider,
            nonce,
            currency,
            quote_pico_usd_per_io: quote,
            gpu_count: args.gpu_count,
            rate_usd_per_gpu_hour_micros: ctx.accounts.gpu_class.terms.usd_per_gpu_hour_micros,
            provider_fee_bps: params.provider_fee_bps,
            burn_share_bps: params.burn_share_bps,
            opened_at: now,
            paused_at: 0,
            paused_secs: 0,
            close_requested_at: 0,
            deposited: deposit
                .checked_sub(fee.fee)
                .ok_or(MarketError::MathOverflow)?,
            reservation_fee: fee.fee,
            settled_gpu_secs: 0,
            paid: 0,
            provider_paid: 0,
            fees: 0,
            burned: 0,
            rent_payer: ctx.accounts.renter.key(),
            reserved: [0; 32],
        };
        require!(
            lease.usd_value(deposit, false)? >= params.min_lease_deposit_usd_micros,
            MarketError::DepositBelowMinimum
        );
        require!(
            lease.runway_secs()? >= u64::from(params.min_runway_secs),
            MarketError::InsufficientRunway
        );
        lease.invariant()?;
        let nonce_bytes = nonce.to_le_bytes();
        io_common::create_pda_with(
            &ctx.accounts.renter.to_account_info(),
            &ctx.accounts.lease.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &[SEED_LEASE, device_key.as_ref(), &nonce_bytes, &[lease.bump]],
            &lease,
        )?;

        let money = super::lease_escrows(
            &ctx.accounts.config,
            ctx.accounts.lease_vault.to_account_info(),
            &ctx.accounts.iosd,
        )?;
        // The whole deposit goes into escrow; the reservation fee stays there, accrued for
        // `fees_sweep`, so opening a lease moves tokens once.
        money.take(
            currency,
            &ctx.accounts.renter.to_account_info(),
            &ctx.accounts.renter_funds.to_account_info(),
            deposit,
        )?;

        let device = &mut ctx.accounts.device;
        device.gpus_leased = device
            .gpus_leased
            .checked_add(args.gpu_count)
            .ok_or(MarketError::MathOverflow)?;
        device.open_leases = device
            .open_leases
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        device.leases_created = nonce.checked_add(1).ok_or(MarketError::MathOverflow)?;
        device.bump_revision()?;
        device.invariant()?;
        let config = &mut ctx.accounts.config;
        config.open_leases = config
            .open_leases
            .checked_add(1)
            .ok_or(MarketError::MathOverflow)?;
        config
            .escrowed
            .credit(currency, lease.deposited)
            .map_err(MarketError::from)?;
        config
            .fees
            .accrue(currency, fee.burn, fee.treasury)
            .map_err(MarketError::from)?;
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(LeaseOpened {
            lease: ctx.accounts.lease.key(),
            renter: lease.renter,
            device: device_key,
            currency,
            quote_pico_usd_per_io: quote,
            gpu_count: lease.gpu_count,
            rate_usd_per_gpu_hour_micros: lease.rate_usd_per_gpu_hour_micros,
            deposited: lease.deposited,
            reservation_fee: fee.fee,
            burned: fee.burn,
            runway_secs: lease.runway_secs()?,
            gpus_leased: ctx.accounts.device.gpus_leased,
            open_leases: config.open_leases,
            escrowed: config.escrowed,
        });
        Ok(())
    }
}
