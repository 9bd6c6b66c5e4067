//! `position_extend`: the owner moves its lockup end later (never earlier), within the longest
//! lockup from now; its voting power grows accordingly.

use anchor_lang::prelude::*;

use super::{check_lockup_end, position_event};
use crate::constants::CONFIG_PDA;
use crate::error::GovernanceError;
use crate::state::{GovernanceConfig, Position};

#[event_cpi]
#[derive(Accounts)]
pub struct PositionExtend<'info> {
    pub owner: Signer<'info>,
    #[account(address = CONFIG_PDA.0)]
    pub config: Account<'info, GovernanceConfig>,
    #[account(mut, dup, has_one = owner @ GovernanceError::NotPositionOwner)]
    pub position: Account<'info, Position>,
}

impl PositionExtend<'_> {
    pub fn handle(ctx: Context<Self>, lockup_end: i64) -> Result<()> {
        let now = Clock::get()?.unix_timestamp;
        let position = &mut ctx.accounts.position;
        require!(
            lockup_end >= position.lockup_end,
            GovernanceError::LockupShortened
        );
        check_lockup_end(lockup_end, now, &ctx.accounts.config)?;
        position.lockup_end = lockup_end;
        position.bump_revision()?;
        position.invariant()?;
        let event = position_event(position.key(), position, &ctx.accounts.config, now, false)?;
        emit_cpi!(event);
        Ok(())
    }
}
