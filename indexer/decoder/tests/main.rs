//! Decoder tests on a transaction recorded from the local network (`fixtures/`, a market
//! `config_init` as `getTransaction` returned it in base64), and on that record altered the way
//! a faulty or hostile RPC could alter it.

mod schema;

use io_decoder::{DecodeError, UNKNOWN_EVENT, decode_transaction};
use serde_json::Value;
use solana_transaction_status_client_types::EncodedConfirmedTransactionWithStatusMeta;

const FIXTURE: &str = include_str!("fixtures/market_config_init.json");

fn recorded() -> (String, Value) {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    (
        fixture["signature"].as_str().unwrap().to_string(),
        fixture["transaction"].clone(),
    )
}

fn decode(signature: &str, tx: Value) -> Result<Vec<io_decoder::DecodedEvent>, DecodeError> {
    let tx: EncodedConfirmedTransactionWithStatusMeta = serde_json::from_value(tx).unwrap();
    decode_transaction(signature, &tx)
}

/// Position of the event among instruction 0's inner instructions: after the System and
/// SPL Token CPIs creating the config, the stake vault, the slash escrow and the lease vault.
const EVENT_INNER_INDEX: usize = 7;

/// The recorded event instruction.
fn event_instruction(tx: &mut Value) -> &mut Value {
    &mut tx["meta"]["innerInstructions"][0]["instructions"][EVENT_INNER_INDEX]
}

#[test]
fn decodes_the_recorded_event_with_its_position() {
    let (signature, tx) = recorded();
    let slot = tx["slot"].as_u64().unwrap();
    let events = decode(&signature, tx).unwrap();
    assert_eq!(
        events.len(),
        1,
        "the System and Token CPIs before it are not events"
    );
    let event = &events[0];
    assert_eq!(
        (event.instruction_index, event.inner_index),
        (0, EVENT_INNER_INDEX as u32)
    );
    assert_eq!(
        (event.signature.as_str(), event.slot),
        (signature.as_str(), slot)
    );
    assert_eq!(event.program_id, market::ID);
    assert_eq!(event.name, "ConfigInitialized");
    assert_eq!(
        event.payload["config"],
        io_client::market::config_address().to_string().as_str()
    );
    assert_eq!(event.payload["params"]["reservation_fee_bps"], 25);
    assert_eq!(
        event.payload["params"]["stake_per_gpu_io_base"],
        20_000_000_000u64
    );
    assert_eq!(
        event.payload["stake_vault"],
        io_client::market::stake_vault_address()
            .to_string()
            .as_str()
    );
    assert_eq!(event.payload["revision"], 0);
    use anchor_lang::Discriminator;
    assert!(
        event
            .data
            .starts_with(market::events::ConfigInitialized::DISCRIMINATOR)
    );
}

#[test]
fn a_failed_transaction_has_no_events() {
    let (signature, mut tx) = recorded();
    tx["meta"]["err"] = serde_json::json!({"InstructionError": [0, {"Custom": 6001}]});
    assert_eq!(decode(&signature, tx), Ok(Vec::new()));
}

#[test]
fn an_event_instruction_without_the_event_authority_is_ignored() {
    let (signature, mut tx) = recorded();
    // Point its only account at the fee payer instead of the event authority.
    event_instruction(&mut tx)["accounts"] = serde_json::json!([0]);
    assert_eq!(decode(&signature, tx), Ok(Vec::new()));
}

#[test]
fn an_event_this_version_does_not_know_is_kept_raw() {
    let (signature, mut tx) = recorded();
    let ix = event_instruction(&mut tx);
    let mut data = bs58::decode(ix["data"].as_str().unwrap())
        .into_vec()
        .unwrap();
    data[8] ^= 0xff; // the event discriminator starts after the 8-byte event tag
    ix["data"] = Value::String(bs58::encode(&data).into_string());
    let events = decode(&signature, tx).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].name, &events[0].payload),
        (UNKNOWN_EVENT, &Value::Null)
    );
    assert_eq!(events[0].data, data[8..]);
}

#[test]
fn missing_metadata_is_named() {
    let (signature, mut tx) = recorded();
    tx["meta"] = Value::Null;
    assert_eq!(
        decode(&signature, tx),
        Err(DecodeError::MissingMeta(signature))
    );
}

#[test]
fn a_transaction_that_is_not_binary_is_named() {
    let (signature, mut tx) = recorded();
    tx["transaction"] = serde_json::json!(["not base64 at all", "base64"]);
    assert_eq!(
        decode(&signature, tx),
        Err(DecodeError::NotBinary(signature))
    );
}

#[test]
fn an_account_index_out_of_range_is_named() {
    let (signature, mut tx) = recorded();
    event_instruction(&mut tx)["programIdIndex"] = serde_json::json!(200);
    assert_eq!(
        decode(&signature, tx),
        Err(DecodeError::AccountIndexOutOfRange {
            signature,
            index: 200
        })
    );
}

#[test]
fn instruction_data_that_is_not_base58_is_named() {
    let (signature, mut tx) = recorded();
    event_instruction(&mut tx)["data"] = Value::String("0OIl".into());
    assert_eq!(
        decode(&signature, tx),
        Err(DecodeError::MalformedData { signature })
    );
}

#[test]
fn a_malformed_loaded_address_is_named() {
    let (signature, mut tx) = recorded();
    tx["meta"]["loadedAddresses"] = serde_json::json!({"writable": ["not-a-key"], "readonly": []});
    assert_eq!(
        decode(&signature, tx),
        Err(DecodeError::MalformedAddress {
            signature,
            what: "a loaded address",
            value: "not-a-key".into()
        })
    );
}
