//! Postgres storage of the IO indexer. All SQL of the off-chain code lives here.
//!
//! A batch of events and the cursor that covers it are written in one database transaction, and
//! event rows are keyed by `(signature, instruction_index, inner_index)`, so a crash between two
//! batches loses nothing and a replayed batch writes nothing twice. Accounts go to a table per
//! account type ([`accounts`]), each row written only by a newer `(slot, revision)`.

pub mod accounts;

use anchor_lang::prelude::Pubkey;
use io_decoder::DecodedEvent;
use sqlx::postgres::{PgPool, PgPoolOptions};
use sqlx::{Postgres, Row, Transaction};

pub use accounts::{AccountState, AccountTable, account_tables, migration_sql};

/// The schema, embedded from `migrations/` at build time.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../../migrations");

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot reach the database: {0}")]
    Connect(#[source] sqlx::Error),
    #[error("migrating the database failed: {0}")]
    Migrate(#[source] sqlx::migrate::MigrateError),
    #[error("database query failed: {0}")]
    Query(#[from] sqlx::Error),
    #[error("the database holds a malformed value in {column}: {value}")]
    Malformed { column: &'static str, value: String },
    #[error("{table}.{column} cannot hold the decoded value {value}")]
    Shape {
        table: String,
        column: &'static str,
        value: String,
    },
    #[error("no table mirrors {account} of {program}")]
    NoTable {
        program: &'static str,
        account: &'static str,
    },
    #[error("{0} is not an account table")]
    UnknownTable(String),
}

/// Where the indexer stopped reading one program's signatures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cursor {
    pub program_id: Pubkey,
    pub last_signature: String,
    pub last_slot: u64,
}

/// An event row as stored.
#[derive(Clone, Debug, PartialEq)]
pub struct EventRow {
    pub signature: String,
    pub instruction_index: i32,
    pub inner_index: i32,
    pub slot: u64,
    pub program_id: String,
    pub event_name: String,
    pub payload: serde_json::Value,
}

#[derive(Clone)]
pub struct Store {
    pool: PgPool,
}

impl Store {
    /// Connects to `database_url` (failing within five seconds when it does not answer).
    pub async fn connect(database_url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(4)
            .acquire_timeout(std::time::Duration::from_secs(5))
            .connect(database_url)
            .await
            .map_err(StoreError::Connect)?;
        Ok(Self { pool })
    }

    /// Wraps an existing pool (tests get theirs from `#[sqlx::test]`).
    pub fn from_pool(pool: PgPool) -> Self {
        Self { pool }
    }

    /// Applies the pending migrations.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.pool).await.map_err(StoreError::Migrate)
    }

    /// Writes `events` and, when given, the cursor that covers them, in one transaction.
    /// Returns how many event rows were new.
    pub async fn apply(
        &self,
        events: &[DecodedEvent],
        cursor: Option<&Cursor>,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let mut inserted = 0;
        for event in events {
            inserted += insert_event(&mut tx, event).await?;
        }
        if let Some(cursor) = cursor {
            sqlx::query(
                "insert into indexer_cursor (program_id, last_signature, last_slot) \
                 values ($1, $2, $3::text::numeric) \
                 on conflict (program_id) do update \
                 set last_signature = excluded.last_signature, last_slot = excluded.last_slot, updated_at = now()",
            )
            .bind(cursor.program_id.to_string())
            .bind(&cursor.last_signature)
            .bind(cursor.last_slot.to_string())
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(inserted)
    }

    /// Empties the mirror (events, cursors and accounts). Only for a chain that restarted from
    /// genesis, like the local network, whose history the mirror must not mix with the new one.
    pub async fn clear_mirror(&self) -> Result<(), StoreError> {
        let mut tables = vec!["program_event".to_string(), "indexer_cursor".into()];
        tables.extend(account_tables().iter().map(|t| t.table.clone()));
        sqlx::query(&format!("truncate {}", tables.join(", ")))
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The cursor of `program_id`, if the indexer has read any of its signatures.
    pub async fn cursor(&self, program_id: &Pubkey) -> Result<Option<Cursor>, StoreError> {
        let row = sqlx::query("select last_signature, last_slot::text as last_slot from indexer_cursor where program_id = $1")
            .bind(program_id.to_string())
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(Cursor {
                program_id: *program_id,
                last_signature: row.try_get("last_signature")?,
                last_slot: parse_u64("indexer_cursor.last_slot", row.try_get("last_slot")?)?,
            })
        })
        .transpose()
    }

    /// Every stored event, oldest first.
    pub async fn events(&self) -> Result<Vec<EventRow>, StoreError> {
        let rows = sqlx::query(
            "select signature, instruction_index, inner_index, slot::text as slot, program_id, event_name, payload \
             from program_event order by slot, signature, instruction_index, inner_index",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|row| {
                Ok(EventRow {
                    signature: row.try_get("signature")?,
                    instruction_index: row.try_get("instruction_index")?,
                    inner_index: row.try_get("inner_index")?,
                    slot: parse_u64("program_event.slot", row.try_get("slot")?)?,
                    program_id: row.try_get("program_id")?,
                    event_name: row.try_get("event_name")?,
                    payload: row.try_get("payload")?,
                })
            })
            .collect()
    }
}

async fn insert_event(
    tx: &mut Transaction<'_, Postgres>,
    event: &DecodedEvent,
) -> Result<u64, StoreError> {
    let result = sqlx::query(
        "insert into program_event \
         (signature, instruction_index, inner_index, slot, program_id, event_name, payload, data) \
         values ($1, $2, $3, $4::text::numeric, $5, $6, $7, $8) \
         on conflict (signature, instruction_index, inner_index) do nothing",
    )
    .bind(&event.signature)
    .bind(i32::try_from(event.instruction_index).unwrap_or(i32::MAX))
    .bind(i32::try_from(event.inner_index).unwrap_or(i32::MAX))
    .bind(event.slot.to_string())
    .bind(event.program_id.to_string())
    .bind(event.name)
    .bind(&event.payload)
    .bind(&event.data)
    .execute(&mut **tx)
    .await?;
    Ok(result.rows_affected())
}

fn parse_u64(column: &'static str, value: String) -> Result<u64, StoreError> {
    value
        .parse()
        .map_err(|_| StoreError::Malformed { column, value })
}
