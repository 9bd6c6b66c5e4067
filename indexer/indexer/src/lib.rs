//! The IO indexer: reads the programs' transactions over RPC, decodes their events and writes
//! them to Postgres with the cursor, one database transaction per program and pass.
//!
//! So far one backfill pass ([`index_once`]); live subscriptions, fork handling and the
//! reconciler come with the indexer issue.

use anchor_lang::prelude::Pubkey;
use io_decoder::{DecodeError, decode_transaction};
use io_source::{RpcSource, SourceError};
use io_store::{Cursor, Store, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    #[error(transparent)]
    Source(#[from] SourceError),
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// What one pass did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PassSummary {
    /// Transactions read.
    pub transactions: usize,
    /// Event rows that were new.
    pub new_events: u64,
}

/// Transactions read before their events and cursor are written together.
pub const BATCH_TRANSACTIONS: usize = 256;

/// Reads every transaction of `programs` newer than its cursor and stores their events.
pub async fn index_once(
    source: &RpcSource,
    store: &Store,
    programs: &[Pubkey],
) -> Result<PassSummary, IndexError> {
    let mut summary = PassSummary::default();
    for program_id in programs {
        let cursor = store.cursor(program_id).await?;
        let entries = source
            .signatures_since(
                program_id,
                cursor.as_ref().map(|c| c.last_signature.as_str()),
            )
            .await?;
        // Oldest first, a bounded batch at a time, each written with the cursor of its newest
        // transaction: a crash in the middle of a backlog resumes after the last batch written.
        for batch in entries.chunks(BATCH_TRANSACTIONS) {
            let Some(newest) = batch.last() else {
                continue;
            };
            let mut events = Vec::new();
            for entry in batch.iter().filter(|entry| !entry.failed) {
                let tx = source.transaction(&entry.signature).await?;
                events.extend(decode_transaction(&entry.signature, &tx)?);
            }
            let cursor = Cursor {
                program_id: *program_id,
                last_signature: newest.signature.clone(),
                last_slot: newest.slot,
            };
            summary.transactions += batch.len();
            summary.new_events += store.apply(&events, Some(&cursor)).await?;
        }
    }
    Ok(summary)
}
