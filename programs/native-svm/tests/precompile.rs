//! The ed25519 precompile verifies in this SVM: a valid signature passes and a forged one fails.
//! Without this, every receipt and oracle-signature test built on it would be vacuous.

use ed25519_dalek::{Signer as _, SigningKey};
use solana_instruction::error::InstructionError;
use solana_transaction_error::TransactionError;

use crate::support::Probe;

fn signed(message: &[u8]) -> ([u8; 32], [u8; 64]) {
    let key = SigningKey::from_bytes(&[7; 32]);
    (key.verifying_key().to_bytes(), key.sign(message).to_bytes())
}

#[test]
fn valid_ed25519_signature_passes_the_precompile() {
    let mut probe = Probe::new();
    let message = b"io receipt: cumulative 1000";
    let (public_key, signature) = signed(message);
    let ix = solana_ed25519_program::new_ed25519_instruction_with_signature(
        message,
        &signature,
        &public_key,
    );
    probe
        .send(&[ix], &[])
        .expect("a genuine signature verifies");
}

#[test]
fn forged_ed25519_signature_is_rejected() {
    let mut probe = Probe::new();
    let (public_key, signature) = signed(b"io receipt: cumulative 1000");
    // The same signature presented over a different amount.
    let forged = b"io receipt: cumulative 9000";
    let ix = solana_ed25519_program::new_ed25519_instruction_with_signature(
        forged,
        &signature,
        &public_key,
    );
    let failure = probe.send(&[ix], &[]).expect_err("forged signature");
    let invalid_signature = solana_precompile_error::PrecompileError::InvalidSignature as u32;
    assert_eq!(
        failure.err,
        TransactionError::InstructionError(0, InstructionError::Custom(invalid_signature))
    );
}
