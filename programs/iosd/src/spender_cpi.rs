//! An allowed program's side of iosd's spend interface (feature `cpi`), the one way the market
//! and the inference program move IOSD:
//!
//! - [`IosdAccounts`]: the iosd accounts an IOSD movement names, nested in the caller's own
//!   `Accounts` struct, and [`Spender`], the caller's signing PDA as its config stores it;
//! - [`SpenderCpi`]: the calls, each signed with the caller's `[b"iosd_spender"]` PDA;
//! - [`Escrows`]: that IOSD escrow beside the caller's own IO vault, each movement going to the
//!   one of its [`Currency`].
//!
//! `tests/spender-probe` shows the same calls written out by hand.

use anchor_lang::prelude::*;
use anchor_spl::token::Token;
use io_common::{Currency, PdaVault};

use crate::constants::SEED_SPENDER;

/// The iosd accounts of an IOSD movement, as the calling program names them. iosd checks each
/// of them itself when called (its config's seeds, its mint, that the escrow is the holder
/// account of the spender PDA, that the spender is allowed). The caller checks the spender
/// against the address and bump it stored at its own `config_init` ([`Spender`]): no
/// instruction searches for the bump, so none costs more for one key than another.
#[derive(Accounts)]
pub struct IosdAccounts<'info> {
    /// The calling program's spender PDA, which signs the CPIs.
    /// CHECK: the caller compares it with its stored [`Spender`] before any CPI.
    pub spender: UncheckedAccount<'info>,
    /// CHECK: checked by iosd; writable because burning and redeeming count into its totals.
    #[account(mut)]
    pub iosd_config: UncheckedAccount<'info>,
    /// CHECK: checked by iosd.
    #[account(mut)]
    pub iosd_mint: UncheckedAccount<'info>,
    /// CHECK: the caller's escrow, checked by iosd (holder account owned by `spender`).
    #[account(mut)]
    pub escrow: UncheckedAccount<'info>,
    pub token_program: Program<'info, Token>,
    /// CHECK: checked by iosd.
    pub iosd_event_authority: UncheckedAccount<'info>,
    pub iosd_program: Program<'info, crate::program::Iosd>,
}

/// A calling program's spender PDA, found once at its `config_init` and stored in its config.
#[derive(
    AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, Default, PartialEq, Eq,
)]
pub struct Spender {
    pub address: Pubkey,
    pub bump: u8,
}

impl Spender {
    /// The spender PDA of `program` with its canonical bump: the one search, at `config_init`.
    pub fn find(program: &Pubkey) -> Self {
        let (address, bump) = Pubkey::find_program_address(&[SEED_SPENDER], program);
        Self { address, bump }
    }
}

impl<'info> IosdAccounts<'info> {
    /// The calls into iosd, signed as `spender`; `None` when the account named as the spender
    /// is not it (the caller turns that into its own error).
    pub fn cpi(&self, spender: &Spender) -> Option<SpenderCpi<'info>> {
        (self.spender.key() == spender.address).then(|| SpenderCpi {
            spender: self.spender.to_account_info(),
            spender_bump: spender.bump,
            iosd_config: self.iosd_config.to_account_info(),
            iosd_mint: self.iosd_mint.to_account_info(),
            escrow: self.escrow.to_account_info(),
            token_program: self.token_program.to_account_info(),
            iosd_event_authority: self.iosd_event_authority.to_account_info(),
            iosd_program: self.iosd_program.to_account_info(),
        })
    }

    /// This IOSD escrow beside the caller's IO vault `io`; `None` as for [`Self::cpi`].
    pub fn escrows(&self, spender: &Spender, io: PdaVault<'info>) -> Option<Escrows<'info>> {
        Some(Escrows {
            iosd: self.cpi(spender)?,
            io,
        })
    }
}

/// The iosd accounts every IOSD movement of an allowed program names.
pub struct SpenderCpi<'info> {
    pub spender: AccountInfo<'info>,
    pub spender_bump: u8,
    pub iosd_config: AccountInfo<'info>,
    pub iosd_mint: AccountInfo<'info>,
    pub escrow: AccountInfo<'info>,
    pub token_program: AccountInfo<'info>,
    pub iosd_event_authority: AccountInfo<'info>,
    pub iosd_program: AccountInfo<'info>,
}

