//! Reading the receipt a settlement submits: the ed25519 precompile instruction just before
//! this one (found through the real instructions sysvar), exactly one signature with key,
//! signature and message inside that instruction, signed by the session key, over a receipt
//! message of this program on this cluster for this session. Each refusal is its own error.

use anchor_lang::prelude::*;
use io_receipt::{Receipt, ReceiptDomain};

use crate::error::InferenceError;
use crate::state::{InferenceConfig, Session};

/// The receipt the preceding ed25519 instruction proves `session`'s key signed.
pub fn verified_receipt(
    instructions_sysvar: &AccountInfo,
    config: &InferenceConfig,
    session: &Account<Session>,
) -> Result<Receipt> {
    let data = io_receipt::ed25519_data_before_current(instructions_sysvar)
        .map_err(InferenceError::from)?;
    let signed = io_receipt::verified_signature(&data).map_err(InferenceError::from)?;
    require!(
        *signed.public_key == session.session_key.to_bytes(),
        InferenceError::ReceiptWrongSigner
    );
    let domain = ReceiptDomain {
        program_id: crate::ID,
        genesis_hash: config.genesis_hash,
    };
    let receipt =
        Receipt::parse(signed.message, &domain).ok_or(InferenceError::ReceiptMalformed)?;
    require_keys_eq!(
        receipt.session,
        session.key(),
        InferenceError::ReceiptWrongSession
    );
    Ok(receipt)
}
