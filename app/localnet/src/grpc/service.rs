//! The Yellowstone `Geyser` service: `Subscribe` streams the feed's updates through each
//! subscription's filters at its commitment; the unary calls answer from the local network's RPC.
//!
//! Commitment works as in Yellowstone: account and transaction updates are sent when processed,
//! or held until their slot is confirmed (finalized) for a subscription at that level. A request
//! carrying `ping` is answered with a pong once its filters are in place, so a client knows from
//! the pong that nothing it sends afterwards can be missed. A subscriber too slow to keep up is
//! told how far it fell behind and disconnected, never silently skipped.

use std::collections::BTreeMap;
use std::pin::Pin;
use std::str::FromStr as _;
use std::sync::Arc;
use std::time::Duration;

use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::nonblocking::rpc_client::RpcClient;
use tokio::sync::{broadcast, mpsc, watch};
use tokio_stream::Stream;
use tokio_stream::wrappers::ReceiverStream;
use yellowstone_grpc_proto::geyser::geyser_server::Geyser;
use yellowstone_grpc_proto::geyser::subscribe_update::UpdateOneof;
use yellowstone_grpc_proto::geyser::{
    CommitmentLevel, GetBlockHeightRequest, GetBlockHeightResponse, GetLatestBlockhashRequest,
    GetLatestBlockhashResponse, GetSlotRequest, GetSlotResponse, GetVersionRequest,
    GetVersionResponse, IsBlockhashValidRequest, IsBlockhashValidResponse, PingRequest,
    PongResponse, SubscribeDeshredRequest, SubscribeGossipRequest, SubscribeReplayInfoRequest,
    SubscribeReplayInfoResponse, SubscribeRequest, SubscribeUpdate, SubscribeUpdateDeshred,
    SubscribeUpdateGossip, SubscribeUpdatePing, SubscribeUpdatePong,
};
use yellowstone_grpc_proto::tonic::{self, Request, Response, Status, Streaming};

use super::feed::Update;
use super::filter::{Filters, slot_level};

/// Seconds between the server's keep-alive pings on a subscription (Yellowstone's interval).
const KEEPALIVE: Duration = Duration::from_secs(15);
/// Updates queued for one subscriber's connection.
const OUTBOX: usize = 1_024;

type Outgoing<T> = Pin<Box<dyn Stream<Item = Result<T, Status>> + Send>>;

/// The service: the feed to subscribe to, and the RPC the unary calls read.
pub(crate) struct Service {
    pub(crate) updates: broadcast::Sender<Arc<Update>>,
    pub(crate) rpc: Arc<RpcClient>,
    /// Becomes true when the server stops: every subscription ends its stream.
    pub(crate) closing: watch::Receiver<bool>,
}

impl Service {
    /// The local network's slot at `commitment`.
    async fn slot(&self, commitment: CommitmentConfig) -> Result<u64, Status> {
        self.rpc
            .get_slot_with_commitment(commitment)
            .await
            .map_err(rpc_failed)
    }
}

#[tonic::async_trait]
impl Geyser for Service {
    type SubscribeStream = Outgoing<SubscribeUpdate>;
    type SubscribeDeshredStream = Outgoing<SubscribeUpdateDeshred>;
    type SubscribeGossipStream = Outgoing<SubscribeUpdateGossip>;

    async fn subscribe(
        &self,
        request: Request<Streaming<SubscribeRequest>>,
    ) -> Result<Response<Self::SubscribeStream>, Status> {
        // Subscribed to the feed before the first request is read, so nothing between the
        // client's request and its filters taking effect is lost.
        let updates = self.updates.subscribe();
        let (outbox, stream) = mpsc::channel(OUTBOX);
        tokio::spawn(subscription(
            request.into_inner(),
            updates,
            outbox,
            self.closing.clone(),
        ));
        Ok(Response::new(Box::pin(ReceiverStream::new(stream))))
    }

    async fn subscribe_deshred(
        &self,
        _request: Request<Streaming<SubscribeDeshredRequest>>,
    ) -> Result<Response<Self::SubscribeDeshredStream>, Status> {
        Err(Status::unimplemented(
            "SubscribeDeshred is not served by the local network (it has no shreds)",
        ))
    }

