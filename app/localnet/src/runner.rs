//! Starting and stopping surfpool in-process.
//!
//! surfpool's runloop blocks its thread, so it runs on a thread of its own with a multi-thread
//! tokio runtime (its SVM lock uses `block_in_place`). Its event channel is bounded and its
//! senders block, so a second thread drains it for as long as the network runs, forwarding the
//! chain's clock to the price keeper.

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::mpsc;
use std::thread::JoinHandle;
use std::time::Duration;

use crossbeam_channel::{Receiver, Sender};
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client::rpc_client::RpcClient;
use surfpool_core::runloops::start_local_surfnet_runloop;
use surfpool_core::surfnet::locker::SurfnetSvmLocker;
use surfpool_core::surfnet::svm::{SurfnetSvm, SurfnetSvmConfig};
use surfpool_types::{
    BlockProductionMode, RpcConfig, SimnetCommand, SimnetConfig, SimnetEvent, SurfpoolConfig,
};

use io_client::defaults::Profile;

use crate::bootstrap::{self, Deployment};
use crate::grpc::GrpcServer;
use crate::grpc::feed;
use crate::manifest::ManifestFiles;
use crate::price_keeper::{self, PriceKeeper, Tick};

/// Loopback address every server binds to.
const HOST: &str = "127.0.0.1";
/// Longest the network may take to come up before `start` gives up.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);
/// Longest the servers may take to release their ports on `stop`.
const SHUTDOWN_TIMEOUT: Duration = Duration::from_secs(20);

/// Where and how fast the local network runs.
#[derive(Clone, Debug)]
pub struct LocalnetConfig {
    /// JSON-RPC port on 127.0.0.1.
    pub rpc_port: u16,
    /// Websocket port on 127.0.0.1.
    pub ws_port: u16,
    /// Milliseconds per slot (a block is produced every slot).
    pub slot_time_ms: u64,
    /// Yellowstone gRPC port on 127.0.0.1; none serves no gRPC.
    pub grpc_port: Option<u16>,
    /// Where to write the deployment manifest (and its `keys/` beside it); none when unset.
    pub manifest: Option<PathBuf>,
    /// The parameters the configs start with.
    pub profile: Profile,
}

impl LocalnetConfig {
    /// The fixed ports of the local demo, Solana's usual 8899 and 8900, 400 ms slots.
    pub fn fixed() -> Self {
        Self {
            rpc_port: 8899,
            ws_port: 8900,
            slot_time_ms: 400,
            grpc_port: Some(10_000),
            manifest: None,
            profile: Profile::Local,
        }
    }

    /// Two free ports chosen by the OS and fast slots, for tests that run side by side.
    pub fn free_ports() -> Result<Self, LocalnetError> {
        let rpc_port = free_port()?;
        let ws_port = free_port()?;
        Ok(Self {
            rpc_port,
            ws_port,
            slot_time_ms: 50,
            grpc_port: None,
            manifest: None,
            profile: Profile::Local,
        })
    }
}

#[derive(Debug, thiserror::Error)]
pub enum LocalnetError {
    #[error(
        "port {port} on 127.0.0.1 is already in use; stop what holds it or choose another port"
    )]
    PortInUse { port: u16 },
    #[error("could not bind port {port} on 127.0.0.1: {reason}")]
    Bind { port: u16, reason: String },
    #[error("surfpool did not start: {0}")]
    Startup(String),
    #[error("bootstrapping the programs failed: {0}")]
    Bootstrap(String),
    #[error("cannot write the deployment manifest {path}: {reason}")]
    Manifest { path: PathBuf, reason: String },
    #[error("the price keeper did not start: {0}")]
    Price(String),
    #[error("the proposal \"{description}\" did not pass: {reason}")]
    Proposal { description: String, reason: String },
    #[error("surfpool did not shut down within {0:?}")]
    Shutdown(Duration),
}

/// A running local network. Dropping it stops it too; [`Localnet::stop`] reports failures.
pub struct Localnet {
    pub rpc_url: String,
    pub ws_url: String,
    /// Mints, keys and signatures of what the bootstrap created.
    pub deployment: Deployment,
    /// The deployment manifest, when the config named one.
    pub manifest: Option<PathBuf>,
    /// Yellowstone gRPC endpoint, when the config named a port.
    pub grpc_url: Option<String>,
    /// Keeps the IO/USD price fresh; stopped before the servers.
    pub price: PriceKeeper,
    grpc: Option<GrpcServer>,
    servers: Servers,
}

/// The running surfpool threads; stopped when dropped, so a failed start leaves nothing behind.
struct Servers {
    /// Whether the HTTP and websocket servers came up (and so must be seen going down).
    serving: bool,
    /// Keeps surfpool's plugin-loop channel open (its loop ends with an error when it closes).
    _plugin_feed: Sender<surfpool_core::surfnet::GeyserEvent>,
    commands: Sender<SimnetCommand>,
    shutdowns: mpsc::Receiver<()>,
    runloop: Option<JoinHandle<()>>,
}

