//! `key_set_remove`: the authority removes a settler or a slasher; the set stays dense.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::error::MarketError;
use crate::events::KeySetChanged;
use crate::state::{KeySet, MarketConfig};

pub fn handle(ctx: Context<AuthorityChange>, set: KeySet, key: Pubkey) -> Result<()> {
    let config: &mut MarketConfig = &mut ctx.accounts.config;
    let index = config
        .keys(set)
        .iter()
        .position(|k| *k == key)
        .ok_or(MarketError::KeyNotInSet)?;
    let (keys, count) = match set {
        KeySet::Settlers => (&mut config.settlers, &mut config.settler_count),
        KeySet::Slashers => (&mut config.slashers, &mut config.slasher_count),
    };
    let last = usize::from(*count)
        .checked_sub(1)
        .ok_or(MarketError::KeyNotInSet)?;
    keys.swap(index, last);
    keys[last] = Pubkey::default();
    *count = count.checked_sub(1).ok_or(MarketError::MathOverflow)?;
    let count = *count;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(KeySetChanged {
        set,
        key,
        added: false,
        count,
        revision: config.revision,
    });
    Ok(())
}
