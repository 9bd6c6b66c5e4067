//! Yellowstone gRPC on the local network: the Geyser protocol (`geyser.Geyser`, the protocol of
//! Yellowstone's Dragon's Mouth plugin that production Solana indexers stream from), served
//! from surfpool's own Geyser events, so that an indexer's gRPC source is tested against the
//! local chain itself.
//!
//! Served: `Subscribe` with account filters (addresses, owners, memcmp, data size, token
//! account state, lamports, transaction signature presence), transaction and
//! transaction-status filters (vote, failed, signature, include, exclude, required), slot
//! updates, commitment, data slices and ping; and the unary calls. Refused by name: blocks,
//! block metadata, entries, block footers, replay from a slot, deshred and gossip streams.

mod convert;
pub(crate) mod feed;
mod filter;
mod service;

use std::net::TcpListener;
use std::sync::Arc;
use std::thread::JoinHandle;

use std::time::Duration;

use tokio::sync::{broadcast, watch};
use yellowstone_grpc_proto::geyser::geyser_server::GeyserServer;
use yellowstone_grpc_proto::tonic;

use crate::LocalnetError;

/// How long open subscriptions get to end before the server drops them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// A running gRPC server; stopped by [`GrpcServer::stop`] or when dropped.
pub(crate) struct GrpcServer {
    closing: Option<watch::Sender<bool>>,
    thread: Option<JoinHandle<()>>,
}

impl GrpcServer {
    /// Serves on `listener` (bound by the caller before anything started, so a port in use is
    /// refused first), answering unary calls from `rpc_url` and streaming `updates`.
    pub(crate) fn start(
        listener: TcpListener,
        rpc_url: &str,
        updates: broadcast::Sender<Arc<feed::Update>>,
    ) -> Result<Self, LocalnetError> {
        let failed = |error: std::io::Error| LocalnetError::Startup(format!("gRPC: {error}"));
        listener.set_nonblocking(true).map_err(failed)?;
        let rpc = Arc::new(
            solana_rpc_client::nonblocking::rpc_client::RpcClient::new_with_commitment(
                rpc_url.to_string(),
                solana_commitment_config::CommitmentConfig::confirmed(),
            ),
        );
        // Closing tells the server to stop accepting and every subscription to end its stream,
        // so a client holding a stream open cannot hold the shutdown.
        let (closing, closed) = watch::channel(false);
        let thread = std::thread::Builder::new()
            .name("grpc".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(1)
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(error) => {
                        eprintln!("localnet: gRPC: {error}");
                        return;
                    }
                };
                runtime.block_on(async move {
                    let listener = match tokio::net::TcpListener::from_std(listener) {
                        Ok(listener) => listener,
                        Err(error) => {
                            eprintln!("localnet: gRPC: {error}");
                            return;
                        }
                    };
                    let service = service::Service {
                        updates,
                        rpc,
                        closing: closed.clone(),
                    };
                    let mut stop = closed.clone();
                    let serve = tonic::transport::Server::builder()
                        .add_service(GeyserServer::new(service))
                        .serve_with_incoming_shutdown(
                            tokio_stream::wrappers::TcpListenerStream::new(listener),
                            async move {
                                let _ = stop.wait_for(|closing| *closing).await;
                            },
                        );
                    let mut grace = closed;
                    tokio::select! {
                        served = serve => {
                            if let Err(error) = served {
                                eprintln!("localnet: gRPC: {error}");
                            }
                        }
                        _ = async move {
                            let _ = grace.wait_for(|closing| *closing).await;
                            tokio::time::sleep(SHUTDOWN_GRACE).await;
                        } => {}
                    }
                });
                // Open subscriptions end with the runtime.
                runtime.shutdown_background();
            })
            .map_err(failed)?;
        Ok(Self {
            closing: Some(closing),
            thread: Some(thread),
        })
    }

    /// Stops serving and waits until the port is released.
    pub(crate) fn stop(&mut self) {
        if let Some(closing) = self.closing.take() {
            let _ = closing.send(true);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for GrpcServer {
    fn drop(&mut self) {
        self.stop();
    }
}
