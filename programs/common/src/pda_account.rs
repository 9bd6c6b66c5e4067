//! Creating a program's PDA accounts in a way that a pre-funded address cannot block: plain
//! accounts ([`create_pda_account`]), accounts of an Anchor type written in the same step
//! ([`create_pda_with`]) and SPL token accounts ([`create_pda_token_account`]).
//!
//! Anyone can send lamports to an address before a program creates an account there. Anchor
//! 1.2.2's `init` then switches to the System program's `CreateAccountAllowPrefund`, which the
//! agave 3.1 System program rejects, so one small transfer would block that `init` for good
//! (pinned by the native-svm test `pre_funded_pda_blocks_anchor_init`). These helpers fall back
//! to the three classic instructions every cluster supports: top up to rent exemption, allocate,
//! assign, the last two signed by the PDA.

use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Allocate, Assign, CreateAccount, Transfer};
use anchor_lang::{AccountSerialize, Owner, Space};
use anchor_spl::token::{self, InitializeAccount3, TokenAccount};

/// Whether `account` was never created: still the System program's, without data. Every
/// creating instruction checks it first, to refuse with its own `AlreadyInitialized`.
pub fn is_uninitialized(account: &AccountInfo) -> bool {
    account.owner == &system_program::ID && account.data_is_empty()
}

/// Creates `target` (the PDA of `signer_seeds`, bump included) with `space` bytes, owned by
/// `owner`, rent-exempt, paid by `payer`. The caller checks beforehand that `target` is not
/// already initialised ([`is_uninitialized`]), so it can return its own named error.
pub fn create_pda_account<'info>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    owner: &Pubkey,
    space: usize,
    signer_seeds: &[&[u8]],
) -> Result<()> {
    let rent_exempt = Rent::get()?.minimum_balance(space);
    let signer = &[signer_seeds];
    let program = system_program.key();
    let current = target.lamports();
    if current == 0 {
        let accounts = CreateAccount {
            from: payer.clone(),
            to: target.clone(),
        };
        let space = u64::try_from(space).map_err(|_| ProgramError::InvalidAccountData)?;
        return system_program::create_account(
            CpiContext::new_with_signer(program, accounts, signer),
            rent_exempt,
            space,
            owner,
        );
    }
    let top_up = rent_exempt.saturating_sub(current);
    if top_up > 0 {
        let accounts = Transfer {
            from: payer.clone(),
            to: target.clone(),
        };
        system_program::transfer(CpiContext::new(program, accounts), top_up)?;
    }
    let accounts = Allocate {
        account_to_allocate: target.clone(),
    };
    let space = u64::try_from(space).map_err(|_| ProgramError::InvalidAccountData)?;
    system_program::allocate(
        CpiContext::new_with_signer(program, accounts, signer),
        space,
    )?;
    let accounts = Assign {
        account_to_assign: target.clone(),
    };
    system_program::assign(
        CpiContext::new_with_signer(program, accounts, signer),
        owner,
    )
}

/// Creates `target` as an account of `T` (owned by `T`'s program, `8 + T::INIT_SPACE` bytes)
/// and writes `value` into it, discriminator first.
pub fn create_pda_with<'info, T: AccountSerialize + Owner + Space>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    signer_seeds: &[&[u8]],
    value: &T,
) -> Result<()> {
    let space = 8usize
        .checked_add(T::INIT_SPACE)
        .ok_or(ProgramError::InvalidAccountData)?;
    create_pda_account(
        payer,
        target,
        system_program,
        &T::owner(),
        space,
        signer_seeds,
    )?;
    value.try_serialize(&mut &mut target.try_borrow_mut_data()?[..])
}

/// Creates `target` as an SPL token account of `mint` whose owner is `authority`.
pub fn create_pda_token_account<'info>(
    payer: &AccountInfo<'info>,
    target: &AccountInfo<'info>,
    system_program: &AccountInfo<'info>,
    token_program: &AccountInfo<'info>,
    mint: &AccountInfo<'info>,
    authority: &AccountInfo<'info>,
    signer_seeds: &[&[u8]],
) -> Result<()> {
    create_pda_account(
        payer,
        target,
        system_program,
        token_program.key,
        TokenAccount::LEN,
        signer_seeds,
    )?;
    let init = InitializeAccount3 {
        account: target.clone(),
        mint: mint.clone(),
        authority: authority.clone(),
    };
    token::initialize_account3(CpiContext::new(token_program.key(), init))
}
