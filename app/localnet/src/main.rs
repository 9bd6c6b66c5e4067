//! `localnet`: runs the local network until Ctrl-C (or SIGTERM), printing its URLs and what the
//! bootstrap created, and writing the deployment manifest other tools read; `localnet price`
//! sets the price its keeper publishes, or lets it go stale.
//!
//! ```text
//! cargo run -p io-localnet --bin localnet                   # RPC on 8899, websocket on 8900
//! cargo run -p io-localnet --bin localnet -- --rpc-port 9899 --ws-port 9900
//! cargo run -p io-localnet --bin localnet -- price set 3.10 --conf 0.02
//! cargo run -p io-localnet --bin localnet -- price stale
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use io_client::manifest::Manifest;
use io_localnet::{Localnet, LocalnetConfig, PriceSetting, Profile};
use solana_signer::Signer;

/// Where the manifest goes unless `--manifest` or `IO_MANIFEST` says otherwise.
const DEFAULT_MANIFEST: &str = ".localnet/manifest.json";

#[derive(Parser, Debug)]
#[command(about = "Run the IO protocol's local network (surfpool with every program) until Ctrl-C")]
struct Args {
    /// The deployment manifest: written at start (with the roles' keypairs in `keys/` beside
    /// it), read by `price`.
    #[arg(long, env = "IO_MANIFEST", default_value = DEFAULT_MANIFEST, global = true)]
    manifest: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
    /// JSON-RPC port on 127.0.0.1.
    #[arg(long, env = "IO_RPC_PORT", default_value_t = LocalnetConfig::fixed().rpc_port)]
    rpc_port: u16,
    /// Websocket port on 127.0.0.1.
    #[arg(long, env = "IO_WS_PORT", default_value_t = LocalnetConfig::fixed().ws_port)]
    ws_port: u16,
    /// Yellowstone gRPC (Geyser protocol) port on 127.0.0.1.
    #[arg(long, env = "IO_GRPC_PORT", default_value_t = 10_000)]
    grpc_port: u16,
    /// Milliseconds per slot.
    #[arg(long, default_value_t = LocalnetConfig::fixed().slot_time_ms)]
    slot_time_ms: u64,
    /// The parameters the configs start with: `local` (short votes, hold-ups and cooldowns)
    /// or `production`.
    #[arg(long, default_value = "local", value_parser = ["local", "production"])]
    profile: String,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Change the IO/USD price a running local network publishes (through its manifest).
    Price {
        #[command(subcommand)]
        action: PriceAction,
    },
}

#[derive(Subcommand, Debug)]
enum PriceAction {
    /// Publish this price from the next block on, e.g. `price set 3.10 --conf 0.02`.
    Set {
        /// USD per IO, with at most 8 decimals.
        usd: String,
        /// The confidence interval (±), in USD.
        #[arg(long, default_value = "0.01")]
        conf: String,
    },
    /// Stop republishing: the account keeps its last price, which goes stale.
    Stale,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match args.command {
        Some(Command::Price { action }) => set_price(&args.manifest, action),
        None => run(args),
    }
}

/// `localnet price …`: writes the keeper's control file the manifest names.
fn set_price(manifest: &std::path::Path, action: PriceAction) -> ExitCode {
    let outcome = (|| -> Result<String, Box<dyn std::error::Error>> {
        // A bad price is named before anything is read.
        let requested = match &action {
            PriceAction::Set { usd, conf } => Some(PriceSetting::parse(usd, conf)?),
            PriceAction::Stale => None,
        };
        let loaded = Manifest::load(manifest)?;
        let control = loaded
            .price_control()
            .ok_or("the manifest names no price control file (not a local network)")?;
        let setting = match requested {
            Some(setting) => setting,
            None => PriceSetting::read_control(&control)?.stale(),
        };
        setting.write_control(&control)?;
        Ok(if setting.publishing {
            format!(
                "localnet: IO/USD {} ± {} from the next block",
                usd(setting.usd_e8),
                usd(i64::try_from(setting.conf_e8).unwrap_or(i64::MAX))
            )
        } else {
            "localnet: the price is no longer republished and will go stale".to_string()
        })
    })();
    match outcome {
        Ok(line) => {
            println!("{line}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("localnet: {error}");
            ExitCode::FAILURE
        }
    }
}

fn usd(e8: i64) -> String {
    format!("${}.{:08}", e8 / 100_000_000, e8 % 100_000_000)
}

fn run(args: Args) -> ExitCode {
    let config = LocalnetConfig {
        rpc_port: args.rpc_port,
        ws_port: args.ws_port,
        slot_time_ms: args.slot_time_ms,
        grpc_port: Some(args.grpc_port),
        manifest: Some(args.manifest),
        profile: if args.profile == "production" {
            Profile::Production
        } else {
            Profile::Local
        },
    };
    let localnet = match Localnet::start(config) {
        Ok(localnet) => localnet,
        Err(error) => {
            eprintln!("localnet: {error}");
            return ExitCode::FAILURE;
        }
    };
    let deployment = &localnet.deployment;
    println!("localnet: RPC       {}", localnet.rpc_url);
    println!("localnet: websocket {}", localnet.ws_url);
    if let Some(url) = &localnet.grpc_url {
        println!("localnet: gRPC      {url} (Yellowstone Geyser)");
    }
    println!("localnet: IO mint   {}", deployment.io_mint);
    println!("localnet: IOSD mint {}", deployment.iosd_mint);
    println!(
        "localnet: authority {} (the governance PDA; {} profile)",
        deployment.authority,
        deployment.profile.name()
    );
    println!("localnet: council   {}", deployment.council.key.pubkey());
    let price = localnet.price.setting();
    println!(
        "localnet: IO/USD    {} ({} ± {}, republished every {} s)",
        localnet.price.address(),
        usd(price.usd_e8),
        usd(i64::try_from(price.conf_e8).unwrap_or(i64::MAX)),
        io_localnet::price_keeper::REPUBLISH_SECS
    );
    for (program, signature) in &deployment.config_signatures {
        println!("localnet: {program:<10} config initialised in {signature}");
    }
    if let Some(path) = &localnet.manifest {
        println!("localnet: manifest  {}", path.display());
    }
    println!("localnet: running; Ctrl-C stops it");

    if let Err(error) = wait_for_stop_signal() {
        eprintln!("localnet: {error}");
    }
    match localnet.stop() {
        Ok(()) => {
            println!("localnet: stopped");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("localnet: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Blocks until Ctrl-C or SIGTERM.
pub fn wait_for_stop_signal() -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async {
        let mut terminate =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
        tokio::select! {
            result = tokio::signal::ctrl_c() => result,
            _ = terminate.recv() => Ok(()),
        }
    })
}
