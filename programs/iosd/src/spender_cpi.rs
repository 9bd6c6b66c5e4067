//! An allowed program's calls into iosd's spend interface, each signed with the calling
//! program's `[b"iosd_spender"]` PDA (feature `cpi`), and [`Escrows`]: that IOSD escrow beside
//! the program's own IO vault, for programs paid in either token. The market and the inference
//! program use both; `tests/spender-probe` shows the same calls written out by hand.

use anchor_lang::prelude::*;
use io_common::PdaVault;

use crate::constants::SEED_SPENDER;

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
    pub fn spend(
        &self,
        owner: &AccountInfo<'info>,
        source: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        let bump = [self.spender_bump];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let accounts = crate::cpi::accounts::Spend {
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
        crate::cpi::spend(
            CpiContext::new_with_signer(crate::ID, accounts, &[seeds]),
            amount,
        )
    }

    /// `amount` from the escrow to the holder account `destination`; nothing when 0.
    pub fn pay_out(&self, destination: &AccountInfo<'info>, amount: u64) -> Result<()> {
        if amount == 0 {
            return Ok(());
        }
        let bump = [self.spender_bump];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let accounts = crate::cpi::accounts::PayOut {
            spender: self.spender.clone(),
            config: self.iosd_config.clone(),
            iosd_mint: self.iosd_mint.clone(),
            escrow: self.escrow.clone(),
            destination: destination.clone(),
            token_program: self.token_program.clone(),
            event_authority: self.iosd_event_authority.clone(),
            program: self.iosd_program.clone(),
        };
        crate::cpi::pay_out(
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
        let accounts = crate::cpi::accounts::Redeem {
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
        crate::cpi::redeem(
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
        let accounts = crate::cpi::accounts::BurnEscrow {
            spender: self.spender.clone(),
            config: self.iosd_config.clone(),
            iosd_mint: self.iosd_mint.clone(),
            escrow: self.escrow.clone(),
            token_program: self.token_program.clone(),
            event_authority: self.iosd_event_authority.clone(),
            program: self.iosd_program.clone(),
        };
        crate::cpi::burn_escrow(
            CpiContext::new_with_signer(crate::ID, accounts, &[seeds]),
            amount,
        )
    }
}

/// Which of a program's two escrows a movement uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denomination {
    /// IOSD, in the program's escrow (the iosd holder of its spender PDA).
    Iosd,
    /// IO, in the program's IO vault.
    Io,
}

/// An allowed program's IOSD escrow and IO vault; each movement goes to the one of its
/// denomination.
pub struct Escrows<'info> {
    pub iosd: SpenderCpi<'info>,
    pub io: PdaVault<'info>,
}

impl<'info> Escrows<'info> {
    /// `owner`'s tokens from `source` into the escrow of `denomination`.
    pub fn take(
        &self,
        denomination: Denomination,
        owner: &AccountInfo<'info>,
        source: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        match denomination {
            Denomination::Iosd => self.iosd.spend(owner, source, amount),
            Denomination::Io => self.io.deposit(owner, source, amount),
        }
    }

    /// `amount` out of the escrow of `denomination` to `destination` (an IOSD holder, or an IO
    /// account); nothing when 0.
    pub fn pay(
        &self,
        denomination: Denomination,
        destination: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        match denomination {
            Denomination::Iosd => self.iosd.pay_out(destination, amount),
            Denomination::Io => self.io.pay(destination, amount),
        }
    }

    /// Burns `amount` from the escrow of `denomination` (`io_mint` for IO); nothing when 0.
    pub fn burn(
        &self,
        denomination: Denomination,
        io_mint: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        match denomination {
            Denomination::Iosd => self.iosd.burn(amount),
            Denomination::Io => self.io.burn(io_mint, amount),
        }
    }
}

/// Builds a [`SpenderCpi`] from an `Accounts` struct with the fields `spender` (and its bump in
/// `$bumps`), `iosd_config`, `iosd_mint`, `escrow`, `token_program`, `iosd_event_authority` and
/// `iosd_program`.
#[macro_export]
macro_rules! spender_cpi {
    ($accounts:expr, $bumps:expr) => {
        $crate::spender_cpi::SpenderCpi {
            spender: $accounts.spender.to_account_info(),
            spender_bump: $bumps.spender,
            iosd_config: $accounts.iosd_config.to_account_info(),
            iosd_mint: $accounts.iosd_mint.to_account_info(),
            escrow: $accounts.escrow.to_account_info(),
            token_program: $accounts.token_program.to_account_info(),
            iosd_event_authority: $accounts.iosd_event_authority.to_account_info(),
            iosd_program: $accounts.iosd_program.to_account_info(),
        }
    };
}
