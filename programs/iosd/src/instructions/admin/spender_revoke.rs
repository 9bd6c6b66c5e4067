//! `spender_revoke`: the authority removes a program from the allow-list. IOSD already in its
//! escrow stays there; the holder of the escrow (the program's spender PDA) can still redeem it.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::error::IosdError;
use crate::events::SpenderRevoked;
use crate::state::Spender;

pub fn handle(ctx: Context<AuthorityChange>, program: Pubkey) -> Result<()> {
    let config = &mut ctx.accounts.config;
    let count = usize::from(config.spender_count);
    let index = config
        .active_spenders()
        .iter()
        .position(|s| s.program == program)
        .ok_or(IosdError::SpenderNotListed)?;
    let last = count.checked_sub(1).ok_or(IosdError::SpenderNotListed)?;
    // Keep the list dense: the last entry takes the removed one's place.
    config.spenders.swap(index, last);
    config.spenders[last] = Spender::default();
    config.spender_count = config
        .spender_count
        .checked_sub(1)
        .ok_or(IosdError::MathOverflow)?;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(SpenderRevoked {
        program,
        spender_count: config.spender_count,
        revision: config.revision,
    });
    Ok(())
}
