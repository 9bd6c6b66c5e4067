//! `lease_open`: a renter takes k GPUs of an available, fully staked device at the price-book
//! rate (locked, with a limit against a concurrent price change), funding the escrow in IOSD.
//! The reservation fee is taken at once (not refundable): its burn share burned, the rest to
//! the treasury's IOSD holder.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::{ACCOUNT_VERSION, SEED_CONFIG, SEED_LEASE};
use crate::error::MarketError;
use crate::events::LeaseOpened;
use crate::state::{Device, GpuClass, Lease, MarketConfig, PauseClass, required_stake};

#[derive(AnchorSerialize, AnchorDeserialize, Clone, Copy, Debug, PartialEq, Eq)]
pub struct LeaseOpenArgs {
    /// GPUs taken (1..=the device's free GPUs).
    pub gpu_count: u16,
    /// IOSD micros moved into escrow, reservation fee included.
    pub deposit_micros: u64,
    /// Refuse if the class's rate is above this (a price change between quote and open).
    pub max_rate_usd_per_gpu_hour_micros: u64,
}

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseOpen<'info> {
    /// Pays the deposit and the lease account's rent.
    #[account(mut)]
    pub renter: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIG], bump = config.bump)]
    pub config: Account<'info, MarketConfig>,
    #[account(mut, has_one = gpu_class @ MarketError::GpuClassMismatch)]
    pub device: Account<'info, Device>,
    pub gpu_class: Account<'info, GpuClass>,
    /// CHECK: seeds checked here (the device's next lease nonce); created by `handle`.
    #[account(
        mut,
        seeds = [SEED_LEASE, device.key().as_ref(), &device.leases_created.to_le_bytes()],
        bump,
    )]
    pub lease: UncheckedAccount<'info>,
    /// The renter's IOSD holder account.
    #[account(mut)]
    pub renter_holder: Account<'info, TokenAccount>,
    #[account(address = config.treasury @ MarketError::ConfigAccountMismatch)]
    pub treasury: Account<'info, TokenAccount>,
    /// The IOSD holder account of the treasury's owner.
    #[account(mut)]
    pub treasury_holder: Account<'info, TokenAccount>,
    pub iosd: IosdAccounts<'info>,
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
            args.deposit_micros >= config.params.min_lease_deposit_usd_micros,
            MarketError::DepositBelowMinimum
        );
        require_holder_of(&self.treasury_holder, &self.treasury.owner)?;
        require!(
            self.lease.owner == &anchor_lang::system_program::ID && self.lease.data_is_empty(),
            MarketError::AlreadyInitialized
        );
        Ok(())
    }

    pub fn handle(ctx: Context<Self>, args: LeaseOpenArgs) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        ctx.accounts.validate(&args, now)?;
        let params = ctx.accounts.config.params;
        let fee = split_fee(
            args.deposit_micros,
            params.reservation_fee_bps,
            params.burn_share_bps,
        )?;
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
            gpu_count: args.gpu_count,
            rate_usd_per_gpu_hour_micros: ctx.accounts.gpu_class.terms.usd_per_gpu_hour_micros,
            opened_at: now,
            paused_at: 0,
            paused_secs: 0,
            close_requested_at: 0,
            deposited: args
                .deposit_micros
                .checked_sub(fee.fee)
                .ok_or(MarketError::MathOverflow)?,
            reservation_fee: fee.fee,
            settled_gpu_secs: 0,
            paid: 0,
            provider_paid: 0,
            fees: 0,
            rent_payer: ctx.accounts.renter.key(),
            reserved: [0; 32],
        };
        require!(
            lease.runway_secs()? >= u64::from(params.min_runway_secs),
            MarketError::InsufficientRunway
        );
        lease.invariant()?;
        let nonce_bytes = nonce.to_le_bytes();
        io_common::create_pda_account(
            &ctx.accounts.renter.to_account_info(),
            &ctx.accounts.lease.to_account_info(),
            &ctx.accounts.system_program.to_account_info(),
            &crate::ID,
            8 + Lease::INIT_SPACE,
            &[SEED_LEASE, device_key.as_ref(), &nonce_bytes, &[lease.bump]],
        )?;
        lease.try_serialize(&mut &mut ctx.accounts.lease.try_borrow_mut_data()?[..])?;

        let iosd = crate::iosd_cpi!(ctx.accounts.iosd, ctx.bumps.iosd);
        iosd.spend(
            &ctx.accounts.renter.to_account_info(),
            &ctx.accounts.renter_holder.to_account_info(),
            args.deposit_micros,
        )?;
        iosd.burn(fee.burn)?;
        iosd.pay_out(
            &ctx.accounts.treasury_holder.to_account_info(),
            fee.treasury,
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
        config.bump_revision()?;
        config.invariant()?;
        emit_cpi!(LeaseOpened {
            lease: ctx.accounts.lease.key(),
            renter: lease.renter,
            device: device_key,
            gpu_count: lease.gpu_count,
            rate_usd_per_gpu_hour_micros: lease.rate_usd_per_gpu_hour_micros,
            deposited_micros: lease.deposited,
            reservation_fee_micros: fee.fee,
            burned_micros: fee.burn,
            runway_secs: lease.runway_secs()?,
            gpus_leased: ctx.accounts.device.gpus_leased,
            open_leases: config.open_leases,
        });
        Ok(())
    }
}
