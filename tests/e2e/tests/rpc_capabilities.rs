//! What the local network's RPC (surfpool 1.3.1) returns for each method and subscription the
//! indexer, scheduler and CLI rely on. Each test pins one behaviour; app/localnet/RPC.md sums
//! them up. Waits are bounded polls, never timing assertions.

use std::time::{Duration, Instant};

use anchor_lang::Discriminator;
use anchor_lang::prelude::Pubkey;
use io_localnet::{Localnet, LocalnetConfig};
use solana_commitment_config::CommitmentConfig;
use solana_keypair::Keypair;
use solana_message::{Message, VersionedMessage, v0};
use solana_pubsub_client::pubsub_client::PubsubClient;
use solana_rpc_client::rpc_client::RpcClient;
use solana_rpc_client_api::config::{
    RpcAccountInfoConfig, RpcProgramAccountsConfig, RpcTransactionConfig, RpcTransactionLogsConfig,
    RpcTransactionLogsFilter,
};
use solana_rpc_client_api::filter::{Memcmp, RpcFilterType};
use solana_signature::Signature;
use solana_signer::Signer;
use solana_transaction::Transaction;
use solana_transaction::versioned::VersionedTransaction;
use solana_transaction_status_client_types::{
    UiTransactionEncoding, option_serializer::OptionSerializer,
};

/// Upper bound on any wait for the network to move on.
const WAIT: Duration = Duration::from_secs(20);

fn network() -> Localnet {
    Localnet::start(LocalnetConfig::free_ports().unwrap()).expect("localnet starts")
}

/// A funded key (the bootstrap's guardian, unused by the bootstrap itself).
fn payer(localnet: &Localnet) -> Keypair {
    localnet.deployment.guardian.insecure_clone()
}

fn transfer(rpc: &RpcClient, from: &Keypair, to: &Pubkey, lamports: u64) -> Transaction {
    let ix = solana_system_interface::instruction::transfer(&from.pubkey(), to, lamports);
    Transaction::new_signed_with_payer(
        &[ix],
        Some(&from.pubkey()),
        &[from],
        rpc.get_latest_blockhash().unwrap(),
    )
}

