//! Tests of the receipt layout, the precompile parsing and the gateway ledger, including the
//! forgeries a program or gateway must refuse.

use anchor_lang::prelude::Pubkey;
use ed25519_dalek::{Signer, SigningKey};
use proptest::prelude::*;

use crate::*;

fn domain() -> ReceiptDomain {
    ReceiptDomain {
        program_id: Pubkey::new_from_array([1; 32]),
        genesis_hash: [2; 32],
    }
}

fn receipt(cumulative_amount: u64, sequence: u64) -> Receipt {
    Receipt {
        session: Pubkey::new_from_array([3; 32]),
        cumulative_amount,
        sequence,
    }
}

fn key() -> SigningKey {
    SigningKey::from_bytes(&[4; 32])
}

fn precompile_data(message: &[u8]) -> Vec<u8> {
    let signature = key().sign(message).to_bytes();
    solana_ed25519_program::new_ed25519_instruction_with_signature(
        message,
        &signature,
        key().verifying_key().as_bytes(),
    )
    .data
}

#[test]
fn message_layout_is_fixed() {
    let bytes = receipt(0x0102, 7).message(&domain());
    assert_eq!(bytes.len(), MESSAGE_LEN);
    assert_eq!(&bytes[..16], &DOMAIN_TAG);
    assert_eq!(&bytes[16..48], &[1; 32]);
    assert_eq!(&bytes[48..80], &[2; 32]);
    assert_eq!(&bytes[80..112], &[3; 32]);
    assert_eq!(&bytes[112..120], &0x0102u64.to_le_bytes());
    assert_eq!(&bytes[120..128], &7u64.to_le_bytes());
    assert_eq!(Receipt::parse(&bytes, &domain()), Some(receipt(0x0102, 7)));
}

#[test]
fn a_receipt_of_another_program_cluster_or_kind_does_not_parse() {
    let bytes = receipt(5, 1).message(&domain());
    let other_program = ReceiptDomain {
        program_id: Pubkey::new_from_array([9; 32]),
        ..domain()
    };
    let other_cluster = ReceiptDomain {
        genesis_hash: [9; 32],
        ..domain()
    };
    assert_eq!(Receipt::parse(&bytes, &other_program), None);
    assert_eq!(Receipt::parse(&bytes, &other_cluster), None);
    let mut other_tag = bytes;
    other_tag[0] ^= 1;
    assert_eq!(Receipt::parse(&other_tag, &domain()), None);
    assert_eq!(Receipt::parse(&bytes[..MESSAGE_LEN - 1], &domain()), None);
    assert_eq!(
        Receipt::parse(&[bytes.as_slice(), &[0]].concat(), &domain()),
        None
    );
}

#[test]
fn reads_back_what_the_precompile_verified() {
    let message = receipt(1_000, 1).message(&domain());
    let data = precompile_data(&message);
    let verified = verified_signature(&data).unwrap();
    assert_eq!(verified.public_key, key().verifying_key().as_bytes());
    assert_eq!(verified.message, &message);
    assert_eq!(verified.signature, &key().sign(&message).to_bytes());
}

#[test]
fn refuses_every_other_shape_of_precompile_instruction() {
    let data = precompile_data(&receipt(1_000, 1).message(&domain()));
    assert_eq!(
        verified_signature(&data[..10]),
        Err(PrecompileError::Truncated)
    );
    let mut two = data.clone();
    two[0] = 2;
    assert_eq!(
        verified_signature(&two),
        Err(PrecompileError::NotOneSignature)
    );
    let mut none = data.clone();
    none[0] = 0;
    assert_eq!(
        verified_signature(&none),
        Err(PrecompileError::NotOneSignature)
    );
    // Each of the three instruction indices pointing at instruction 0 instead of itself.
    for index_field in [1usize, 3, 6] {
        let mut elsewhere = data.clone();
        let at = 2 + index_field * 2;
        elsewhere[at..at + 2].copy_from_slice(&0u16.to_le_bytes());
        assert_eq!(
            verified_signature(&elsewhere),
            Err(PrecompileError::OffsetsOutsideInstruction)
        );
    }
    // A message size that runs past the data.
    let mut long = data.clone();
    long[12..14].copy_from_slice(&u16::MAX.to_le_bytes());
    assert_eq!(
        verified_signature(&long),
        Err(PrecompileError::OffsetOutOfBounds)
    );
    let mut far = data;
    far[2..4].copy_from_slice(&u16::MAX.to_le_bytes());
    assert_eq!(
        verified_signature(&far),
        Err(PrecompileError::OffsetOutOfBounds)
    );
}

#[cfg(feature = "client")]
mod gateway {
    use super::*;
    use crate::client::{ReceiptRejected, SessionLedger, sign};

    fn ledger() -> SessionLedger {
        SessionLedger::new(
            domain(),
            receipt(0, 0).session,
            key().verifying_key().as_bytes(),
        )
        .unwrap()
    }

