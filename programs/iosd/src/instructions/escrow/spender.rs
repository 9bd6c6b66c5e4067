//! The check every spend-interface instruction starts with: the spender PDA signed, and it is
//! the PDA of a program on the allow-list.

use anchor_lang::prelude::*;

use crate::error::IosdError;
use crate::state::IosdConfig;

/// Returns the allowed program whose `[b"iosd_spender"]` PDA is `spender`, which must have
/// signed (only that program can sign for it, by `invoke_signed`).
pub fn require_spender(config: &IosdConfig, spender: &AccountInfo) -> Result<Pubkey> {
    require!(spender.is_signer, IosdError::SpenderNotSigner);
    config
        .spender_by_signer(spender.key)
        .map(|s| s.program)
        .ok_or_else(|| error!(IosdError::SpenderNotAllowed))
}
