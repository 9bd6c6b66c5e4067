//! The account tables: generated from the IDLs exactly as committed, and written only by a newer
//! `(slot, revision)`.

use anchor_lang::prelude::Pubkey;
use io_decoder::{Decoded, schema};
use io_store::{AccountState, Store, StoreError, migration_sql};
use serde_json::{Value, json};
use sqlx::PgPool;

const MIGRATION: &str = "../../migrations/20261208000001_account_tables.sql";

/// The committed migration is what the IDLs generate (`IO_BLESS=1` rewrites it).
#[test]
fn account_tables_match_the_committed_migration() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(MIGRATION);
    let generated = migration_sql();
    if std::env::var_os("IO_BLESS").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{} differs from what the IDLs generate; regenerate it with \
         IO_BLESS=1 cargo test -p io-store --test store account_tables",
        path.display()
    );
    for table in [
        "market_config",
        "market_lease",
        "governance_vote_marker",
        "iosd_config",
    ] {
        assert!(
            generated.contains(&format!("create table {table} (")),
            "{table}"
        );
    }
}

/// A governance `Position` decoded from zeroed fields, with `revision` and `amount` set.
fn position(revision: u64, amount: u64) -> Decoded {
    let mut decoded = schema()
        .zeroed_account(&governance::ID, "Position")
        .unwrap();
    decoded.value["revision"] = json!(revision);
    decoded.value["amount"] = json!(amount);
    decoded
}

fn state(address: Pubkey, slot: u64, decoded: Decoded) -> Vec<AccountState> {
    vec![AccountState {
        address,
        slot,
        decoded,
    }]
}

#[sqlx::test(migrator = "io_store::MIGRATOR")]
async fn a_row_changes_only_for_a_newer_slot_and_revision(pool: PgPool) {
    let store = Store::from_pool(pool);
    let address = Pubkey::new_unique();
    let program = governance::ID;
    let write = |slot, revision, amount| {
        let store = store.clone();
        async move {
            store
                .upsert_accounts(&program, &state(address, slot, position(revision, amount)))
                .await
        }
    };
    let row = || store.account_row("governance_position", &address);

    assert_eq!(write(10, 1, 100).await.unwrap(), 1, "new");
    assert_eq!(write(10, 1, 100).await.unwrap(), 0, "the same again");
    assert_eq!(write(9, 5, 900).await.unwrap(), 0, "an older slot");
    assert_eq!(
        write(10, 2, 200).await.unwrap(),
        1,
        "a newer revision in the same slot"
    );
    assert_eq!(
        write(10, 1, 100).await.unwrap(),
        0,
        "an older revision in the same slot"
    );
    let stored = row().await.unwrap().unwrap();
    assert_eq!(stored["amount"], 200);
    assert_eq!(stored["revision"], 2);
    assert_eq!(stored["slot"], 10);
    assert_eq!(stored["closed"], false);
    assert_eq!(stored["owner"], Pubkey::default().to_string().as_str());

    // A snapshot at slot 12 that no longer lists it closes it, keeping its last values.
    assert_eq!(store.close_missing(&program, &[], 12).await.unwrap(), 1);
    assert_eq!(
        store.close_missing(&program, &[], 12).await.unwrap(),
        0,
        "closed once"
    );
    let stored = row().await.unwrap().unwrap();
    assert_eq!(
        (stored["closed"].clone(), stored["slot"].clone()),
        (json!(true), json!(12))
    );
    assert_eq!(stored["amount"], 200);
    assert_eq!(
        write(11, 9, 1).await.unwrap(),
        0,
        "a stale read cannot reopen it"
    );
    // An account present in the snapshot stays open.
    let other = Pubkey::new_unique();
    store
        .upsert_accounts(&program, &state(other, 13, position(1, 1)))
        .await
        .unwrap();
    assert_eq!(
        store.close_missing(&program, &[other], 14).await.unwrap(),
        0
    );
}

#[sqlx::test(migrator = "io_store::MIGRATOR")]
async fn names_a_value_a_column_cannot_hold(pool: PgPool) {
    let store = Store::from_pool(pool);
    let mut decoded = position(1, 1);
    decoded.value["amount"] = Value::Bool(true);
    let error = store
        .upsert_accounts(&governance::ID, &state(Pubkey::new_unique(), 1, decoded))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, StoreError::Shape { table, column: "amount", .. } if table == "governance_position"),
        "{error}"
    );
    assert!(matches!(
        store.account_row("no_such_table", &Pubkey::default()).await,
        Err(StoreError::UnknownTable(_))
    ));
}

#[sqlx::test(migrator = "io_store::MIGRATOR")]
async fn a_batch_keeps_the_newest_state_of_each_address(pool: PgPool) {
    let store = Store::from_pool(pool);
    let program = governance::ID;
    // A snapshot-sized batch with one address twice in each order.
    let twice_newer_last = Pubkey::new_unique();
    let twice_newer_first = Pubkey::new_unique();
    let mut batch: Vec<AccountState> = (0..1_200)
        .map(|i| AccountState {
            address: Pubkey::new_unique(),
            slot: 5,
            decoded: position(1, i),
        })
        .collect();
    batch.insert(10, state(twice_newer_last, 5, position(1, 1)).remove(0));
    batch.push(state(twice_newer_last, 5, position(2, 2)).remove(0));
    batch.insert(20, state(twice_newer_first, 6, position(1, 3)).remove(0));
    batch.push(state(twice_newer_first, 5, position(9, 4)).remove(0));
    assert_eq!(
        store.upsert_accounts(&program, &batch).await.unwrap(),
        1_202
    );
    let amount = |address| {
        let store = store.clone();
        async move {
            store
                .account_row("governance_position", &address)
                .await
                .unwrap()
                .unwrap()["amount"]
                .clone()
        }
    };
    assert_eq!(amount(twice_newer_last).await, 2, "revision 2 over 1");
    assert_eq!(amount(twice_newer_first).await, 3, "slot 6 over 5");
    let counts = store.account_counts().await.unwrap();
    assert!(counts.contains(&("governance_position".to_string(), 1_202)));
    // The same batch again writes nothing.
    assert_eq!(store.upsert_accounts(&program, &batch).await.unwrap(), 0);
}

#[sqlx::test(migrator = "io_store::MIGRATOR")]
async fn text_with_backslashes_and_control_characters_round_trips(pool: PgPool) {
    let store = Store::from_pool(pool);
    let mut decoded = schema()
        .zeroed_account(&market::ID, "MarketConfig")
        .unwrap();
    let awkward = json!({"note": "tab\there, newline\nthere, back\\slash, cr\r, quote\""});
    decoded.value["params"] = awkward.clone();
    let address = Pubkey::new_unique();
    store
        .upsert_accounts(&market::ID, &state(address, 1, decoded))
        .await
        .unwrap();
    let row = store
        .account_row("market_config", &address)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row["params"], awkward);
}
