//! Creating a program-owned PDA account in a way that a pre-funded address cannot block.
//!
//! Anyone can send lamports to an address before a program creates an account there. Anchor
//! 1.2.2's `init` then switches to the System program's `CreateAccountAllowPrefund`, which the
//! agave 3.1 System program rejects, so one small transfer would block that `init` for good
//! (pinned by the native-svm test `pre_funded_pda_blocks_anchor_init`). This helper falls back
//! to the three classic instructions every cluster supports: top up to rent exemption, allocate,
//! assign, the last two signed by the PDA.

use anchor_lang::prelude::*;
use anchor_lang::system_program::{self, Allocate, Assign, CreateAccount, Transfer};

/// Creates `target` (the PDA of `signer_seeds`, bump included) with `space` bytes, owned by
/// `owner`, rent-exempt, paid by `payer`. The caller checks beforehand that `target` is not
/// already initialised, so it can return its own named error.
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