impl Localnet {
    /// Starts surfpool with every program registered natively, waits until it serves, then
    /// creates the mints and initialises every config through its RPC.
    pub fn start(config: LocalnetConfig) -> Result<Self, LocalnetError> {
        for port in [config.rpc_port, config.ws_port] {
            ensure_free(port)?;
        }
        // The gRPC port is held from here on, so nothing can take it while the network starts.
        let grpc_listener = config.grpc_port.map(bind).transpose()?;
        let manifest = config
            .manifest
            .as_deref()
            .map(ManifestFiles::prepare)
            .transpose()?;
        let keys = bootstrap::Keys::new();
        let svm_config = SurfnetSvmConfig {
            slot_time: config.slot_time_ms,
            instruction_profiling_enabled: false,
            ..SurfnetSvmConfig::default()
        };
        let (mut svm, events, geyser) = SurfnetSvm::new(svm_config)
            .map_err(|error| LocalnetError::Startup(error.to_string()))?;
        for spec in io_client::native::ALL {
            native_svm::deploy(&mut svm.inner.svm, &spec, &spec.source_from_env())
                .map_err(|error| LocalnetError::Startup(error.to_string()))?;
        }

        let surfpool = SurfpoolConfig {
            simnets: vec![SimnetConfig {
                // No remote datasource: these machines reach no cluster, and a local network
                // must not depend on one.
                offline_mode: true,
                remote_rpc_url: None,
                slot_time: config.slot_time_ms,
                block_production_mode: BlockProductionMode::Clock,
                airdrop_addresses: keys.to_fund(),
                airdrop_token_amount: bootstrap::AIRDROP_LAMPORTS,
                instruction_profiling_enabled: false,
                ..SimnetConfig::default()
            }],
            rpc: RpcConfig {
                bind_host: HOST.to_string(),
                bind_port: config.rpc_port,
                ws_port: config.ws_port,
                ..RpcConfig::default()
            },
            ..SurfpoolConfig::default()
        };
        let (commands, commands_rx) = crossbeam_channel::unbounded();
        let (ready_tx, ready_rx) = mpsc::channel();
        let (shutdown_tx, shutdowns) = mpsc::channel();
        let ticks = crossbeam_channel::unbounded();
        drain_events(events, ready_tx.clone(), shutdown_tx, ticks.0.clone());
        // Geyser events feed the gRPC server; surfpool's own plugin loop (no plugins loaded)
        // gets a channel that stays open and empty.
        let (updates, _) = tokio::sync::broadcast::channel(feed::CAPACITY);
        feed::start(geyser, updates.clone())
            .map_err(|error| LocalnetError::Startup(error.to_string()))?;
        let (plugin_feed, plugin_events) = crossbeam_channel::unbounded();
        let runloop = {
            let commands = commands.clone();
            let locker = SurfnetSvmLocker::new(svm);
            std::thread::Builder::new()
                .name("surfpool".into())
                .spawn(move || {
                    run(
                        locker,
                        surfpool,
                        commands,
                        commands_rx,
                        plugin_events,
                        ready_tx,
                    )
                })
                .map_err(|error| LocalnetError::Startup(error.to_string()))?
        };

        let mut servers = Servers {
            serving: false,
            _plugin_feed: plugin_feed,
            commands,
            shutdowns,
            runloop: Some(runloop),
        };
        match ready_rx.recv_timeout(STARTUP_TIMEOUT) {
            Ok(Ok(())) => servers.serving = true,
            Ok(Err(reason)) => return Err(LocalnetError::Startup(reason)),
            Err(_) => {
                return Err(LocalnetError::Startup(format!(
                    "not ready within {STARTUP_TIMEOUT:?}"
                )));
            }
        }
        let rpc_url = format!("http://{HOST}:{}", config.rpc_port);
        let ws_url = format!("ws://{HOST}:{}", config.ws_port);
        let deployment = bootstrap::run(&rpc_client(&rpc_url), keys, config.profile)?;
        let price = PriceKeeper::start(
            &rpc_url,
            price_keeper::START_PRICE,
            manifest.as_ref().map(ManifestFiles::price_control),
            ticks,
        )
        .map_err(LocalnetError::Price)?;
        let grpc = grpc_listener
            .map(|listener| GrpcServer::start(listener, &rpc_url, updates))
            .transpose()?;
        let grpc_url = config.grpc_port.map(|port| format!("http://{HOST}:{port}"));
        if let Some(files) = &manifest {
            let endpoints = io_client::manifest::Endpoints {
                rpc: rpc_url.clone(),
                websocket: ws_url.clone(),
                grpc: grpc_url.clone(),
            };
            files.write(&deployment, endpoints, price.address())?;
        }
        Ok(Self {
            ws_url,
            rpc_url,
            deployment,
            manifest: manifest.map(|files| files.path),
            grpc_url,
            price,
            grpc,
            servers,
        })
    }

    /// An RPC client for this network at `confirmed` commitment.
    pub fn rpc_client(&self) -> RpcClient {
        rpc_client(&self.rpc_url)
    }

