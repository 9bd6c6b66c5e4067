//! `lease_settle_batch`: a settler settles up to 32 leases in one transaction. Each lease names
//! two remaining accounts (lease, provider, both writable) and one cumulative report. Providers'
//! earnings are credited, not transferred (`provider_claim` pays them), so a lease costs no token
//! CPI: the runtime's limit of 64 instructions per transaction would otherwise stop a batch at
//! seven leases.
//! A lease that is closed, past its close grace, or whose report is not above what was settled
//! is skipped with an event, so nobody can make the batch fail by closing one lease; any other
//! bad report fails the whole transaction. Fees are burned and paid to the treasury once per
//! currency.

use anchor_lang::prelude::*;
use anchor_spl::token::TokenAccount;

use super::*;
use crate::constants::{MAX_SETTLE_BATCH, SEED_CONFIG};
use crate::error::MarketError;
use crate::events::{LeaseSettlementSkipped, SkipReason};
use crate::math::add;
use crate::state::{Currency, KeySet, Lease, MarketConfig, PauseClass, Provider};

#[event_cpi]
#[derive(Accounts)]
pub struct LeaseSettleBatch<'info> {
    pub settler: Signer<'info>,
    #[account(mut, seeds = [SEED_CONFIG], bump = config.bump)]
    pub config: Box<Account<'info, MarketConfig>>,
    /// Receives the IO fees' treasury share.
    #[account(mut, address = config.treasury @ MarketError::ConfigAccountMismatch)]
    pub treasury: Box<Account<'info, TokenAccount>>,
    /// The IOSD holder account of the treasury's owner.
    #[account(mut)]
    pub treasury_holder: Box<Account<'info, TokenAccount>>,
    #[account(mut, address = config.lease_vault @ MarketError::ConfigAccountMismatch)]
    pub lease_vault: Box<Account<'info, TokenAccount>>,
    /// CHECK: the IO mint (address checked), writable for burning IO fees.
    #[account(mut, address = config.io_mint @ MarketError::IoMintMismatch)]
    pub io_mint: UncheckedAccount<'info>,
    pub iosd: iosd::spender_cpi::IosdAccounts<'info>,
}

/// Whether a lease is skipped, and why. A report is stale when it would pay nothing: not above
/// what was settled, and no earlier usage still unpaid (a top-up since a settlement capped at
/// the escrow makes the same total pay the rest, exactly as `lease_settle` does).
fn skip_reason(
    config: &MarketConfig,
    lease: &Lease,
    cumulative: u64,
    now: i64,
) -> Result<Option<SkipReason>> {
    match settlement::check_report(config, lease, cumulative, now) {
        Ok(())
            if cumulative == lease.settled_gpu_secs && settlement::due(lease, cumulative)? == 0 =>
        {
            Ok(Some(SkipReason::Stale))
        }
        Ok(()) => Ok(None),
        Err(error) if error == MarketError::LeaseClosing.into() => Ok(Some(SkipReason::Closing)),
        Err(error) if error == MarketError::UsageWentBackwards.into() => {
            Ok(Some(SkipReason::Stale))
        }
        Err(error) => Err(error),
    }
}

impl<'info> LeaseSettleBatch<'info> {
    pub fn handle(ctx: Context<'info, Self>, cumulatives: Vec<u64>) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let accounts = &ctx.accounts;
        accounts
            .config
            .require_not_paused(PauseClass::Settlement, now)?;
        require!(
            accounts
                .config
                .keys(KeySet::Settlers)
                .contains(&accounts.settler.key()),
            MarketError::NotSettler
        );
        require_owned_by(&accounts.treasury_holder, &accounts.treasury.owner)?;
        let remaining = ctx.remaining_accounts;
        require!(
            (1..=MAX_SETTLE_BATCH).contains(&cumulatives.len())
                && Some(remaining.len()) == cumulatives.len().checked_mul(2),
            MarketError::BatchShape
        );

        let settler = ctx.accounts.settler.key();
        // Fees to move once at the end, per currency: [IOSD, IO] × (burn, treasury).
        let mut fees = [(0u64, 0u64); 2];
        for (entry, &cumulative) in remaining.chunks_exact(2).zip(&cumulatives) {
            let [lease_info, provider_info] = entry else {
                return err!(MarketError::BatchShape);
            };
            if lease_info.owner != &crate::ID || lease_info.data_is_empty() {
                emit_cpi!(LeaseSettlementSkipped {
                    lease: lease_info.key(),
                    cumulative_gpu_secs: cumulative,
                    reason: SkipReason::Closed,
                });
                continue;
            }
            let mut lease: Account<'info, Lease> = Account::try_from(lease_info)?;
            require!(lease_info.is_writable, MarketError::LeaseMismatch);
            if let Some(reason) = skip_reason(&ctx.accounts.config, &lease, cumulative, now)? {
                emit_cpi!(LeaseSettlementSkipped {
                    lease: lease_info.key(),
                    cumulative_gpu_secs: cumulative,
                    reason,
                });
                continue;
            }
            let mut provider: Account<'info, Provider> = Account::try_from(provider_info)?;
            require_keys_eq!(provider.key(), lease.provider, MarketError::LeaseMismatch);
            require!(provider_info.is_writable, MarketError::LeaseMismatch);

            let paid = settlement::apply(
                &mut ctx.accounts.config,
                &mut lease,
                &mut provider,
                cumulative,
                now,
            )?;
            // Written back now: a later entry of the same provider reloads these bytes.
            lease.exit(&crate::ID)?;
            provider.exit(&crate::ID)?;
            let (burn, treasury) = &mut fees[usize::from(lease.currency == Currency::Io)];
            *burn = add(*burn, paid.fee.burn)?;
            *treasury = add(*treasury, paid.fee.treasury)?;
            let event = settlement::settled_event(
                lease_info.key(),
                &lease,
                settler,
                &paid,
                ctx.accounts.config.payout_bucket_usd_micros,
            )?;
            emit_cpi!(event);
        }
        let money = super::lease_escrows(
            &ctx.accounts.config,
            ctx.accounts.lease_vault.to_account_info(),
            &ctx.accounts.iosd,
            &ctx.bumps.iosd,
        );
        let io_mint = ctx.accounts.io_mint.to_account_info();
        for (currency, (burn, treasury), destination) in [
            (Currency::Iosd, fees[0], &ctx.accounts.treasury_holder),
            (Currency::Io, fees[1], &ctx.accounts.treasury),
        ] {
            money.burn(currency, &io_mint, burn)?;
            money.pay(currency, &destination.to_account_info(), treasury)?;
        }
        let config = &mut ctx.accounts.config;
        config.bump_revision()?;
        config.invariant()
    }
}
