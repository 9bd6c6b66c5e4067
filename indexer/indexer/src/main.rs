//! `io-indexer`: mirrors the IO programs' accounts and events into Postgres: a snapshot of the
//! accounts at start, then the events, once or polled.
//!
//! ```text
//! io-indexer --rpc-url http://127.0.0.1:8899 --database-url postgres://io@127.0.0.1:54329/io --once
//! io-indexer --manifest .localnet/manifest.json --database-url postgres://...   # a deployment
//! ```

use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use io_source::RpcSource;
use io_store::Store;
use solana_commitment_config::CommitmentConfig;

#[derive(Parser, Debug)]
#[command(
    about = "Mirror the IO programs' accounts and events from a Solana RPC endpoint into Postgres"
)]
struct Args {
    /// JSON-RPC endpoint to read from.
    #[arg(long, env = "IO_RPC_URL", default_value = "http://127.0.0.1:8899")]
    rpc_url: String,
    /// A deployment manifest (as `localnet` writes): its RPC endpoint is read, after checking
    /// its program ids and the chain's genesis hash against it.
    #[arg(long, env = "IO_MANIFEST", conflicts_with = "rpc_url")]
    manifest: Option<std::path::PathBuf>,
    /// Postgres to write to.
    #[arg(long, env = "DATABASE_URL")]
    database_url: String,
    /// Index what is there and exit, instead of polling until Ctrl-C.
    #[arg(long)]
    once: bool,
    /// Seconds between passes when polling.
    #[arg(long, default_value_t = 2)]
    poll_secs: u64,
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    match run(Args::parse()).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            // One line, the causes joined: what a user reads and a script greps.
            eprintln!("io-indexer: {error:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> anyhow::Result<()> {
    let source = match &args.manifest {
        Some(path) => {
            let (source, loaded) =
                io_indexer::deployment::source_from_manifest(path, CommitmentConfig::confirmed())
                    .await?;
            println!(
                "io-indexer: indexing {} ({}) from {}",
                loaded.manifest.cluster,
                loaded.manifest.endpoints.rpc,
                path.display()
            );
            source
        }
        None => RpcSource::new(args.rpc_url.clone(), CommitmentConfig::confirmed()),
    };
    // The deployment is checked first: nothing is written for a manifest that does not hold.
    let store = Store::connect(&args.database_url)
        .await
        .context("connecting to Postgres")?;
    store.migrate().await.context("migrating")?;
    let snapshot = io_indexer::snapshot_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .context("taking the account snapshot")?;
    println!(
        "io-indexer: snapshot of {} accounts: {} rows written, {} marked closed, {} not decodable",
        snapshot.accounts, snapshot.written, snapshot.closed, snapshot.undecodable
    );
    let report = |summary: &io_indexer::PassSummary| {
        println!(
            "io-indexer: read {} transactions, stored {} new events",
            summary.transactions, summary.new_events
        )
    };
    if args.once {
        let summary = io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
            .await
            .context("indexing")?;
        report(&summary);
        return Ok(());
    }
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    io_indexer::poll_until(
        &source,
        &store,
        &io_decoder::PROGRAMS,
        Duration::from_secs(args.poll_secs),
        shutdown,
        report,
    )
    .await
    .context("indexing")
}