    /// Waits until the price keeper has published at the chain's current time or later: call it
    /// after moving the clock (a time travel, a [`crate::Council::pass`]) and before a priced
    /// transaction.
    pub fn wait_for_price(&self, timeout: Duration) -> Result<(), LocalnetError> {
        let (now, _) = crate::clock::now(&self.rpc_client()).map_err(LocalnetError::Price)?;
        if self.price.wait_published_since(now, timeout) {
            Ok(())
        } else {
            Err(LocalnetError::Price(format!(
                "no price published at the chain's time {now} within {timeout:?}"
            )))
        }
    }

    /// Stops the price keeper and the network, removes the manifest, and waits until both
    /// servers have released their ports.
    pub fn stop(mut self) -> Result<(), LocalnetError> {
        self.price.stop();
        if let Some(grpc) = &mut self.grpc {
            grpc.stop();
        }
        // The manifest describes a running network; the keys beside it stay for inspection.
        if let Some(path) = &self.manifest {
            let _ = std::fs::remove_file(path);
        }
        self.servers.shut_down()
    }
}

/// An RPC client for `url` at `confirmed` commitment.
pub(crate) fn rpc_client(url: &str) -> RpcClient {
    RpcClient::new_with_commitment(url.to_string(), CommitmentConfig::confirmed())
}

impl Servers {
    fn shut_down(&mut self) -> Result<(), LocalnetError> {
        let Some(runloop) = self.runloop.take() else {
            return Ok(());
        };
        let _ = self.commands.send(SimnetCommand::Terminate(None));
        // One `Shutdown` event per server (HTTP and websocket), once they are serving.
        let expected = if self.serving { 2 } else { 0 };
        for _ in 0..expected {
            self.shutdowns
                .recv_timeout(SHUTDOWN_TIMEOUT)
                .map_err(|_| LocalnetError::Shutdown(SHUTDOWN_TIMEOUT))?;
        }
        runloop
            .join()
            .map_err(|_| LocalnetError::Startup("the surfpool thread panicked".into()))
    }
}

impl Drop for Servers {
    fn drop(&mut self) {
        if let Err(error) = self.shut_down() {
            eprintln!("localnet: {error}");
        }
    }
}

/// The runloop's thread: a runtime of its own, and any early exit reported as a startup error.
fn run(
    locker: SurfnetSvmLocker,
    config: SurfpoolConfig,
    commands: Sender<SimnetCommand>,
    commands_rx: Receiver<SimnetCommand>,
    geyser: Receiver<surfpool_core::surfnet::GeyserEvent>,
    ready: mpsc::Sender<Result<(), String>>,
) {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            let _ = ready.send(Err(error.to_string()));
            return;
        }
    };
    let outcome = runtime.block_on(start_local_surfnet_runloop(
        locker,
        config,
        commands,
        commands_rx,
        geyser,
    ));
    if let Err(error) = outcome {
        let _ = ready.send(Err(error.to_string()));
    }
}

/// Drains surfpool's event channel for the network's lifetime, reporting readiness, aborts and
/// server shutdowns, and passing every clock update (each block, each time travel) on.
fn drain_events(
    events: Receiver<SimnetEvent>,
    ready: mpsc::Sender<Result<(), String>>,
    shutdowns: mpsc::Sender<()>,
    ticks: Sender<Tick>,
) {
    let spawned = std::thread::Builder::new()
        .name("surfpool-events".into())
        .spawn(move || {
            for event in events.iter() {
                match event {
                    SimnetEvent::Ready(_) => {
                        let _ = ready.send(Ok(()));
                    }
                    SimnetEvent::Aborted(reason) => {
                        let _ = ready.send(Err(reason));
                    }
                    SimnetEvent::Shutdown => {
                        let _ = shutdowns.send(());
                    }
                    SimnetEvent::ErrorLog(_, message) => eprintln!("surfpool: {message}"),
                    SimnetEvent::SystemClockUpdated(clock) => {
                        // Unbounded: the keeper skips to the latest, and never blocks surfpool.
                        let _ = ticks.send(Tick::Clock {
                            unix_timestamp: clock.unix_timestamp,
                            slot: clock.slot,
                        });
                    }
                    _ => {}
                }
            }
        });
    if let Err(error) = spawned {
        eprintln!("localnet: could not start the event thread: {error}");
    }
}

fn ensure_free(port: u16) -> Result<(), LocalnetError> {
    bind(port).map(drop)
}

/// Binds `port` on loopback, naming a port in use.
fn bind(port: u16) -> Result<TcpListener, LocalnetError> {
    TcpListener::bind((HOST, port)).map_err(|error| {
        if error.kind() == std::io::ErrorKind::AddrInUse {
            LocalnetError::PortInUse { port }
        } else {
            LocalnetError::Bind {
                port,
                reason: error.to_string(),
            }
        }
    })
}

fn free_port() -> Result<u16, LocalnetError> {
    let listener = TcpListener::bind((HOST, 0)).map_err(|error| LocalnetError::Bind {
        port: 0,
        reason: error.to_string(),
    })?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|error| LocalnetError::Bind {
            port: 0,
            reason: error.to_string(),
        })
}
