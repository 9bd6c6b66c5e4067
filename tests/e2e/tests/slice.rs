//! The thin slice: a real instruction sent through the local network's RPC, read back over RPC
//! by the indexer, decoded with the program crates' types and written to Postgres.

use io_localnet::{Localnet, LocalnetConfig};
use io_source::RpcSource;
use io_store::Store;
use solana_commitment_config::CommitmentConfig;
use solana_signer::Signer;
use sqlx::PgPool;

async fn start_localnet() -> Localnet {
    tokio::task::spawn_blocking(|| Localnet::start(LocalnetConfig::free_ports().unwrap()))
        .await
        .unwrap()
        .expect("localnet starts")
}

#[sqlx::test(migrator = "io_store::MIGRATOR")]
async fn config_events_travel_from_transaction_to_row(pool: PgPool) {
    // Given a local network whose bootstrap initialised every config over RPC
    let localnet = start_localnet().await;
    let authority = localnet.deployment.authority.pubkey().to_string();
    let store = Store::from_pool(pool);
    let source = RpcSource::new(localnet.rpc_url.clone(), CommitmentConfig::confirmed());

    // When the indexer reads the programs' transactions
    let summary = io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .unwrap();

    // Then each program's ConfigInitialized event is one row, decoded, in its transaction, and
    // the bootstrap's iosd setup follows: the treasury's holder, then for the market and the
    // inference program, spender allowed and escrow holder opened
    assert_eq!(summary.new_events, 10);
    let rows = store.events().await.unwrap();
    assert_eq!(rows.len(), 10);
    let setup: Vec<&str> = rows[5..]
        .iter()
        .map(|row| row.event_name.as_str())
        .collect();
    assert_eq!(
        setup,
        [
            "HolderOpened",
            "SpenderAllowed",
            "HolderOpened",
            "SpenderAllowed",
            "HolderOpened"
        ]
    );
    for ((program, signature), row) in localnet.deployment.config_signatures.iter().zip(&rows) {
        let spec = io_harness::programs::ALL
            .iter()
            .find(|spec| spec.name == *program)
            .unwrap();
        assert_eq!(row.program_id, spec.id.to_string());
        assert_eq!(row.signature, signature.to_string());
        assert_eq!(row.event_name, "ConfigInitialized");
        // Governance's own authority is the governance PDA; every other program's is the key.
        let expected = if *program == "governance" {
            io_client::governance::governance_address().to_string()
        } else {
            authority.clone()
        };
        assert_eq!(row.payload["authority"], expected.as_str());
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
    let cursor = store.cursor(&io_client::market::ID).await.unwrap().unwrap();
    assert_eq!(
        cursor.last_signature,
        localnet.deployment.config_signatures[1].1.to_string()
    );
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
