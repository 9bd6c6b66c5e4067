//! The market's calls into iosd's spend interface, each signed with the market's
//! `[b"iosd_spender"]` PDA.

use anchor_lang::prelude::*;
use iosd::constants::SEED_SPENDER;

/// The iosd accounts every IOSD movement of the market names.
pub struct IosdCpi<'info> {
    pub spender: AccountInfo<'info>,
    pub spender_bump: u8,
    pub iosd_config: AccountInfo<'info>,
    pub iosd_mint: AccountInfo<'info>,
    pub escrow: AccountInfo<'info>,
    pub token_program: AccountInfo<'info>,
    pub iosd_event_authority: AccountInfo<'info>,
    pub iosd_program: AccountInfo<'info>,
}

impl<'info> IosdCpi<'info> {
    /// `owner`'s IOSD from `source` into the escrow (the renter's signature passes through).
    pub fn spend(
        &self,
        owner: &AccountInfo<'info>,
        source: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        let bump = [self.spender_bump];
        let seeds: &[&[u8]] = &[SEED_SPENDER, &bump];
        let accounts = iosd::cpi::accounts::Spend {
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
        iosd::cpi::spend(
            CpiContext::new_with_signer(iosd::ID, accounts, &[seeds]),
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
        let accounts = iosd::cpi::accounts::PayOut {
            spender: self.spender.clone(),
            config: self.iosd_config.clone(),
            iosd_mint: self.iosd_mint.clone(),
            escrow: self.escrow.clone(),
            destination: destination.clone(),
            token_program: self.token_program.clone(),
            event_authority: self.iosd_event_authority.clone(),
            program: self.iosd_program.clone(),
        };
        iosd::cpi::pay_out(
            CpiContext::new_with_signer(iosd::ID, accounts, &[seeds]),
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
        let accounts = iosd::cpi::accounts::Redeem {
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
        iosd::cpi::redeem(
            CpiContext::new_with_signer(iosd::ID, accounts, &[seeds]),
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
        let accounts = iosd::cpi::accounts::BurnEscrow {
            spender: self.spender.clone(),
            config: self.iosd_config.clone(),
            iosd_mint: self.iosd_mint.clone(),
            escrow: self.escrow.clone(),
            token_program: self.token_program.clone(),
            event_authority: self.iosd_event_authority.clone(),
            program: self.iosd_program.clone(),
        };
        iosd::cpi::burn_escrow(
            CpiContext::new_with_signer(iosd::ID, accounts, &[seeds]),
            amount,
        )
    }
}

/// Declares the iosd accounts of a lease instruction (spender PDA with its seeds, iosd config,
/// mint, the market's escrow, programs) and builds an [`IosdCpi`] from them.
#[macro_export]
macro_rules! iosd_cpi {
    ($accounts:expr, $bumps:expr) => {
        $crate::instructions::lease::iosd_cpi::IosdCpi {
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
