//! `io-demo`: brings up the local network (every program in surfpool, bootstrapped over RPC),
//! mirrors the programs' events into Postgres with the indexer, and prints what happened.
//! Run it through `scripts/demo.sh`, which also provides Postgres.
//!
//! After the bootstrap it drives a small marketplace over RPC ([`io_demo::marketplace`]): a
//! provider's staked device leased and settled, an inference session settled from a thousand
//! signed receipts; then every event travels transaction → RPC → indexer → row.

use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use io_localnet::{Localnet, LocalnetConfig};
use io_source::RpcSource;
use io_store::Store;
use solana_commitment_config::CommitmentConfig;

#[derive(Parser, Debug)]
#[command(about = "Run the IO protocol's local demo end to end")]
struct Args {
    /// Postgres to mirror into.
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    /// JSON-RPC port of the local network.
    #[arg(long, env = "IO_RPC_PORT", default_value_t = LocalnetConfig::fixed().rpc_port)]
    rpc_port: u16,
    /// Websocket port of the local network.
    #[arg(long, env = "IO_WS_PORT", default_value_t = LocalnetConfig::fixed().ws_port)]
    ws_port: u16,
    /// Keep the network and the indexer running until Ctrl-C.
    #[arg(long)]
    keep_running: bool,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let config = LocalnetConfig {
        rpc_port: args.rpc_port,
        ws_port: args.ws_port,
        // The demo reads the chain over RPC only.
        grpc_port: None,
        ..LocalnetConfig::fixed()
    };
    println!("demo: starting the local network (surfpool with every program)");
    let localnet = Localnet::start(config).context("demo")?;
    println!(
        "demo: RPC {}  websocket {}",
        localnet.rpc_url, localnet.ws_url
    );
    println!(
        "demo: IO mint {}  IOSD mint {}",
        localnet.deployment.io_mint, localnet.deployment.iosd_mint
    );
    println!(
        "demo: authority {} (the governance PDA)",
        localnet.deployment.authority
    );
    for (program, signature) in &localnet.deployment.config_signatures {
        println!("demo: sent {program} config_init: {signature}");
    }
    let report = match io_demo::marketplace::run(&localnet) {
        Ok(report) => report,
        Err(error) => {
            let _ = localnet.stop();
            return Err(error);
        }
    };
    println!(
        "demo: the marketplace sent {} transactions",
        report.transactions
    );

    let runtime = tokio::runtime::Runtime::new()?;
    let outcome = runtime.block_on(mirror(&args, &localnet.rpc_url));
    localnet
        .stop()
        .context("demo: stopping the local network")?;
    outcome?;
    println!("demo: done");
    Ok(())
}

async fn mirror(args: &Args, rpc_url: &str) -> anyhow::Result<()> {
    let store = Store::connect(&args.database_url).await.context("demo")?;
    store.migrate().await.context("demo")?;
    // The local network starts from genesis on every run; so does its mirror.
    store.clear_mirror().await.context("demo")?;
    let source = RpcSource::new(rpc_url.to_string(), CommitmentConfig::confirmed());
    let summary = io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .context("demo: indexing")?;
    println!(
        "demo: indexer read {} transactions, stored {} new events",
        summary.transactions, summary.new_events
    );
    println!("demo: events in program_event, by program and name:");
    let mut counts: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for row in store.events().await? {
        *counts
            .entry((program_name(&row.program_id), row.event_name.clone()))
            .or_default() += 1;
    }
    for ((program, event), count) in counts {
        println!("  {program:<10} {event:<26} {count:>3}");
    }
    let snapshot = io_indexer::snapshot_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .context("demo: account snapshot")?;
    println!(
        "demo: indexer mirrored {} accounts ({} not decodable); rows per account table:",
        snapshot.accounts, snapshot.undecodable
    );
    for (table, rows) in store.account_counts().await? {
        if rows > 0 {
            println!("  {table:<37} {rows:>3}");
        }
    }
    if args.keep_running {
        println!("demo: running; the indexer polls every 2 s; Ctrl-C stops");
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        io_indexer::poll_until(
            &source,
            &store,
            &io_decoder::PROGRAMS,
            Duration::from_secs(2),
            shutdown,
            |summary| {
                if summary.new_events > 0 {
                    println!("demo: stored {} new events", summary.new_events);
                }
            },
        )
        .await?;
    }
    Ok(())
}

/// A program's name from its id, for the summary.
fn program_name(id: &str) -> String {
    io_client::native::ALL
        .iter()
        .find(|spec| spec.id.to_string() == id)
        .map_or_else(|| id.to_string(), |spec| spec.name.to_string())
}
