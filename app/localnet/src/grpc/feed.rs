//! The Geyser feed: surfpool's in-process Geyser events (what a validator hands its Geyser
//! plugins) turned into Yellowstone's protobuf messages once, then shared with every subscriber.
//!
//! surfpool's Geyser channel is bounded and its sender blocks, so this thread drains it for the
//! network's whole life, converting only while someone listens.

use std::collections::HashSet;
use std::sync::Arc;

use crossbeam_channel::Receiver;
use solana_pubkey::Pubkey;
use surfpool_core::surfnet::{GeyserEvent, GeyserSlotStatus};
use tokio::sync::broadcast;
use yellowstone_grpc_proto::geyser::{SlotStatus, SubscribeUpdateAccountInfo};
use yellowstone_grpc_proto::prelude::SubscribeUpdateTransactionInfo;

use super::convert;

/// Updates buffered per subscriber before a slow one starts missing them (it is then told so
/// and disconnected, as Yellowstone does).
pub(crate) const CAPACITY: usize = 16_384;

/// One chain update, converted once.
#[derive(Debug)]
pub(crate) enum Update {
    Account {
        slot: u64,
        pubkey: Pubkey,
        owner: Pubkey,
        info: SubscribeUpdateAccountInfo,
    },
    Transaction {
        slot: u64,
        failed: bool,
        /// Every account the transaction names: static keys and those loaded from tables.
        accounts: HashSet<Pubkey>,
        /// Boxed: far larger than the other variants.
        info: Box<SubscribeUpdateTransactionInfo>,
    },
    Slot {
        slot: u64,
        parent: Option<u64>,
        status: SlotStatus,
    },
}

impl Update {
    /// The slot the update belongs to.
    pub(crate) fn slot(&self) -> u64 {
        match self {
            Self::Account { slot, .. }
            | Self::Transaction { slot, .. }
            | Self::Slot { slot, .. } => *slot,
        }
    }
}

/// Starts the thread that drains `events` into `updates`.
pub(crate) fn start(
    events: Receiver<GeyserEvent>,
    updates: broadcast::Sender<Arc<Update>>,
) -> std::io::Result<std::thread::JoinHandle<()>> {
    std::thread::Builder::new()
        .name("geyser-feed".into())
        .spawn(move || {
            for event in events.iter() {
                // Nobody subscribed: nothing to convert.
                if updates.receiver_count() == 0 {
                    continue;
                }
                if let Some(update) = convert_event(event) {
                    let _ = updates.send(Arc::new(update));
                }
            }
        })
}

fn convert_event(event: GeyserEvent) -> Option<Update> {
    match event {
        GeyserEvent::UpdateAccount(update) => {
            let info = SubscribeUpdateAccountInfo {
                pubkey: update.pubkey.to_bytes().to_vec(),
                lamports: update.account.lamports,
                owner: update.account.owner.to_bytes().to_vec(),
                executable: update.account.executable,
                rent_epoch: update.account.rent_epoch,
                data: update.account.data,
                write_version: update.write_version,
                txn_signature: update
                    .sanitized_transaction
                    .as_ref()
                    .map(|tx| tx.signature().as_ref().to_vec()),
            };
            Some(Update::Account {
                slot: update.slot,
                pubkey: update.pubkey,
                owner: update.account.owner,
                info,
            })
        }
        GeyserEvent::NotifyTransaction(with_meta, _) => {
            let failed = with_meta.meta.status.is_err();
            let (info, accounts) = convert::transaction(&with_meta);
            Some(Update::Transaction {
                slot: with_meta.slot,
                failed,
                accounts,
                info: Box::new(info),
            })
        }
        GeyserEvent::UpdateSlotStatus {
            slot,
            parent,
            status,
        } => Some(Update::Slot {
            slot,
            parent,
            status: match status {
                GeyserSlotStatus::Processed => SlotStatus::SlotProcessed,
                GeyserSlotStatus::Confirmed => SlotStatus::SlotConfirmed,
                GeyserSlotStatus::Rooted => SlotStatus::SlotFinalized,
            },
        }),
        // Startup accounts (the programs and sysvars as loaded), block metadata and entries are
        // not served: Yellowstone's `blocks`, `blocks_meta` and `entry` streams are refused.
        GeyserEvent::StartupAccountUpdate(_)
        | GeyserEvent::EndOfStartup
        | GeyserEvent::NotifyBlockMetadata(_)
        | GeyserEvent::NotifyEntry(_) => None,
    }
}
