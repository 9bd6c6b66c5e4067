//! The SPL Token CPIs the program makes. Every holder account is frozen at rest; an operation
//! thaws it, moves tokens and freezes it again in the same instruction, so at every instruction
//! boundary IOSD sits in frozen accounts that only this program can unlock.

use anchor_lang::prelude::*;
use anchor_spl::token::{self, Burn, FreezeAccount, MintTo, ThawAccount, Transfer};

/// The accounts every holder operation needs: the token program, the IOSD mint, and the config
/// that signs as freeze and mint authority.
pub struct TokenOps<'a, 'info> {
    pub token_program: AccountInfo<'info>,
    pub iosd_mint: AccountInfo<'info>,
    pub config: AccountInfo<'info>,
    pub signer_seeds: &'a [&'a [u8]],
}

impl<'info> TokenOps<'_, 'info> {
    fn signed<T: ToAccountMetas + ToAccountInfos<'info>>(
        &self,
        accounts: T,
    ) -> CpiContext<'_, '_, '_, 'info, T> {
        CpiContext::new_with_signer(
            self.token_program.key(),
            accounts,
            core::slice::from_ref(&self.signer_seeds),
        )
    }

    pub fn thaw(&self, holder: &AccountInfo<'info>) -> Result<()> {
        token::thaw_account(self.signed(ThawAccount {
            account: holder.clone(),
            mint: self.iosd_mint.clone(),
            authority: self.config.clone(),
        }))
    }

    pub fn freeze(&self, holder: &AccountInfo<'info>) -> Result<()> {
        token::freeze_account(self.signed(FreezeAccount {
            account: holder.clone(),
            mint: self.iosd_mint.clone(),
            authority: self.config.clone(),
        }))
    }

    /// Mints `amount` IOSD micros into a (frozen) holder account.
    pub fn mint_to_holder(&self, holder: &AccountInfo<'info>, amount: u64) -> Result<()> {
        self.thaw(holder)?;
        token::mint_to(
            self.signed(MintTo {
                mint: self.iosd_mint.clone(),
                to: holder.clone(),
                authority: self.config.clone(),
            }),
            amount,
        )?;
        self.freeze(holder)
    }

    /// Burns `amount` from a holder account, authorised by its owner's signature.
    pub fn burn_from_holder(
        &self,
        holder: &AccountInfo<'info>,
        owner: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        self.thaw(holder)?;
        let accounts = Burn {
            mint: self.iosd_mint.clone(),
            from: holder.clone(),
            authority: owner.clone(),
        };
        token::burn(CpiContext::new(self.token_program.key(), accounts), amount)?;
        self.freeze(holder)
    }

    /// Moves `amount` between two holder accounts, authorised by the source owner's signature.
    pub fn transfer_between_holders(
        &self,
        from: &AccountInfo<'info>,
        to: &AccountInfo<'info>,
        owner: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        self.thaw(from)?;
        self.thaw(to)?;
        let accounts = Transfer {
            from: from.clone(),
            to: to.clone(),
            authority: owner.clone(),
        };
        token::transfer(CpiContext::new(self.token_program.key(), accounts), amount)?;
        self.freeze(from)?;
        self.freeze(to)
    }

    /// Pays `amount` IO out of the vault, signed by the config as the vault's owner.
    pub fn pay_from_vault(
        &self,
        vault: &AccountInfo<'info>,
        to: &AccountInfo<'info>,
        amount: u64,
    ) -> Result<()> {
        token::transfer(
            self.signed(Transfer {
                from: vault.clone(),
                to: to.clone(),
                authority: self.config.clone(),
            }),
            amount,
        )
    }
}

/// Checks that `account` is an IOSD holder account: of the IOSD mint and frozen. Only this
/// program can freeze an IOSD account (the config is the freeze authority) and every operation
/// refreezes what it thaws, so a frozen IOSD account was opened by `holder_open`; no address
/// derivation is needed.
pub fn require_holder(account: &token::TokenAccount, iosd_mint: &Pubkey) -> Result<()> {
    require!(
        account.mint == *iosd_mint && account.is_frozen(),
        crate::error::IosdError::NotAHolder
    );
    Ok(())
}
