//! The thin slice: a real instruction sent through the local network's RPC, read back over RPC
//! by the indexer, decoded with the program crates' types and written to Postgres.

use io_localnet::{Localnet, LocalnetConfig};
use io_source::RpcSource;
use io_store::Store;
use solana_commitment_config::CommitmentConfig;
use solana_signer::Signer;
use sqlx::PgPool;

/// The bootstrap's events and how many of each: five configs; the treasury's and the two
/// spenders' IOSD holders; the council's position; the setup proposal (created, five
/// instructions added, signed off, voted, finalised, executed) and what it executed.
const EXPECTED_BOOTSTRAP_EVENTS: &[(&str, usize)] = &[
    ("ConfigInitialized", 5),
    ("HolderOpened", 3),
    ("InstructionExecuted", 5),
    ("KeySetChanged", 2),
    ("OraclesSet", 1),
    ("PositionChanged", 1),
    ("ProposalChanged", 8),
    ("SpenderAllowed", 2),
    ("VoteCast", 1),
];

async fn start_localnet() -> Localnet {
    tokio::task::spawn_blocking(|| Localnet::start(LocalnetConfig::free_ports().unwrap()))
        .await
        .unwrap()
        .expect("localnet starts")
}

#[sqlx::test(migrator = "io_store::MIGRATOR")]
async fn config_events_travel_from_transaction_to_row(pool: PgPool) {
    // Given a local network whose bootstrap initialised every config over RPC, then passed its
    // first proposal through governance
    let localnet = start_localnet().await;
    let governance = io_client::governance::governance_address().to_string();
    let store = Store::from_pool(pool);
    let source = RpcSource::new(localnet.rpc_url.clone(), CommitmentConfig::confirmed());

    // When the indexer reads the programs' transactions
    let summary = io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .unwrap();

    // Then each program's ConfigInitialized event is one row, decoded, in its transaction; the
    // treasury's and the spenders' IOSD holders follow, then the council's position and the
    // setup proposal's life, with the events of what it executed (through governance's CPI)
    let rows = store.events().await.unwrap();
    assert_eq!(summary.new_events, rows.len() as u64);
    let mut names: std::collections::BTreeMap<&str, usize> = Default::default();
    for row in &rows {
        *names.entry(row.event_name.as_str()).or_default() += 1;
    }
    let expected: std::collections::BTreeMap<&str, usize> =
        EXPECTED_BOOTSTRAP_EVENTS.iter().copied().collect();
    assert_eq!(names, expected);
    for (program, signature) in &localnet.deployment.config_signatures {
        let row = rows
            .iter()
            .find(|row| row.signature == signature.to_string())
            .expect("a row per config_init");
        let spec = io_harness::programs::ALL
            .iter()
            .find(|spec| spec.name == *program)
            .unwrap();
        assert_eq!(row.program_id, spec.id.to_string());
        assert_eq!(row.signature, signature.to_string());
        assert_eq!(row.event_name, "ConfigInitialized");
        // Every config's authority is the governance PDA.
        assert_eq!(row.payload["authority"], governance.as_str());
        assert_eq!(row.payload["revision"], 0);
        assert!(row.slot > 0);
    }
    let market_row = rows
        .iter()
        .find(|row| row.program_id == io_client::market::ID.to_string())
        .unwrap();
    assert_eq!(market_row.payload["params"]["reservation_fee_bps"], 25);
    assert_eq!(
        market_row.payload["config"],
        io_client::market::config_address().to_string().as_str()
    );

    // And a second pass finds nothing new: the cursor moved, and rows are idempotent anyway
    let again = io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .unwrap();
    assert_eq!(again, io_indexer::PassSummary::default());
    // The market's cursor stands at the last transaction naming the market: the proposal's
    // execution of its last market instruction.
    let cursor = store.cursor(&io_client::market::ID).await.unwrap().unwrap();
    let last_market_row = rows
        .iter()
        .rev()
        .find(|row| row.program_id == io_client::market::ID.to_string())
        .unwrap();
    assert_eq!(cursor.last_signature, last_market_row.signature);
    assert_eq!(store.apply(&[], None).await.unwrap(), 0);

    tokio::task::spawn_blocking(move || localnet.stop())
        .await
        .unwrap()
        .unwrap();
}

#[sqlx::test(migrator = "io_store::MIGRATOR")]
async fn failed_transactions_leave_no_rows(pool: PgPool) {
    // Given the network after bootstrap, indexed
    let localnet = start_localnet().await;
    let store = Store::from_pool(pool);
    let source = RpcSource::new(localnet.rpc_url.clone(), CommitmentConfig::confirmed());
    io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .unwrap();

    // When a second config_init lands on-chain and fails (preflight skipped so it lands)
    let deployer = localnet.deployment.deployer.insecure_clone();
    let rpc_url = localnet.rpc_url.clone();
    let args = io_client::defaults::market(deployer.pubkey(), deployer.pubkey());
    let (io_mint, treasury) = (localnet.deployment.io_mint, localnet.deployment.treasury);
    let signature = tokio::task::spawn_blocking(move || {
        let rpc = solana_rpc_client::rpc_client::RpcClient::new_with_commitment(
            rpc_url,
            CommitmentConfig::confirmed(),
        );
        let ix = io_client::market::config_init(deployer.pubkey(), io_mint, treasury, args);
        let blockhash = rpc.get_latest_blockhash().unwrap();
        let tx = solana_transaction::Transaction::new_signed_with_payer(
            &[ix],
            Some(&deployer.pubkey()),
            &[&deployer],
            blockhash,
        );
        let config = solana_rpc_client_api::config::RpcSendTransactionConfig {
            skip_preflight: true,
            ..Default::default()
        };
        let signature = rpc.send_transaction_with_config(&tx, config).unwrap();
        rpc.poll_for_signature(&signature).ok();
        signature
    })
    .await
    .unwrap();

    // Then it is on-chain as a failure, the indexer reads past it and stores nothing from it
    let listed = source
        .signatures_since(&io_client::market::ID, None)
        .await
        .unwrap();
    let entry = listed
        .iter()
        .find(|entry| entry.signature == signature.to_string())
        .expect("landed");
    assert!(entry.failed);
    let summary = io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .unwrap();
    assert_eq!(summary.new_events, 0);
    assert!(
        store
            .events()
            .await
            .unwrap()
            .iter()
            .all(|row| row.signature != signature.to_string())
    );

    tokio::task::spawn_blocking(move || localnet.stop())
        .await
        .unwrap()
        .unwrap();
}
