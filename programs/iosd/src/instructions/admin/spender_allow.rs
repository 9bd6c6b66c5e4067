//! `spender_allow`: the authority allows a program (the market, inference) to move IOSD by
//! signing with its `[b"iosd_spender"]` PDA.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::constants::{MAX_SPENDERS, SEED_SPENDER};
use crate::error::IosdError;
use crate::events::SpenderAllowed;
use crate::state::Spender;

pub fn handle(ctx: Context<AuthorityChange>, program: Pubkey) -> Result<()> {
    let config = &mut ctx.accounts.config;
    require_keys_neq!(program, Pubkey::default(), IosdError::SpenderNotListed);
    require!(
        !config
            .active_spenders()
            .iter()
            .any(|s| s.program == program),
        IosdError::SpenderAlreadyAllowed
    );
    let index = usize::from(config.spender_count);
    require!(index < MAX_SPENDERS, IosdError::SpenderListFull);
    let (signer, _) = Pubkey::find_program_address(&[SEED_SPENDER], &program);
    config.spenders[index] = Spender { program, signer };
    config.spender_count = config
        .spender_count
        .checked_add(1)
        .ok_or(IosdError::MathOverflow)?;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(SpenderAllowed {
        program,
        signer,
        spender_count: config.spender_count,
        revision: config.revision,
    });
    Ok(())
}