    async fn subscribe_gossip(
        &self,
        _request: Request<SubscribeGossipRequest>,
    ) -> Result<Response<Self::SubscribeGossipStream>, Status> {
        Err(Status::unimplemented(
            "SubscribeGossip is not served by the local network (it has no gossip)",
        ))
    }

    async fn subscribe_replay_info(
        &self,
        _request: Request<SubscribeReplayInfoRequest>,
    ) -> Result<Response<SubscribeReplayInfoResponse>, Status> {
        // Nothing can be replayed: `from_slot` is refused.
        Ok(Response::new(SubscribeReplayInfoResponse {
            first_available: None,
        }))
    }

    async fn ping(&self, request: Request<PingRequest>) -> Result<Response<PongResponse>, Status> {
        Ok(Response::new(PongResponse {
            count: request.into_inner().count,
        }))
    }

    async fn get_latest_blockhash(
        &self,
        request: Request<GetLatestBlockhashRequest>,
    ) -> Result<Response<GetLatestBlockhashResponse>, Status> {
        let commitment = commitment(request.into_inner().commitment)?;
        let (blockhash, last_valid_block_height) = self
            .rpc
            .get_latest_blockhash_with_commitment(commitment)
            .await
            .map_err(rpc_failed)?;
        let slot = self.slot(commitment).await?;
        Ok(Response::new(GetLatestBlockhashResponse {
            slot,
            blockhash: blockhash.to_string(),
            last_valid_block_height,
        }))
    }

    async fn get_block_height(
        &self,
        request: Request<GetBlockHeightRequest>,
    ) -> Result<Response<GetBlockHeightResponse>, Status> {
        let commitment = commitment(request.into_inner().commitment)?;
        let block_height = self
            .rpc
            .get_block_height_with_commitment(commitment)
            .await
            .map_err(rpc_failed)?;
        Ok(Response::new(GetBlockHeightResponse { block_height }))
    }

    async fn get_slot(
        &self,
        request: Request<GetSlotRequest>,
    ) -> Result<Response<GetSlotResponse>, Status> {
        let commitment = commitment(request.into_inner().commitment)?;
        let slot = self.slot(commitment).await?;
        Ok(Response::new(GetSlotResponse { slot }))
    }

    async fn is_blockhash_valid(
        &self,
        request: Request<IsBlockhashValidRequest>,
    ) -> Result<Response<IsBlockhashValidResponse>, Status> {
        let request = request.into_inner();
        let commitment = commitment(request.commitment)?;
        let blockhash = solana_hash::Hash::from_str(&request.blockhash).map_err(|_| {
            Status::invalid_argument(format!("`{}` is not a blockhash", request.blockhash))
        })?;
        let valid = self
            .rpc
            .is_blockhash_valid(&blockhash, commitment)
            .await
            .map_err(rpc_failed)?;
        let slot = self.slot(commitment).await?;
        Ok(Response::new(IsBlockhashValidResponse { slot, valid }))
    }

    async fn get_version(
        &self,
        _request: Request<GetVersionRequest>,
    ) -> Result<Response<GetVersionResponse>, Status> {
        let solana = self.rpc.get_version().await.map_err(rpc_failed)?;
        let version = serde_json::json!({
            "server": "io-localnet",
            "version": env!("CARGO_PKG_VERSION"),
            "solana": solana.solana_core,
        });
        Ok(Response::new(GetVersionResponse {
            version: version.to_string(),
        }))
    }
}

fn commitment(level: Option<i32>) -> Result<CommitmentConfig, Status> {
    match level.map(CommitmentLevel::try_from) {
        None | Some(Ok(CommitmentLevel::Processed)) => Ok(CommitmentConfig::processed()),
        Some(Ok(CommitmentLevel::Confirmed)) => Ok(CommitmentConfig::confirmed()),
        Some(Ok(CommitmentLevel::Finalized)) => Ok(CommitmentConfig::finalized()),
        Some(Err(_)) => Err(Status::invalid_argument(format!(
            "unknown commitment level {}",
            level.unwrap_or_default()
        ))),
    }
}

fn rpc_failed(error: impl std::fmt::Display) -> Status {
    Status::unavailable(format!("the local network's RPC: {error}"))
}

