//! Off-chain receipts: the user's side signs, the gateway verifies each receipt before serving,
//! and whoever settles wraps the latest one in an ed25519 precompile instruction.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::{Receipt, ReceiptDomain};

/// Signs `receipt` for `domain` with the session key.
pub fn sign(session_key: &SigningKey, domain: &ReceiptDomain, receipt: &Receipt) -> [u8; 64] {
    session_key.sign(&receipt.message(domain)).to_bytes()
}

/// The ed25519 precompile instruction that proves `signature` over `receipt` to the program.
pub fn precompile_instruction(
    session_key: &[u8; 32],
    signature: &[u8; 64],
    domain: &ReceiptDomain,
    receipt: &Receipt,
) -> Instruction {
    solana_ed25519_program::new_ed25519_instruction_with_signature(
        &receipt.message(domain),
        signature,
        session_key,
    )
}

/// Why a gateway refused a receipt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReceiptRejected {
    /// Not a valid ed25519 key.
    MalformedKey,
    /// The signature does not verify for this key and message.
    BadSignature,
    /// The receipt names another session.
    WrongSession,
    /// Its cumulative amount is below one already accepted.
    AmountWentBackwards,
    /// Its sequence is not above the last accepted one.
    SequenceNotIncreasing,
}

/// What a gateway keeps per session: the key and the last receipt it accepted.
#[derive(Clone, Debug)]
pub struct SessionLedger {
    domain: ReceiptDomain,
    session: Pubkey,
    key: VerifyingKey,
    latest: Option<(Receipt, [u8; 64])>,
}

impl SessionLedger {
    pub fn new(
        domain: ReceiptDomain,
        session: Pubkey,
        session_key: &[u8; 32],
    ) -> Result<Self, ReceiptRejected> {
        let key =
            VerifyingKey::from_bytes(session_key).map_err(|_| ReceiptRejected::MalformedKey)?;
        Ok(Self {
            domain,
            session,
            key,
            latest: None,
        })
    }

    /// Verifies `receipt` as a gateway must before serving the request it pays for, and keeps it
    /// as the latest when it is.
    pub fn accept(&mut self, receipt: Receipt, signature: [u8; 64]) -> Result<(), ReceiptRejected> {
        if receipt.session != self.session {
            return Err(ReceiptRejected::WrongSession);
        }
        if let Some((last, _)) = &self.latest {
            if receipt.cumulative_amount < last.cumulative_amount {
                return Err(ReceiptRejected::AmountWentBackwards);
            }
            if receipt.sequence <= last.sequence {
                return Err(ReceiptRejected::SequenceNotIncreasing);
            }
        }
        self.key
            .verify_strict(
                &receipt.message(&self.domain),
                &Signature::from_bytes(&signature),
            )
            .map_err(|_| ReceiptRejected::BadSignature)?;
        self.latest = Some((receipt, signature));
        Ok(())
    }

    /// The latest accepted receipt and its signature: the only one worth submitting.
    pub fn latest(&self) -> Option<&(Receipt, [u8; 64])> {
        self.latest.as_ref()
    }
}
