//! `key_set_add`: the authority adds a settler or a slasher (at most 8 each).

use anchor_lang::prelude::*;
use io_common::MAX_ROLE_KEYS;

use super::AuthorityChange;
use crate::error::MarketError;
use crate::events::KeySetChanged;
use crate::state::{KeySet, MarketConfig};

pub fn handle(ctx: Context<AuthorityChange>, set: KeySet, key: Pubkey) -> Result<()> {
    let config: &mut MarketConfig = &mut ctx.accounts.config;
    require_keys_neq!(key, Pubkey::default(), MarketError::KeyNotInSet);
    require!(
        !config.keys(set).contains(&key),
        MarketError::KeyAlreadyInSet
    );
    let (keys, count) = match set {
        KeySet::Settlers => (&mut config.settlers, &mut config.settler_count),
        KeySet::Slashers => (&mut config.slashers, &mut config.slasher_count),
    };
    let index = usize::from(*count);
    require!(index < MAX_ROLE_KEYS, MarketError::KeySetFull);
    keys[index] = key;
    *count = count.checked_add(1).ok_or(MarketError::MathOverflow)?;
    let count = *count;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(KeySetChanged {
        set,
        key,
        added: true,
        count,
        revision: config.revision,
    });
    Ok(())
}
