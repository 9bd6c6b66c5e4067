//! Decoding by the committed IDLs: every account and event type of the five programs, values
//! serialised by the program crates' own types read back field by field, and the named errors of
//! bytes that are not what they claim.

use anchor_lang::prelude::Pubkey;
use anchor_lang::{AccountSerialize, Event};
use io_decoder::{SchemaError, schema};
use serde_json::json;

/// The IDLs are those of the program crates this build links: same ids, same order as the
/// programs the decoder inspects.
#[test]
fn the_idls_name_the_linked_programs() {
    assert_eq!(schema().program_ids(), io_decoder::PROGRAMS.to_vec());
}

/// Every account and event type in the IDLs decodes (from zeroed fields, which any Borsh type
/// accepts), so no type of the programs uses a shape the decoder cannot read.
#[test]
fn every_account_and_event_type_of_the_idls_decodes() {
    let schema = schema();
    let (mut accounts, mut events) = (0, 0);
    for program in schema.program_ids() {
        for (name, discriminator) in schema.account_types(&program).unwrap() {
            let mut data = discriminator.to_vec();
            data.resize(16 * 1024, 0);
            let decoded = schema.account(&program, &data).unwrap();
            assert_eq!(decoded.name, name);
            assert!(decoded.value.is_object(), "{name}");
            accounts += 1;
        }
        for (name, discriminator) in schema.event_types(&program).unwrap() {
            let mut data = discriminator.to_vec();
            data.resize(16 * 1024, 0);
            // An event is read exactly: the zeros past its fields are refused, and its own
            // length then decodes.
            let Err(SchemaError::TrailingBytes {
                name: named, extra, ..
            }) = schema.event(&program, &data)
            else {
                panic!("{name}: trailing zeros accepted");
            };
            assert_eq!(named, name);
            data.truncate(data.len() - extra);
            assert_eq!(schema.event(&program, &data).unwrap().name, name);
            events += 1;
        }
    }
    assert!(accounts >= 19, "{accounts} account types");
    assert!(events >= 80, "{events} event types");
}

fn key(byte: u8) -> Pubkey {
    Pubkey::new_from_array([byte; 32])
}

#[test]
fn reads_an_event_as_the_program_serialises_it() {
    let settlement = |lease: u8, paused: bool| market::events::LeaseSettlement {
        lease: key(lease),
        currency: io_common::Currency::Io,
        cumulative_gpu_secs: 7_200,
        paid: 4_000_000,
        to_provider: 3_990_000,
        fee: 10_000,
        burned: 5_000,
        total_paid: u64::MAX,
        remaining: 1,
        paused,
        revision: 9,
    };
    let event = market::events::LeaseBatchSettled {
        settler: key(1),
        settled: vec![settlement(2, false), settlement(3, true)],
        skipped: vec![market::events::LeaseSkip {
            lease: key(4),
            cumulative_gpu_secs: 60,
            reason: market::events::SkipReason::Stale,
        }],
        payout_bucket_usd_micros: 123,
    };
    let decoded = schema().event(&market::ID, &event.data()).unwrap();
    assert_eq!(
        (decoded.program, decoded.name),
        ("market", "LeaseBatchSettled")
    );
    let expected_settlement = |lease: u8, paused: bool| {
        json!({
            "lease": key(lease).to_string(),
            "currency": "Io",
            "cumulative_gpu_secs": 7_200,
            "paid": 4_000_000,
            "to_provider": 3_990_000,
            "fee": 10_000,
            "burned": 5_000,
            "total_paid": u64::MAX,
            "remaining": 1,
            "paused": paused,
            "revision": 9,
        })
    };
    assert_eq!(
        decoded.value,
        json!({
            "settler": key(1).to_string(),
            "settled": [expected_settlement(2, false), expected_settlement(3, true)],
            "skipped": [{
                "lease": key(4).to_string(),
                "cumulative_gpu_secs": 60,
                "reason": "Stale",
            }],
            "payout_bucket_usd_micros": 123,
        })
    );
}

fn vote_marker() -> Vec<u8> {
    let marker = governance::state::VoteMarker {
        version: 1,
        bump: 254,
        proposal: key(5),
        position: key(6),
        voter: key(7),
        choice: governance::state::VoteChoice::Abstain,
        weight: 1 << 60,
        rent_payer: key(7),
    };
    let mut data = Vec::new();
    marker.try_serialize(&mut data).unwrap();
    data
}

#[test]
fn reads_an_account_as_the_program_stores_it() {
    let mut data = vote_marker();
    // Space an account keeps past its fields is allowed and reported.
    let fields = data.len();
    data.extend([0; 16]);
    let decoded = schema().account(&governance::ID, &data).unwrap();
    assert_eq!((decoded.name, decoded.consumed), ("VoteMarker", fields));
    assert_eq!(
        decoded.value,
        json!({
            "version": 1,
            "bump": 254,
            "proposal": key(5).to_string(),
            "position": key(6).to_string(),
            "voter": key(7).to_string(),
            "choice": "Abstain",
            "weight": 1u64 << 60,
            "rent_payer": key(7).to_string(),
        })
    );
}

#[test]
fn names_what_is_wrong_with_bytes_that_do_not_decode() {
    let schema = schema();
    let stranger = key(9);
    assert_eq!(
        schema.account(&stranger, &[0; 64]),
        Err(SchemaError::UnknownProgram(stranger))
    );
    assert_eq!(
        schema.account(&governance::ID, &[1, 2, 3]),
        Err(SchemaError::NoDiscriminator {
            program: "governance",
            what: "account",
            len: 3
        })
    );
    assert_eq!(
        schema.event(&governance::ID, &[7; 40]),
        Err(SchemaError::UnknownDiscriminator {
            program: "governance",
            what: "event",
            discriminator: [7; 8]
        })
    );
    // An account of one program is not an account of another.
    assert!(matches!(
        schema.account(&market::ID, &vote_marker()),
        Err(SchemaError::UnknownDiscriminator { .. })
    ));

    let marker = vote_marker();
    // Cut inside `weight` (8 + 1 + 1 + 3 × 32 + 1 = 107, then 8 bytes).
    assert_eq!(
        schema.account(&governance::ID, &marker[..110]),
        Err(SchemaError::Truncated {
            program: "governance",
            name: "VoteMarker",
            offset: 107,
            needed: 8,
            len: 110
        })
    );
    // A choice past the enum's three variants.
    let mut bad_choice = marker.clone();
    bad_choice[106] = 3;
    assert_eq!(
        schema.account(&governance::ID, &bad_choice),
        Err(SchemaError::Invalid {
            program: "governance",
            name: "VoteMarker",
            offset: 106,
            byte: 3,
            what: "variant index"
        })
    );
    // A bool that is neither 0 nor 1.
    let mut event = market::events::LeaseSettled {
        settler: key(1),
        settlement: market::events::LeaseSettlement {
            lease: key(2),
            currency: io_common::Currency::Iosd,
            cumulative_gpu_secs: 1,
            paid: 1,
            to_provider: 1,
            fee: 0,
            burned: 0,
            total_paid: 1,
            remaining: 1,
            paused: false,
            revision: 1,
        },
        payout_bucket_usd_micros: 1,
    }
    .data();
    let paused_at = 8 + 32 + 32 + 1 + 8 * 7;
    event[paused_at] = 2;
    assert_eq!(
        schema.event(&market::ID, &event),
        Err(SchemaError::Invalid {
            program: "market",
            name: "LeaseSettled",
            offset: paused_at,
            byte: 2,
            what: "bool"
        })
    );
}
