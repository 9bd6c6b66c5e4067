//! The demo's marketplace end to end: every step a transaction through the local network's RPC
//! (a staked device leased and settled an hour later, a provider's claim, an inference session
//! settled from a thousand receipts), then the indexer mirrors every event into Postgres and
//! every account the programs own decodes by the committed IDLs and is mirrored into its table.

use io_localnet::{Localnet, LocalnetConfig};
use io_source::RpcSource;
use io_store::Store;
use solana_commitment_config::CommitmentConfig;
use sqlx::PgPool;

#[sqlx::test(migrator = "io_store::MIGRATOR")]
async fn the_demo_marketplace_pays_everyone_and_is_mirrored(pool: PgPool) {
    // Given a local network, when the demo's marketplace runs through its RPC
    let (localnet, report) = tokio::task::spawn_blocking(|| {
        let localnet = Localnet::start(LocalnetConfig::free_ports().unwrap()).expect("starts");
        let report = io_demo::marketplace::run(&localnet).expect("the marketplace runs");
        (localnet, report)
    })
    .await
    .unwrap();

    // Then the lease paid two GPU-hours at $2 ($4) and the provider claimed $4 less 0.25 %
    assert_eq!(report.lease_paid_micros, 4_000_000);
    assert_eq!(report.provider_claimed_micros, 3_990_000);
    // and the session paid 1,000 requests at $0.002 ($2), a quarter to the provider
    assert_eq!(report.session_paid_micros, 2_000_000);
    assert_eq!(report.session_provider_micros, 500_000);

    // And the indexer mirrors every event of it
    let store = Store::from_pool(pool);
    let source = RpcSource::new(localnet.rpc_url.clone(), CommitmentConfig::confirmed());
    io_indexer::index_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .unwrap();
    let rows = store.events().await.unwrap();
    let named = |name: &str| rows.iter().filter(|row| row.event_name == name).count();
    for (name, count) in [
        ("LeaseOpened", 1),
        ("LeaseSettled", 1),
        ("ProviderClaimed", 1),
        ("FeesSwept", 1),
        ("BurnSwept", 1),
        ("SessionOpened", 1),
        ("SessionSettled", 1),
        ("ModelRegistered", 1),
        ("IosdMinted", 2),
    ] {
        assert_eq!(named(name), count, "{name}");
    }
    let settled = rows
        .iter()
        .find(|row| row.event_name == "SessionSettled")
        .unwrap();
    assert_eq!(
        settled.payload["session"],
        report.session.to_string().as_str()
    );
    assert_eq!(settled.payload["paid"], 2_000_000);
    assert!(
        rows.iter()
            .all(|row| row.event_name != io_decoder::UNKNOWN_EVENT),
        "every event decodes by the IDLs"
    );

    // And every account the five programs own decodes by the IDLs, with nothing but zeros in
    // the space past its fields
    let rpc_url = localnet.rpc_url.clone();
    let accounts = tokio::task::spawn_blocking(move || {
        let rpc = solana_rpc_client::rpc_client::RpcClient::new(rpc_url);
        io_decoder::PROGRAMS
            .iter()
            .flat_map(|program| {
                let owned = rpc.get_program_accounts(program).unwrap();
                owned.into_iter().map(move |(address, account)| {
                    let decoded = io_decoder::schema()
                        .account(program, &account.data)
                        .unwrap_or_else(|e| panic!("{address}: {e}"));
                    let spare = &account.data[decoded.consumed..];
                    assert!(spare.iter().all(|&b| b == 0), "{address}: {spare:?}");
                    (address, decoded)
                })
            })
            .collect::<Vec<_>>()
    })
    .await
    .unwrap();
    let of_type = |name: &str| accounts.iter().filter(|(_, d)| d.name == name).count();
    for (name, count) in [
        ("IosdConfig", 1),
        ("MarketConfig", 1),
        ("InferenceConfig", 1),
        ("RewardsConfig", 1),
        ("GovernanceConfig", 1),
        ("Provider", 1),
        ("Device", 1),
        ("Model", 1),
    ] {
        assert_eq!(of_type(name), count, "{name}");
    }
    let (_, session) = accounts
        .iter()
        .find(|(address, _)| *address == report.session)
        .expect("the session account is mirrored");
    assert_eq!(session.name, "Session");
    assert_eq!(session.value["settled"], 2_000_000);

    // And a snapshot mirrors every one of them into its account type's table
    let snapshot = io_indexer::snapshot_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .unwrap();
    assert_eq!(
        (snapshot.accounts, snapshot.undecodable, snapshot.closed),
        (accounts.len(), 0, 0)
    );
    assert_eq!(snapshot.written, accounts.len() as u64);
    let row = store
        .account_row("inference_session", &report.session)
        .await
        .unwrap()
        .expect("the session has its row");
    assert_eq!(row["settled"], 2_000_000);
    assert_eq!(row["closed"], false);
    assert_eq!(row["revision"], session.value["revision"]);
    let mirrored: i64 = store
        .account_counts()
        .await
        .unwrap()
        .iter()
        .map(|(_, rows)| rows)
        .sum();
    assert_eq!(mirrored, accounts.len() as i64);
    // and a second snapshot closes nothing and leaves the session as it was
    let again = io_indexer::snapshot_once(&source, &store, &io_decoder::PROGRAMS)
        .await
        .unwrap();
    assert_eq!((again.closed, again.undecodable), (0, 0));
    let row_again = store
        .account_row("inference_session", &report.session)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row_again["revision"], row["revision"]);
    assert_eq!(row_again["settled"], row["settled"]);
    tokio::task::spawn_blocking(move || localnet.stop().unwrap())
        .await
        .unwrap();
}
