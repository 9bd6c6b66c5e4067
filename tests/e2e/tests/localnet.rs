//! The local network's own behaviour: bad ports, clean stops, the precompile through RPC.

use std::net::TcpListener;

use ed25519_dalek::{Signer as _, SigningKey};
use io_localnet::{Localnet, LocalnetConfig, LocalnetError};
use solana_signer::Signer;

#[test]
fn a_port_in_use_is_named_and_nothing_is_left_running() {
    // Given something already listening on the RPC port
    let holder = TcpListener::bind("127.0.0.1:0").unwrap();
    let taken = holder.local_addr().unwrap().port();
    let mut config = LocalnetConfig::free_ports().unwrap();
    config.rpc_port = taken;

    // When the network starts there
    let error = Localnet::start(config.clone()).err().expect("refused");

    // Then the error names the port, and the websocket port was never taken
    assert!(
        matches!(error, LocalnetError::PortInUse { port } if port == taken),
        "{error}"
    );
    assert!(TcpListener::bind(("127.0.0.1", config.ws_port)).is_ok());
}

#[test]
fn stop_releases_both_ports() {
    let config = LocalnetConfig::free_ports().unwrap();
    let localnet = Localnet::start(config.clone()).expect("starts");
    let rpc = localnet.rpc_client();
    assert!(rpc.get_slot().is_ok());
    localnet.stop().expect("stops cleanly");
    for port in [config.rpc_port, config.ws_port] {
        assert!(
            TcpListener::bind(("127.0.0.1", port)).is_ok(),
            "port {port} still held"
        );
    }
    // And the same ports serve a second network.
    Localnet::start(config)
        .expect("restarts on the same ports")
        .stop()
        .unwrap();
}

#[test]
fn forged_ed25519_signature_is_rejected_through_rpc() {
    let localnet = Localnet::start(LocalnetConfig::free_ports().unwrap()).expect("starts");
    let rpc = localnet.rpc_client();
    let payer = localnet.deployment.faucet.insecure_clone();
    let key = SigningKey::from_bytes(&[9; 32]);
    let public_key = key.verifying_key().to_bytes();
    let signature = key.sign(b"cumulative 1000").to_bytes();

    let send = |message: &[u8]| {
        let ix = solana_ed25519_program::new_ed25519_instruction_with_signature(
            message,
            &signature,
            &public_key,
        );
        let blockhash = rpc.get_latest_blockhash().unwrap();
        let tx = solana_transaction::Transaction::new_signed_with_payer(
            &[ix],
            Some(&payer.pubkey()),
            &[&payer],
            blockhash,
        );
        rpc.send_and_confirm_transaction(&tx)
    };
    send(b"cumulative 1000").expect("a genuine signature verifies");
    let error = send(b"cumulative 9000").expect_err("a forged one does not");
    assert!(
        error.to_string().contains("custom program error: 0x2"),
        "{error}"
    );
    localnet.stop().unwrap();
}