    #[test]
    fn accepts_increasing_receipts_and_keeps_the_latest() {
        let mut ledger = ledger();
        // Debug builds sign slowly; the release benchmark (`receipt-bench`) does 10,000.
        for sequence in 1..=100u64 {
            let r = receipt(sequence * 10, sequence);
            ledger.accept(r, sign(&key(), &domain(), &r)).unwrap();
        }
        assert_eq!(ledger.latest().unwrap().0, receipt(1_000, 100));
    }

    #[test]
    fn refuses_forgeries_and_regressions() {
        let mut ledger = ledger();
        let first = receipt(100, 1);
        ledger
            .accept(first, sign(&key(), &domain(), &first))
            .unwrap();
        let other_key = SigningKey::from_bytes(&[5; 32]);
        let next = receipt(200, 2);
        assert_eq!(
            ledger.accept(next, sign(&other_key, &domain(), &next)),
            Err(ReceiptRejected::BadSignature)
        );
        let other_cluster = ReceiptDomain {
            genesis_hash: [8; 32],
            ..domain()
        };
        assert_eq!(
            ledger.accept(next, sign(&key(), &other_cluster, &next)),
            Err(ReceiptRejected::BadSignature)
        );
        let elsewhere = Receipt {
            session: Pubkey::new_unique(),
            ..next
        };
        assert_eq!(
            ledger.accept(elsewhere, sign(&key(), &domain(), &elsewhere)),
            Err(ReceiptRejected::WrongSession)
        );
        let lower = receipt(99, 2);
        assert_eq!(
            ledger.accept(lower, sign(&key(), &domain(), &lower)),
            Err(ReceiptRejected::AmountWentBackwards)
        );
        let replay = receipt(100, 1);
        assert_eq!(
            ledger.accept(replay, sign(&key(), &domain(), &replay)),
            Err(ReceiptRejected::SequenceNotIncreasing)
        );
        assert_eq!(
            ledger.latest().unwrap().0,
            first,
            "nothing refused was kept"
        );
    }
}

proptest! {
    #[test]
    fn any_receipt_round_trips(session in any::<[u8; 32]>(), amount in any::<u64>(), sequence in any::<u64>()) {
        let r = Receipt { session: Pubkey::new_from_array(session), cumulative_amount: amount, sequence };
        prop_assert_eq!(Receipt::parse(&r.message(&domain()), &domain()), Some(r));
    }

    #[test]
    fn parsing_never_panics(data in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = verified_signature(&data);
        let _ = Receipt::parse(&data, &domain());
    }
}

#[test]
fn an_oracle_total_has_a_fixed_layout_and_its_own_domain() {
    let total = OracleTotal {
        device: Pubkey::new_from_array([5; 32]),
        cumulative_io_base: 0x0a0b,
        config_version: 3,
    };
    let bytes = total.message(&domain());
    assert_eq!(bytes.len(), ORACLE_MESSAGE_LEN);
    assert_eq!(&bytes[..16], &ORACLE_TAG);
    assert_eq!(&bytes[80..112], &[5; 32]);
    assert_eq!(&bytes[112..120], &0x0a0bu64.to_le_bytes());
    assert_eq!(&bytes[120..124], &3u32.to_le_bytes());
    assert_eq!(OracleTotal::parse(&bytes, &domain()), Some(total));
    let other = ReceiptDomain {
        genesis_hash: [9; 32],
        ..domain()
    };
    assert_eq!(OracleTotal::parse(&bytes, &other), None);
    // A receipt is not an oracle total, and an oracle total is not a receipt.
    let receipt_bytes = receipt(5, 1).message(&domain());
    assert_eq!(OracleTotal::parse(&receipt_bytes, &domain()), None);
    assert_eq!(Receipt::parse(&bytes, &domain()), None);
}

#[test]
fn a_multi_signature_instruction_parses_back_with_shared_messages() {
    let keys = [
        SigningKey::from_bytes(&[6; 32]),
        SigningKey::from_bytes(&[7; 32]),
    ];
    let same = b"the same message".to_vec();
    let other = b"another message".to_vec();
    let signed: Vec<([u8; 32], [u8; 64], Vec<u8>)> = vec![
        (
            keys[0].verifying_key().to_bytes(),
            keys[0].sign(&same).to_bytes(),
            same.clone(),
        ),
        (
            keys[1].verifying_key().to_bytes(),
            keys[1].sign(&same).to_bytes(),
            same.clone(),
        ),
        (
            keys[1].verifying_key().to_bytes(),
            keys[1].sign(&other).to_bytes(),
            other.clone(),
        ),
    ];
    let ix = crate::client::multi_signature_instruction(&signed);
    let parsed: Vec<_> = verified_signatures(&ix.data)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(parsed.len(), 3);
    for (got, (key, signature, message)) in parsed.iter().zip(&signed) {
        assert_eq!(
            (got.public_key, got.signature, got.message),
            (key, signature, message.as_slice())
        );
    }
    // The shared message is stored once.
    assert_eq!(
        ix.data.len(),
        2 + 3 * 14 + 3 * 64 + 2 * 32 + same.len() + other.len()
    );
    assert_eq!(
        verified_signature(&ix.data),
        Err(PrecompileError::NotOneSignature)
    );
    assert_eq!(
        verified_signatures(&[0, 0]).err(),
        Some(PrecompileError::NotOneSignature)
    );
}
