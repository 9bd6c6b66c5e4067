//! Re-records the decoder's fixture, a market `config_init` exactly as the local network's
//! `getTransaction` returns it in base64. Run by hand after changing that instruction or its
//! event, then check the decoder tests:
//! `cargo test -p io-e2e --test e2e record -- --ignored`.

use io_localnet::{Localnet, LocalnetConfig};
use solana_commitment_config::CommitmentConfig;
use solana_rpc_client_api::config::RpcTransactionConfig;
use solana_transaction_status_client_types::UiTransactionEncoding;

#[test]
#[ignore = "writes indexer/decoder/tests/fixtures/market_config_init.json"]
fn record_market_config_init() {
    let localnet = Localnet::start(LocalnetConfig::free_ports().unwrap()).expect("starts");
    let rpc = localnet.rpc_client();
    let (name, signature) = localnet.deployment.config_signatures[1];
    assert_eq!(name, "market");
    let config = RpcTransactionConfig {
        encoding: Some(UiTransactionEncoding::Base64),
        commitment: Some(CommitmentConfig::confirmed()),
        max_supported_transaction_version: Some(0),
    };
    let transaction = rpc.get_transaction_with_config(&signature, config).unwrap();
    let record = serde_json::json!({
        "signature": signature.to_string(),
        "transaction": transaction,
    });
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../indexer/decoder/tests/fixtures/market_config_init.json"
    );
    std::fs::write(path, serde_json::to_string_pretty(&record).unwrap() + "\n").unwrap();
    localnet.stop().unwrap();
}