fn wait_until(mut condition: impl FnMut() -> bool) {
    let start = Instant::now();
    while !condition() {
        assert!(
            start.elapsed() < WAIT,
            "the network did not get there within {WAIT:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn commitment_levels_trail_the_tip_by_fixed_offsets() {
    let localnet = network();
    let rpc = localnet.rpc_client();
    wait_until(|| {
        rpc.get_slot_with_commitment(CommitmentConfig::finalized())
            .unwrap()
            > 0
    });
    // Read from the oldest level to the newest: a block landing between two calls can then only
    // widen the observed lag, never shrink it below the fixed offset.
    let finalized = rpc
        .get_slot_with_commitment(CommitmentConfig::finalized())
        .unwrap();
    let confirmed = rpc
        .get_slot_with_commitment(CommitmentConfig::confirmed())
        .unwrap();
    let processed = rpc
        .get_slot_with_commitment(CommitmentConfig::processed())
        .unwrap();
    // Finalized trails processed by 31 slots, confirmed by one (blocks landing between the calls
    // can add a few, hence the small range).
    assert!(processed >= confirmed && confirmed > finalized);
    let lag = processed - finalized;
    assert!((31..=34).contains(&lag), "finalized lag {lag}");
    localnet.stop().unwrap();
}

#[test]
fn program_accounts_filter_by_discriminator_and_size() {
    let localnet = network();
    let rpc = localnet.rpc_client();
    let config_address = io_client::market::config_address();
    let size = rpc.get_account(&config_address).unwrap().data.len() as u64;
    let query = |filters| {
        let config = RpcProgramAccountsConfig {
            filters: Some(filters),
            account_config: RpcAccountInfoConfig {
                encoding: Some(solana_rpc_client_api::response::UiAccountEncoding::Base64),
                ..Default::default()
            },
            ..Default::default()
        };
        rpc.get_program_ui_accounts_with_config(&io_client::market::ID, config)
            .unwrap()
    };
    let by_discriminator = query(vec![RpcFilterType::Memcmp(Memcmp::new_base58_encoded(
        0,
        market::state::MarketConfig::DISCRIMINATOR,
    ))]);
    assert_eq!(
        by_discriminator
            .iter()
            .map(|(key, _)| *key)
            .collect::<Vec<_>>(),
        vec![config_address]
    );
    assert_eq!(query(vec![RpcFilterType::DataSize(size)]).len(), 1);
    assert!(query(vec![RpcFilterType::DataSize(size + 1)]).is_empty());
    localnet.stop().unwrap();
}

#[test]
fn multiple_accounts_answer_in_order_with_none_for_missing() {
    let localnet = network();
    let rpc = localnet.rpc_client();
    let missing = Pubkey::new_unique();
    let accounts = rpc
        .get_multiple_accounts(&[
            io_client::iosd::config_address(),
            missing,
            io_client::market::config_address(),
        ])
        .unwrap();
    assert_eq!(accounts[0].as_ref().unwrap().owner, io_client::iosd::ID);
    assert!(accounts[1].is_none());
    assert_eq!(accounts[2].as_ref().unwrap().owner, io_client::market::ID);
    localnet.stop().unwrap();
}

#[test]
fn signature_status_moves_from_processed_to_finalized() {
    let localnet = network();
    let rpc = localnet.rpc_client();
    let payer = payer(&localnet);
    let signature = rpc
        .send_transaction(&transfer(&rpc, &payer, &Pubkey::new_unique(), 1_000_000))
        .unwrap();
    let status = |signature: &Signature| {
        rpc.get_signature_statuses(&[*signature]).unwrap().value[0]
            .clone()
            .and_then(|status| status.confirmation_status)
    };
    use solana_transaction_status_client_types::TransactionConfirmationStatus as Status;
    wait_until(|| {
        status(&signature) == Some(Status::Confirmed)
            || status(&signature) == Some(Status::Finalized)
    });
    wait_until(|| status(&signature) == Some(Status::Finalized));
    localnet.stop().unwrap();
}

#[test]
fn blockhash_validity_and_last_valid_block_height() {
    let localnet = network();
    let rpc = localnet.rpc_client();
    let (blockhash, last_valid) = rpc
        .get_latest_blockhash_with_commitment(CommitmentConfig::confirmed())
        .unwrap();
    assert!(
        rpc.is_blockhash_valid(&blockhash, CommitmentConfig::confirmed())
            .unwrap()
    );
    assert!(
        !rpc.is_blockhash_valid(
            &solana_hash::Hash::new_unique(),
            CommitmentConfig::confirmed()
        )
        .unwrap()
    );
    let height = rpc
        .get_block_height_with_commitment(CommitmentConfig::confirmed())
        .unwrap();
    let slot = rpc
        .get_slot_with_commitment(CommitmentConfig::confirmed())
        .unwrap();
    // surfpool counts the validity window in blocks from the block height (last valid =
    // height + ~120, not 150). A time travel (the bootstrap's proposal makes one) moves the
    // slot far ahead and not the block height, so the two part.
    assert!(
        last_valid > height && last_valid <= height + 151,
        "last valid {last_valid} at block height {height}"
    );
    assert!(slot > height + 1_000, "slot {slot}, block height {height}");
    localnet.stop().unwrap();
}

#[test]
fn simulation_reports_errors_and_logs_without_landing() {
    let localnet = network();
    let rpc = localnet.rpc_client();
    let deployer = localnet.deployment.deployer.insecure_clone();
    let args = io_client::defaults::market(deployer.pubkey(), deployer.pubkey());
    let (io_mint, treasury) = (localnet.deployment.io_mint, localnet.deployment.treasury);
    let ix = io_client::market::config_init(deployer.pubkey(), io_mint, treasury, args);
    let tx = Transaction::new_signed_with_payer(
        &[ix],
        Some(&deployer.pubkey()),
        &[&deployer],
        rpc.get_latest_blockhash().unwrap(),
    );
    let simulated = rpc.simulate_transaction(&tx).unwrap().value;
    let already = anchor_lang::error::ERROR_CODE_OFFSET
        + market::error::MarketError::AlreadyInitialized as u32;
    let error = simulated.err.expect("a second init fails").to_string();
    assert!(
        error.contains(&format!("{already:#x}")) || error.contains(&already.to_string()),
        "{error}"
    );
    assert!(
        simulated
            .logs
            .unwrap()
            .iter()
            .any(|line| line.contains(&io_client::market::ID.to_string()))
    );
    let ok = rpc
        .simulate_transaction(&transfer(
            &rpc,
            &payer(&localnet),
            &Pubkey::new_unique(),
            1_000_000,
        ))
        .unwrap()
        .value;
    assert!(ok.err.is_none());
    assert!(ok.units_consumed.unwrap() > 0);
    localnet.stop().unwrap();
}

#[test]
fn versioned_transaction_with_a_lookup_table() {
    let localnet = network();
    let rpc = localnet.rpc_client();
    let payer = payer(&localnet);
    let recipient = Pubkey::new_unique();
    rpc.send_and_confirm_transaction(&transfer(&rpc, &payer, &recipient, 1_000_000_000))
        .unwrap();

    // Given a lookup table holding the recipient
    // The table's recent slot must be the processed tip: surfpool rejects the finalized slot
    // (tip - 31) as "not a recent slot".
    let recent_slot = rpc
        .get_slot_with_commitment(CommitmentConfig::processed())
        .unwrap();
    let (create, table) = solana_address_lookup_table_interface::instruction::create_lookup_table(
        payer.pubkey(),
        payer.pubkey(),
        recent_slot,
    );
    let extend = solana_address_lookup_table_interface::instruction::extend_lookup_table(
        table,
        payer.pubkey(),
        Some(payer.pubkey()),
        vec![recipient],
    );
    let message = Message::new(&[create, extend], Some(&payer.pubkey()));
    rpc.send_and_confirm_transaction(&Transaction::new(
        &[&payer],
        message,
        rpc.get_latest_blockhash().unwrap(),
    ))
    .unwrap();
    let data = rpc.get_account(&table).unwrap().data;
    let addresses =
        solana_address_lookup_table_interface::state::AddressLookupTable::deserialize(&data)
            .unwrap()
            .addresses
            .to_vec();
    assert_eq!(addresses, vec![recipient]);
    // A table is usable from the slot after its last extension.
    let extended_at = rpc.get_slot().unwrap();
    wait_until(|| rpc.get_slot().unwrap() > extended_at);

    // When a v0 transaction loads the recipient from it
    let lookup = solana_message::AddressLookupTableAccount {
        key: table,
        addresses,
    };
    let ix = solana_system_interface::instruction::transfer(&payer.pubkey(), &recipient, 5);
    let v0 = v0::Message::try_compile(
        &payer.pubkey(),
        &[ix],
        &[lookup],
        rpc.get_latest_blockhash().unwrap(),
    )
    .unwrap();
    let tx = VersionedTransaction::try_new(VersionedMessage::V0(v0), &[&payer]).unwrap();
    let signature = rpc.send_and_confirm_transaction(&tx).unwrap();

    // Then it lands, and getTransaction reports the loaded address
    assert_eq!(rpc.get_balance(&recipient).unwrap(), 1_000_000_005);
    let config = RpcTransactionConfig {
        encoding: Some(UiTransactionEncoding::Base64),
        commitment: Some(CommitmentConfig::confirmed()),
        max_supported_transaction_version: Some(0),
    };
    let fetched = rpc.get_transaction_with_config(&signature, config).unwrap();
    let OptionSerializer::Some(loaded) = fetched.transaction.meta.unwrap().loaded_addresses else {
        panic!("no loaded addresses");
    };
    assert_eq!(loaded.writable, vec![recipient.to_string()]);
    // And getSignaturesForAddress does not list it under a table-loaded address (a surfpool gap).
    let listed = rpc.get_signatures_for_address(&recipient).unwrap();
    assert!(
        listed
            .iter()
            .all(|entry| entry.signature != signature.to_string())
    );
    localnet.stop().unwrap();
}

#[test]
fn subscriptions_notify_slots_accounts_programs_signatures_and_logs() {
    let localnet = network();
    let rpc = localnet.rpc_client();
    let ws = localnet.ws_url.clone();
    let payer = payer(&localnet);
    let recipient = Pubkey::new_unique();

    let (_slots, slot_rx) = PubsubClient::slot_subscribe(&ws).unwrap();
    let first = slot_rx
        .recv_timeout(WAIT)
        .expect("a slot notification")
        .slot;
    assert!(slot_rx.recv_timeout(WAIT).expect("another one").slot > first);

    let (_account, account_rx) = PubsubClient::account_subscribe(&ws, &recipient, None).unwrap();
    let (_program, program_rx) =
        PubsubClient::program_subscribe(&ws, &solana_system_interface::program::ID, None).unwrap();
    let (_logs, logs_rx) = PubsubClient::logs_subscribe(
        &ws,
        RpcTransactionLogsFilter::Mentions(vec![recipient.to_string()]),
        RpcTransactionLogsConfig {
            commitment: Some(CommitmentConfig::confirmed()),
        },
    )
    .unwrap();
    let tx = transfer(&rpc, &payer, &recipient, 2_000_000);
    let (_signature, signature_rx) =
        PubsubClient::signature_subscribe(&ws, &tx.signatures[0], None).unwrap();
    rpc.send_transaction(&tx).unwrap();

    assert_eq!(
        account_rx
            .recv_timeout(WAIT)
            .expect("account notification")
            .value
            .lamports,
        2_000_000
    );
    let program_update = program_rx.recv_timeout(WAIT).expect("program notification");
    assert!(!program_update.value.pubkey.is_empty());
    let logs = logs_rx.recv_timeout(WAIT).expect("logs notification");
    assert_eq!(logs.value.signature, tx.signatures[0].to_string());
    signature_rx
        .recv_timeout(WAIT)
        .expect("signature notification");
    localnet.stop().unwrap();
}