impl<'info> SpenderCpi<'info> {
    /// `owner`'s IOSD from `source` into the escrow (the owner's signature passes through).
    pub fn deposit(
        &self,
        owner: &AccountInfo<'info>,
        source: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        let bump = [self.spender_bump];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let accounts = crate::cpi::accounts::EscrowDeposit {
            spender: self.spender.clone(),
            owner: owner.clone(),
            config: self.iosd_config.clone(),
            iosd_mint: self.iosd_mint.clone(),
            source: source.clone(),
            escrow: self.escrow.clone(),
            token_program: self.token_program.clone(),
            event_authority: self.iosd_event_authority.clone(),
            program: self.iosd_program.clone(),
        };
        crate::cpi::escrow_deposit(
            CpiContext::new_with_signer(crate::ID, accounts, &[seeds]),
            amount,
        )
    }

    /// `amount` from the escrow to the holder account `destination`; nothing when 0.
    pub fn pay(&self, destination: &AccountInfo<'info>, amount: u64) -> Result<()> {
        if amount == 0 {
            return Ok(());
        }
        let bump = [self.spender_bump];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let accounts = crate::cpi::accounts::EscrowPay {
            spender: self.spender.clone(),
            config: self.iosd_config.clone(),
            iosd_mint: self.iosd_mint.clone(),
            escrow: self.escrow.clone(),
            destination: destination.clone(),
            token_program: self.token_program.clone(),
            event_authority: self.iosd_event_authority.clone(),
            program: self.iosd_program.clone(),
        };
        crate::cpi::escrow_pay(
            CpiContext::new_with_signer(crate::ID, accounts, &[seeds]),
            amount,
        )
    }

    /// Redeems `amount` from the escrow for IO paid into `destination_io`, at iosd's redeem
    /// price (or in kind), refusing less than `min_io_out`.
    pub fn redeem(
        &self,
        price_update: &AccountInfo<'info>,
        io_vault: &AccountInfo<'info>,
        destination_io: &AccountInfo<'info>,
        amount: u64,
        min_io_out: u64,
    ) -> Result<()> {
        let bump = [self.spender_bump];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let accounts = crate::cpi::accounts::IosdRedeem {
            owner: self.spender.clone(),
            config: self.iosd_config.clone(),
            price_update: price_update.clone(),
            holder: self.escrow.clone(),
            iosd_mint: self.iosd_mint.clone(),
            io_vault: io_vault.clone(),
            destination_io: destination_io.clone(),
            token_program: self.token_program.clone(),
            event_authority: self.iosd_event_authority.clone(),
            program: self.iosd_program.clone(),
        };
        crate::cpi::iosd_redeem(
            CpiContext::new_with_signer(crate::ID, accounts, &[seeds]),
            amount,
            min_io_out,
        )
    }

    /// Burns `amount` from the escrow; nothing when 0.
    pub fn burn(&self, amount: u64) -> Result<()> {
        if amount == 0 {
            return Ok(());
        }
        let bump = [self.spender_bump];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let accounts = crate::cpi::accounts::EscrowBurn {
            spender: self.spender.clone(),
            config: self.iosd_config.clone(),
            iosd_mint: self.iosd_mint.clone(),
            escrow: self.escrow.clone(),
            token_program: self.token_program.clone(),
            event_authority: self.iosd_event_authority.clone(),
            program: self.iosd_program.clone(),
        };
        crate::cpi::escrow_burn(
            CpiContext::new_with_signer(crate::ID, accounts, &[seeds]),
            amount,
        )
    }
}

/// An allowed program's IOSD escrow and IO vault; each movement goes to the one of its
/// currency.
pub struct Escrows<'info> {
    pub iosd: SpenderCpi<'info>,
    pub io: PdaVault<'info>,
}

impl<'info> Escrows<'info> {
    /// `owner`'s tokens from `source` into the escrow of `currency`.
    pub fn take(
        &self,
        currency: Currency,
        owner: &AccountInfo<'info>,
        source: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        match currency {
            Currency::Iosd => self.iosd.deposit(owner, source, amount),
            Currency::Io => self.io.deposit(owner, source, amount),
        }
    }

    /// `amount` out of the escrow of `currency` to `destination` (an IOSD holder, or an IO
    /// account); nothing when 0.
    pub fn pay(
        &self,
        currency: Currency,
        destination: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        match currency {
            Currency::Iosd => self.iosd.pay(destination, amount),
            Currency::Io => self.io.pay(destination, amount),
        }
    }

    /// Burns `amount` from the escrow of `currency` (`io_mint` for IO); nothing when 0.
    pub fn burn(
        &self,
        currency: Currency,
        io_mint: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        match currency {
            Currency::Iosd => self.iosd.burn(amount),
            Currency::Io => self.io.burn(io_mint, amount),
        }
    }
}
