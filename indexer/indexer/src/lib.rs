//! The IO indexer: reads the programs' accounts and transactions over RPC, decodes them and
//! writes them to Postgres: events with the cursor, one database transaction per program and
//! pass, and accounts into a table per account type.
//!
//! So far a snapshot of the accounts ([`snapshot_once`]) and backfill passes of the events: one
//! ([`index_once`]), or one every few seconds until shut down ([`poll_until`], what the
//! `io-indexer` binary and the demo run); live subscriptions, fork handling and the reconciler
//! come with the indexer issue.

use std::future::Future;
use std::time::Duration;

use anchor_lang::prelude::Pubkey;
use io_decoder::{DecodeError, decode_transaction, schema};
use io_source::{RpcSource, SourceError};
use io_store::{AccountState, Cursor, Store, StoreError};

pub mod deployment;

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

/// What one snapshot did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SnapshotSummary {
    /// Accounts the programs own, as listed.
    pub accounts: usize,
    /// Rows written (new, or newer than the row held).
    pub written: u64,
    /// Rows marked closed: mirrored accounts the snapshot no longer lists.
    pub closed: u64,
    /// Accounts this version cannot decode (an unknown type, or bytes that are not their type),
    /// left out of the tables and named in the log.
    pub undecodable: usize,
}

/// Reads every account of `programs` (one `getProgramAccounts` each, at the slot of its
/// response) into the account tables, and marks closed the mirrored accounts it no longer
/// lists. Rows only move forward in `(slot, revision)`, so a snapshot older than what the mirror
/// holds changes nothing.
pub async fn snapshot_once(
    source: &RpcSource,
    store: &Store,
    programs: &[Pubkey],
) -> Result<SnapshotSummary, IndexError> {
    let mut summary = SnapshotSummary::default();
    for program_id in programs {
        let listed = source.program_accounts(program_id).await?;
        let mut states = Vec::with_capacity(listed.accounts.len());
        for (address, data) in &listed.accounts {
            match schema().account(program_id, data) {
                Ok(decoded) => states.push(AccountState {
                    address: *address,
                    slot: listed.slot,
                    decoded,
                }),
                Err(error) => {
                    eprintln!("io-indexer: account {address} not mirrored: {error}");
                    summary.undecodable += 1;
                }
            }
        }
        summary.accounts += listed.accounts.len();
        summary.written += store.upsert_accounts(program_id, &states).await?;
        let present: Vec<Pubkey> = listed
            .accounts
            .iter()
            .map(|(address, _)| *address)
            .collect();
        summary.closed += store
            .close_missing(program_id, &present, listed.slot)
            .await?;
    }
    Ok(summary)
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

/// Runs a pass now and then one every `interval` until `shutdown` completes, handing each
/// pass's summary to `on_pass`. A pass that fails ends the loop with its error; a shutdown
/// during a pass waits for that pass, whose writes are whole database transactions anyway.
pub async fn poll_until(
    source: &RpcSource,
    store: &Store,
    programs: &[Pubkey],
    interval: Duration,
    shutdown: impl Future<Output = ()>,
    mut on_pass: impl FnMut(&PassSummary),
) -> Result<(), IndexError> {
    tokio::pin!(shutdown);
    loop {
        let summary = index_once(source, store, programs).await?;
        on_pass(&summary);
        tokio::select! {
            _ = &mut shutdown => return Ok(()),
            _ = tokio::time::sleep(interval) => {}
        }
    }
}
