//! How fast the account mirror ingests a snapshot, against this machine's limit measured in the
//! same run: raw `COPY` of the same rows into a table of the same columns.
//!
//! `cargo run --release -p io-store --bin ingest-bench -- [accounts]` with `DATABASE_URL` set
//! (`scripts/postgres.sh start` prints one). Everything happens in a schema of its own, dropped
//! at the end: the bench never touches a mirror's tables.

use std::time::Instant;

use anchor_lang::prelude::Pubkey;
use io_decoder::schema;
use io_store::{AccountState, MIGRATOR, Store, account_tables};
use serde_json::{Value, json};
use sqlx::Executor;
use sqlx::postgres::PgPoolOptions;

/// Accounts per `upsert_accounts` call, as a snapshot hands them over.
const BATCH: usize = 1_000;

fn leases(count: usize, slot: u64) -> Vec<AccountState> {
    let template = schema()
        .zeroed_account(&market::ID, "Lease")
        .expect("a Lease template");
    (0..count)
        .map(|i| {
            let mut decoded = template.clone();
            decoded.value["revision"] = json!(i);
            decoded.value["deposited"] = json!(1_000_000 + i);
            decoded.value["renter"] = json!(Pubkey::new_unique().to_string());
            AccountState {
                address: Pubkey::new_unique(),
                slot,
                decoded,
            }
        })
        .collect()
}

/// The rows as `COPY ... FROM STDIN` text: tab-separated, the same text the upsert binds.
fn copy_text(states: &[AccountState]) -> String {
    let table = account_tables()
        .iter()
        .find(|t| t.table == "market_lease")
        .expect("market_lease");
    let mut out = String::new();
    for state in states {
        let mut fields = vec![
            state.address.to_string(),
            state.slot.to_string(),
            "f".into(),
        ];
        for field in &table.fields {
            let value = &state.decoded.value[field.name];
            fields.push(match value {
                Value::String(text) => text.clone(),
                Value::Bool(flag) => flag.to_string(),
                other => other.to_string(),
            });
        }
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    out
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> anyhow::Result<()> {
    let accounts: usize = match std::env::args().nth(1) {
        None => 20_000,
        Some(arg) => arg.parse().map_err(|_| {
            anyhow::anyhow!("the account count must be a positive integer, not {arg:?}")
        })?,
    };
    let url = std::env::var("DATABASE_URL")
        .map_err(|_| anyhow::anyhow!("DATABASE_URL is not set (scripts/postgres.sh start)"))?;
    let bench_schema = format!("ingest_bench_{}", std::process::id());
    let admin = PgPoolOptions::new()
        .max_connections(1)
        .connect(&url)
        .await?;
    admin
        .execute(format!("create schema {bench_schema}").as_str())
        .await?;
    let search_path = format!("set search_path to {bench_schema}");
    let pool = PgPoolOptions::new()
        .max_connections(1)
        .after_connect(move |conn, _| {
            let search_path = search_path.clone();
            Box::pin(async move {
                conn.execute(search_path.as_str()).await?;
                Ok(())
            })
        })
        .connect(&url)
        .await?;
    let result = run(&pool, accounts).await;
    pool.close().await;
    admin
        .execute(format!("drop schema {bench_schema} cascade").as_str())
        .await?;
    result
}

async fn run(pool: &sqlx::PgPool, accounts: usize) -> anyhow::Result<()> {
    MIGRATOR.run(pool).await?;
    let store = Store::from_pool(pool.clone());
    let states = leases(accounts, 100);
    // Every column but `updated_at`, which its default fills, in COPY as in the upsert.
    let columns: Vec<String> = ["address", "slot", "closed"]
        .into_iter()
        .map(String::from)
        .chain(
            account_tables()
                .iter()
                .find(|t| t.table == "market_lease")
                .expect("market_lease")
                .fields
                .iter()
                .map(|f| format!("\"{}\"", f.name)),
        )
        .collect();

    // The limit: the same rows by raw COPY into a table of the same columns and primary key.
    pool.execute("create table copy_target (like market_lease including all)")
        .await?;
    let text = copy_text(&states);
    let start = Instant::now();
    let mut conn = pool.acquire().await?;
    let mut copy = conn
        .copy_in_raw(&format!(
            "copy copy_target ({}) from stdin",
            columns.join(", ")
        ))
        .await?;
    copy.send(text.as_bytes()).await?;
    copy.finish().await?;
    drop(conn);
    let copy_rate = accounts as f64 / start.elapsed().as_secs_f64();

    // The mirror: a snapshot's upserts, then the same snapshot again (every row stale).
    let start = Instant::now();
    let mut written = 0;
    for batch in states.chunks(BATCH) {
        written += store.upsert_accounts(&market::ID, batch).await?;
    }
    let upsert_rate = accounts as f64 / start.elapsed().as_secs_f64();
    anyhow::ensure!(written == accounts as u64, "wrote {written} of {accounts}");
    let start = Instant::now();
    let mut rewritten = 0;
    for batch in states.chunks(BATCH) {
        rewritten += store.upsert_accounts(&market::ID, batch).await?;
    }
    let replay_rate = accounts as f64 / start.elapsed().as_secs_f64();
    anyhow::ensure!(rewritten == 0, "a replayed snapshot wrote {rewritten} rows");

    println!(
        "| {accounts} `Lease` rows ({} columns) | rows per second | ratio to COPY |",
        columns.len()
    );
    println!("|---|---|---|");
    println!("| raw `COPY` (the limit) | {copy_rate:.0} | 1.000 |");
    println!(
        "| `upsert_accounts`, new rows | {upsert_rate:.0} | {:.3} |",
        upsert_rate / copy_rate
    );
    println!(
        "| `upsert_accounts`, the same snapshot again (nothing written) | {replay_rate:.0} | {:.3} |",
        replay_rate / copy_rate
    );
    Ok(())
}
