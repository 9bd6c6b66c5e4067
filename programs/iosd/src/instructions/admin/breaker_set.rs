//! `breaker_set`: the authority changes the mint-rate breaker. The bucket's level is kept, so
//! lowering the cap cannot be dodged by minting just before the change.

use anchor_lang::prelude::*;

use super::AuthorityChange;
use crate::events::BreakerUpdated;
use crate::state::BreakerSettings;

pub fn handle(ctx: Context<AuthorityChange>, breaker: BreakerSettings) -> Result<()> {
    breaker.check()?;
    let config = &mut ctx.accounts.config;
    config.breaker = breaker;
    config.bump_revision()?;
    config.invariant()?;
    emit_cpi!(BreakerUpdated {
        breaker,
        revision: config.revision,
    });
    Ok(())
}
