//! Decodes the IO programs' `emit_cpi!` events out of transactions as RPC returns them.
//!
//! Only successful transactions count, and only inner instructions of one of our programs whose
//! first account is that program's event authority (`io_client::events`). Events and accounts
//! are decoded by the committed IDLs ([`schema`]), which CI keeps equal to the programs' types,
//! so every field the programs write is read; an event this version does not know is kept with
//! its raw bytes rather than dropped.

pub mod schema;

use anchor_lang::prelude::Pubkey;
use io_client::events::{InnerInstruction, event_payload};
use serde_json::Value;
use solana_transaction_status_client_types::option_serializer::OptionSerializer;
use solana_transaction_status_client_types::{
    EncodedConfirmedTransactionWithStatusMeta, UiInstruction,
};

pub use schema::{Decoded, Field, FieldShape, Schema, SchemaError, schema};

/// Our programs, whose inner instructions are inspected.
pub const PROGRAMS: [Pubkey; 5] = [
    iosd::ID,
    market::ID,
    inference::ID,
    rewards::ID,
    governance::ID,
];

/// One event, with where it was emitted.
#[derive(Clone, Debug, PartialEq)]
pub struct DecodedEvent {
    pub signature: String,
    pub slot: u64,
    /// Index of the top-level instruction that emitted it.
    pub instruction_index: u32,
    /// Position of the event among that instruction's inner instructions.
    pub inner_index: u32,
    pub program_id: Pubkey,
    /// The event type's name (`ConfigInitialized`), or `unknown` for one this version cannot
    /// decode.
    pub name: &'static str,
    /// The fields as JSON (pubkeys in base58).
    pub payload: Value,
    /// The event as emitted: discriminator and borsh fields.
    pub data: Vec<u8>,
}

/// Name given to an event of our program that this version cannot decode.
pub const UNKNOWN_EVENT: &str = "unknown";

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DecodeError {
    #[error("transaction {0} has no status metadata")]
    MissingMeta(String),
    #[error("transaction {0} is not binary-encoded (request base64)")]
    NotBinary(String),
    #[error("transaction {signature}: {what} is not a valid address: {value}")]
    MalformedAddress {
        signature: String,
        what: &'static str,
        value: String,
    },
    #[error("transaction {signature}: account index {index} is out of range")]
    AccountIndexOutOfRange { signature: String, index: u8 },
    #[error("transaction {signature}: inner instruction data is not base58")]
    MalformedData { signature: String },
    #[error("transaction {signature}: inner instructions are in parsed form (request base64)")]
    ParsedInstruction { signature: String },
}

/// Every event of our programs in `tx`, in execution order. A failed transaction has none.
pub fn decode_transaction(
    signature: &str,
    tx: &EncodedConfirmedTransactionWithStatusMeta,
) -> Result<Vec<DecodedEvent>, DecodeError> {
    let meta = tx
        .transaction
        .meta
        .as_ref()
        .ok_or_else(|| DecodeError::MissingMeta(signature.into()))?;
    if meta.err.is_some() {
        return Ok(Vec::new());
    }
    let keys = account_keys(signature, tx)?;
    let OptionSerializer::Some(inner_sets) = &meta.inner_instructions else {
        return Ok(Vec::new());
    };
    let mut events = Vec::new();
    for set in inner_sets {
        for (position, instruction) in set.instructions.iter().enumerate() {
            let UiInstruction::Compiled(compiled) = instruction else {
                return Err(DecodeError::ParsedInstruction {
                    signature: signature.into(),
                });
            };
            let key = |index: u8| {
                keys.get(usize::from(index)).copied().ok_or_else(|| {
                    DecodeError::AccountIndexOutOfRange {
                        signature: signature.into(),
                        index,
                    }
                })
            };
            let program_id = key(compiled.program_id_index)?;
            if !PROGRAMS.contains(&program_id) {
                continue;
            }
            let accounts = compiled
                .accounts
                .iter()
                .map(|&index| key(index))
                .collect::<Result<Vec<_>, _>>()?;
            let data = bs58::decode(&compiled.data).into_vec().map_err(|_| {
                DecodeError::MalformedData {
                    signature: signature.into(),
                }
            })?;
            let view = InnerInstruction {
                program_id: &program_id,
                accounts: &accounts,
                data: &data,
            };
            let Some(payload) = event_payload(&program_id, &view) else {
                continue; // a CPI into our program that is not an event
            };
            // Unknown to this version, or not decodable by it: kept raw, named `unknown`.
            let (name, fields) = match schema().event(&program_id, payload) {
                Ok(decoded) => (decoded.name, decoded.value),
                Err(_) => (UNKNOWN_EVENT, Value::Null),
            };
            events.push(DecodedEvent {
                signature: signature.into(),
                slot: tx.slot,
                instruction_index: u32::from(set.index),
                inner_index: u32::try_from(position).unwrap_or(u32::MAX),
                program_id,
                name,
                payload: fields,
                data: payload.to_vec(),
            });
        }
    }
    Ok(events)
}

/// The transaction's account keys: static ones, then those loaded from lookup tables (writable,
/// then read-only), the order instruction indices refer to.
fn account_keys(
    signature: &str,
    tx: &EncodedConfirmedTransactionWithStatusMeta,
) -> Result<Vec<Pubkey>, DecodeError> {
    let decoded = tx
        .transaction
        .transaction
        .decode()
        .ok_or_else(|| DecodeError::NotBinary(signature.into()))?;
    let mut keys = decoded.message.static_account_keys().to_vec();
    if let Some(meta) = &tx.transaction.meta
        && let OptionSerializer::Some(loaded) = &meta.loaded_addresses
    {
        for value in loaded.writable.iter().chain(&loaded.readonly) {
            let key = value.parse().map_err(|_| DecodeError::MalformedAddress {
                signature: signature.into(),
                what: "a loaded address",
                value: value.clone(),
            })?;
            keys.push(key);
        }
    }
    Ok(keys)
}
