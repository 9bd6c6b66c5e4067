//! A token account owned by one of the program's single-seed PDAs (a config): deposits into it,
//! payments out of it and burns from it, each a classic SPL Token instruction that the PDA signs
//! when tokens leave. The market's IO lease vault and the inference program's IO vault are such
//! accounts.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Burn, Transfer};

/// A vault and the PDA `[seed, bump]` that owns it.
pub struct PdaVault<'info> {
    pub vault: AccountInfo<'info>,
    /// The vault's owner and signer.
    pub authority: AccountInfo<'info>,
    pub seed: &'static [u8],
    pub bump: u8,
    pub token_program: AccountInfo<'info>,
}

impl<'info> PdaVault<'info> {
    /// `owner`'s tokens from `source` into the vault (the owner's signature passes through).
    pub fn deposit(
        &self,
        owner: &AccountInfo<'info>,
        source: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        if amount == 0 {
            return Ok(());
        }
        let accounts = Transfer {
            from: source.clone(),
            to: self.vault.clone(),
            authority: owner.clone(),
        };
        token::transfer(CpiContext::new(self.token_program.key(), accounts), amount)
    }

    /// `amount` from the vault to `destination`; nothing when 0.
    pub fn pay(&self, destination: &AccountInfo<'info>, amount: u64) -> Result<()> {
        if amount == 0 {
            return Ok(());
        }
        let bump = [self.bump];
        let seeds: &[&[u8]] = &[self.seed, &bump];
        let accounts = Transfer {
            from: self.vault.clone(),
            to: destination.clone(),
            authority: self.authority.clone(),
        };
        token::transfer(
            CpiContext::new_with_signer(self.token_program.key(), accounts, &[seeds]),
            amount,
        )
    }

    /// Burns `amount` of the vault's tokens (`mint` must be writable); nothing when 0.
    pub fn burn(&self, mint: &AccountInfo<'info>, amount: u64) -> Result<()> {
        if amount == 0 {
            return Ok(());
        }
        let bump = [self.bump];
        let seeds: &[&[u8]] = &[self.seed, &bump];
        let accounts = Burn {
            mint: mint.clone(),
            from: self.vault.clone(),
            authority: self.authority.clone(),
        };
        token::burn(
            CpiContext::new_with_signer(self.token_program.key(), accounts, &[seeds]),
            amount,
        )
    }
}
