//! `io-indexer`: mirrors the IO programs' events into Postgres.
//!
//! ```text
//! io-indexer --rpc-url http://127.0.0.1:8899 --database-url postgres://io@127.0.0.1:54329/io --once
//! ```

use std::time::Duration;

use anyhow::Context;
use clap::Parser;
use io_source::RpcSource;
use io_store::Store;
use solana_commitment_config::CommitmentConfig;

#[derive(Parser, Debug)]
#[command(about = "Mirror the IO programs' events from a Solana RPC endpoint into Postgres")]
struct Args {
    /// JSON-RPC endpoint to read from.
    #[arg(long, env = "IO_RPC_URL", default_value = "http://127.0.0.1:8899")]
    rpc_url: String,
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
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let store = Store::connect(&args.database_url)
        .await
        .context("io-indexer")?;
    store.migrate().await.context("io-indexer")?;
    let source = RpcSource::new(args.rpc_url.clone(), CommitmentConfig::confirmed());
    let report = |summary: &io_indexer::PassSummary| {
        println!(
            "io-indexer: read {} transactions, stored {} new events",
            summary.transactions, summary.new_events
        )
    };
    if args.once {
        let summary = io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
            .await
            .context("io-indexer")?;
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
    .context("io-indexer")
}