/// Whether `request` only pings (and so keeps the filters in place).
fn ping_only(request: &SubscribeRequest) -> bool {
    request.ping.is_some()
        && request.accounts.is_empty()
        && request.slots.is_empty()
        && request.transactions.is_empty()
        && request.transactions_status.is_empty()
        && request.blocks.is_empty()
        && request.blocks_meta.is_empty()
        && request.entry.is_empty()
        && request.block_footer.is_empty()
        && request.commitment.is_none()
        && request.accounts_data_slice.is_empty()
        && request.from_slot.is_none()
}

fn update(update: UpdateOneof) -> SubscribeUpdate {
    SubscribeUpdate {
        filters: Vec::new(),
        created_at: Some(std::time::SystemTime::now().into()),
        update_oneof: Some(update),
    }
}

/// One subscription's life: requests change its filters, the feed's updates go out through
/// them, until either side closes.
async fn subscription(
    mut requests: Streaming<SubscribeRequest>,
    mut updates: broadcast::Receiver<Arc<Update>>,
    outbox: mpsc::Sender<Result<SubscribeUpdate, Status>>,
    mut closing: watch::Receiver<bool>,
) {
    let mut filters: Option<Filters> = None;
    // Account and transaction updates waiting for their slot to reach the commitment.
    let mut held: BTreeMap<u64, Vec<Arc<Update>>> = BTreeMap::new();
    let mut keepalive =
        tokio::time::interval_at(tokio::time::Instant::now() + KEEPALIVE, KEEPALIVE);
    loop {
        if *closing.borrow() {
            return;
        }
        let outgoing: Vec<Result<SubscribeUpdate, Status>> = tokio::select! {
            biased;
            // The value only ever turns true: any change is the server closing.
            _ = closing.changed() => return,
            request = requests.message() => match request {
                Ok(Some(request)) => {
                    let mut out = Vec::new();
                    if !ping_only(&request) {
                        match Filters::new(&request) {
                            Ok(new) => {
                                filters = Some(new);
                                held.clear();
                            }
                            Err(error) => {
                                let _ = outbox
                                    .send(Err(Status::invalid_argument(error.to_string())))
                                    .await;
                                return;
                            }
                        }
                    }
                    if let Some(ping) = request.ping {
                        out.push(Ok(update(UpdateOneof::Pong(SubscribeUpdatePong {
                            id: ping.id,
                        }))));
                    }
                    out
                }
                // The client closed its side, or the connection broke.
                Ok(None) | Err(_) => return,
            },
            received = updates.recv() => match received {
                Ok(next) => match &filters {
                    Some(filters) => deliver(filters, &mut held, next),
                    None => Vec::new(),
                },
                Err(broadcast::error::RecvError::Lagged(missed)) => vec![Err(Status::data_loss(
                    format!("the subscriber fell {missed} updates behind and was disconnected"),
                ))],
                Err(broadcast::error::RecvError::Closed) => return,
            },
            _ = keepalive.tick() => vec![Ok(update(UpdateOneof::Ping(SubscribeUpdatePing {})))],
        };
        for message in outgoing {
            let last = message.is_err();
            if outbox.send(message).await.is_err() || last {
                return;
            }
        }
    }
}

/// What one feed update sends now at the subscription's commitment (and what it releases).
fn deliver(
    filters: &Filters,
    held: &mut BTreeMap<u64, Vec<Arc<Update>>>,
    next: Arc<Update>,
) -> Vec<Result<SubscribeUpdate, Status>> {
    let held_back = filters.commitment != CommitmentLevel::Processed;
    if held_back && !matches!(&*next, Update::Slot { .. }) {
        held.entry(next.slot()).or_default().push(next);
        return Vec::new();
    }
    let mut out: Vec<Result<SubscribeUpdate, Status>> =
        filters.apply(&next).into_iter().map(Ok).collect();
    if let Update::Slot { slot, status, .. } = &*next {
        // A slot reaching the commitment releases what was held for it and before it.
        if held_back && slot_level(*status).is_some_and(|level| level >= filters.commitment) {
            let later = held.split_off(&slot.saturating_add(1));
            for update in std::mem::replace(held, later).into_values().flatten() {
                out.extend(filters.apply(&update).into_iter().map(Ok));
            }
        }
    }
    out
}
