//! The roles every program's config holds, and the one vocabulary they move with:
//! `role_propose(role, key)` by the authority, then `role_accept(role)` signed by the proposed
//! key. Two steps, so a typo never hands a role to a key nobody holds; proposing the default
//! address withdraws a proposal.

use anchor_lang::prelude::*;

/// A role that moves in two steps.
#[derive(AnchorSerialize, AnchorDeserialize, InitSpace, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Changes parameters and key sets: the governance PDA on a real deployment.
    Authority,
    /// Holds a bounded emergency power (a pause with a cooldown, or governance's veto budget).
    Guardian,
}

/// A role's current and pending keys, borrowed from a config.
pub struct RoleSlot<'a> {
    pub current: &'a mut Pubkey,
    pub pending: &'a mut Pubkey,
}

/// Why a role did not move.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleError {
    /// The signer is not the proposed key (or nothing is proposed).
    NotPending,
}

impl RoleSlot<'_> {
    /// Records `pending` as proposed; returns the current key.
    pub fn propose(self, pending: Pubkey) -> Pubkey {
        *self.pending = pending;
        *self.current
    }

    /// `signer` takes the role if it is the proposed key; returns the previous holder. The
    /// default address never signs, so "no proposal" is refused too.
    pub fn accept(self, signer: Pubkey) -> core::result::Result<Pubkey, RoleError> {
        if *self.pending != signer || signer == Pubkey::default() {
            return Err(RoleError::NotPending);
        }
        let previous = core::mem::replace(self.current, signer);
        *self.pending = Pubkey::default();
        Ok(previous)
    }
}
