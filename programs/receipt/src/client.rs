//! Off-chain receipts: the user's side signs, the gateway verifies each receipt before serving,
//! and whoever settles wraps the latest one in an ed25519 precompile instruction.

use anchor_lang::prelude::Pubkey;
use anchor_lang::solana_program::instruction::Instruction;
use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};

use crate::precompile::THIS_INSTRUCTION;
use crate::{OracleTotal, Receipt, ReceiptDomain};

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

/// Signs `total` for `domain` (the rewards program's) with an oracle key.
pub fn sign_total(
    oracle_key: &SigningKey,
    domain: &ReceiptDomain,
    total: &OracleTotal,
) -> [u8; 64] {
    oracle_key.sign(&total.message(domain)).to_bytes()
}

/// One ed25519 precompile instruction verifying several `(key, signature, message)` triples,
/// everything inside the instruction, each distinct key and each distinct message stored once
/// (an oracle signing for several devices shares its key's bytes; oracles that agree share
/// their message's).
///
/// # Panics
/// With more than 255 signatures or data beyond 64 KiB (no transaction carries that much).
// Offsets of at most 255 records of bounded size: no usize arithmetic here can overflow, and a
// layout past 64 KiB panics at `offset`.
#[allow(clippy::arithmetic_side_effects)]
pub fn multi_signature_instruction(signed: &[([u8; 32], [u8; 64], Vec<u8>)]) -> Instruction {
    const HEADER: usize = 2;
    const OFFSETS: usize = 14;
    let count = u8::try_from(signed.len()).expect("at most 255 signatures");
    let mut keys: Vec<&[u8; 32]> = Vec::new();
    let mut messages: Vec<&[u8]> = Vec::new();
    let mut layout = Vec::with_capacity(signed.len());
    for (key, _, message) in signed {
        let key_index = keys.iter().position(|k| *k == key).unwrap_or_else(|| {
            keys.push(key);
            keys.len() - 1
        });
        let message_index = messages
            .iter()
            .position(|m| *m == message.as_slice())
            .unwrap_or_else(|| {
                messages.push(message);
                messages.len() - 1
            });
        layout.push((key_index, message_index));
    }
    let signatures_at = HEADER + OFFSETS * signed.len();
    let keys_at = signatures_at + 64 * signed.len();
    let messages_at = keys_at + 32 * keys.len();
    let message_at =
        |index: usize| messages_at + messages[..index].iter().map(|m| m.len()).sum::<usize>();
    let offset = |value: usize| u16::try_from(value).expect("data within 64 KiB");
    let mut data = vec![count, 0];
    for (i, (key_index, message_index)) in layout.iter().enumerate() {
        for field in [
            offset(signatures_at + 64 * i),
            THIS_INSTRUCTION,
            offset(keys_at + 32 * key_index),
            THIS_INSTRUCTION,
            offset(message_at(*message_index)),
            offset(messages[*message_index].len()),
            THIS_INSTRUCTION,
        ] {
            data.extend_from_slice(&field.to_le_bytes());
        }
    }
    for (_, signature, _) in signed {
        data.extend_from_slice(signature);
    }
    for key in &keys {
        data.extend_from_slice(*key);
    }
    for message in &messages {
        data.extend_from_slice(message);
    }
    Instruction {
        program_id: crate::instructions::ED25519_PROGRAM_ID,
        accounts: vec![],
        data,
    }
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
