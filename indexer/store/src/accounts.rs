//! The account mirror: a table per account type of the five programs, with a column per
//! top-level field, their types taken from the committed IDLs (`io_decoder::Schema`).
//!
//! The migration that creates the tables is generated from the same IDLs and committed
//! (`migrations/*_account_tables.sql`); a test fails when the two differ, so a field the programs
//! add cannot be dropped on the way to the database. A row is written only by a newer
//! `(slot, revision)` than the one it holds, so replays, reorderings and stale snapshots change
//! nothing; a closed account keeps its row, marked `closed`, with the slot it was seen closed at.

use std::collections::HashMap;
use std::sync::OnceLock;

use anchor_lang::prelude::Pubkey;
use io_decoder::{Decoded, Field, FieldShape, schema};
use serde_json::Value;
use sqlx::{Postgres, Row, Transaction};

use crate::{Store, StoreError};

/// The column every table orders its writes by, besides the slot, when the type has it.
const REVISION: &str = "revision";

/// One account type's table.
#[derive(Clone, Debug)]
pub struct AccountTable {
    pub program: Pubkey,
    /// The account type's name in the IDL (`Lease`).
    pub account: &'static str,
    /// The table's name (`market_lease`).
    pub table: String,
    pub fields: Vec<Field>,
}

/// `MarketConfig` → `market_config`.
fn snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Every account type of the five programs, in the IDLs' order.
pub fn account_tables() -> &'static [AccountTable] {
    static TABLES: OnceLock<Vec<AccountTable>> = OnceLock::new();
    TABLES.get_or_init(build_tables)
}

fn build_tables() -> Vec<AccountTable> {
    let schema = schema();
    let mut tables = Vec::new();
    for program in schema.program_ids() {
        // The schema is built from this build's own IDLs: every name it lists resolves.
        let program_name = schema.program_name(&program).expect("listed program");
        for (account, _) in schema.account_types(&program).expect("listed program") {
            let fields = schema
                .account_fields(&program, account)
                .expect("an account type is a struct of named fields");
            let name = snake(account);
            // `market` + `MarketConfig` is `market_config`, not `market_market_config`.
            let table = if name.starts_with(&format!("{program_name}_")) {
                name
            } else {
                format!("{program_name}_{name}")
            };
            tables.push(AccountTable {
                program,
                account,
                table,
                fields,
            });
        }
    }
    tables
}

fn sql_type(shape: FieldShape) -> &'static str {
    match shape {
        FieldShape::Address | FieldShape::Label | FieldShape::Text | FieldShape::Hex => "text",
        FieldShape::Unsigned(bits) if bits <= 16 => "integer",
        FieldShape::Unsigned(bits) if bits <= 32 => "bigint",
        FieldShape::Unsigned(bits) if bits <= 64 => "numeric(20)",
        FieldShape::Unsigned(_) => "numeric(39)",
        FieldShape::Signed(bits) if bits <= 32 => "integer",
        FieldShape::Signed(bits) if bits <= 64 => "bigint",
        FieldShape::Signed(_) => "numeric(39)",
        FieldShape::Bool => "boolean",
        FieldShape::Json => "jsonb",
    }
}

/// The migration creating every account table, as committed.
pub fn migration_sql() -> String {
    let mut sql = String::from(
        "-- Generated from the committed IDLs (programs/idl) by io-store's accounts.rs: a table per\n\
         -- account type of the five programs, a column per top-level field. Do not edit: change the\n\
         -- programs, regenerate the IDLs, then run\n\
         --   IO_BLESS=1 cargo test -p io-store --test store account_tables\n\
         -- Addresses are base58 text, amounts numeric, bytes hex text, enums without fields their\n\
         -- variant's name, nested values jsonb. `slot` is the slot the row was read at; `closed`\n\
         -- marks an account that no longer exists (its last values are kept).\n",
    );
    for table in account_tables() {
        sql.push_str(&format!(
            "\n-- {} of {}\ncreate table {} (\n    address text primary key,\n    slot numeric(20) not null,\n    closed boolean not null default false,\n",
            table.account,
            schema().program_name(&table.program).expect("listed program"),
            table.table
        ));
        for field in &table.fields {
            sql.push_str(&format!(
                "    \"{}\" {} not null,\n",
                field.name,
                sql_type(field.shape)
            ));
        }
        sql.push_str("    updated_at timestamptz not null default now()\n);\n");
    }
    sql
}

impl AccountTable {
    fn has_revision(&self) -> bool {
        self.fields.iter().any(|f| f.name == REVISION)
    }

    /// The table's columns in the order rows are staged: address, slot, closed, the fields
    /// (`updated_at` is left to its default).
    fn columns(&self) -> Vec<String> {
        ["address", "slot", "closed"]
            .into_iter()
            .map(String::from)
            .chain(self.fields.iter().map(|f| format!("\"{}\"", f.name)))
            .collect()
    }

    /// The upsert of every row staged in `stage`: each written only over an older
    /// `(slot, revision)`.
    fn upsert_from_sql(&self, stage: &str) -> String {
        let columns = self.columns().join(", ");
        let updates: Vec<String> = self
            .columns()
            .iter()
            .skip(1)
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        let newer = if self.has_revision() {
            format!(
                "({t}.slot, {t}.\"{REVISION}\") < (excluded.slot, excluded.\"{REVISION}\")",
                t = self.table
            )
        } else {
            format!("{}.slot < excluded.slot", self.table)
        };
        format!(
            "insert into {t} ({columns}) select {columns} from {stage} \
             on conflict (address) do update set {}, updated_at = now() where {newer}",
            updates.join(", "),
            t = self.table,
        )
    }

    /// The decoded fields as the text each column's cast reads.
    fn values(&self, decoded: &Decoded) -> Result<Vec<String>, StoreError> {
        self.fields
            .iter()
            .map(|field| {
                let value = decoded.value.get(field.name).unwrap_or(&Value::Null);
                let text = match (field.shape, value) {
                    (FieldShape::Json, value) => Some(value.to_string()),
                    (_, Value::String(text)) => Some(text.clone()),
                    (_, Value::Number(number)) => Some(number.to_string()),
                    (FieldShape::Bool, Value::Bool(flag)) => Some(flag.to_string()),
                    _ => None,
                };
                text.ok_or_else(|| StoreError::Shape {
                    table: self.table.clone(),
                    column: field.name,
                    value: value.to_string(),
                })
            })
            .collect()
    }
}

/// An account as read at `slot`, decoded.
#[derive(Clone, Debug)]
pub struct AccountState {
    pub address: Pubkey,
    pub slot: u64,
    pub decoded: Decoded,
}

fn table_of<'a>(
    tables: &'a [AccountTable],
    program: &Pubkey,
    decoded: &Decoded,
) -> Result<&'a AccountTable, StoreError> {
    tables
        .iter()
        .find(|t| t.program == *program && t.account == decoded.name)
        .ok_or_else(|| StoreError::NoTable {
            program: decoded.program,
            account: decoded.name,
        })
}

impl Store {
    /// Writes the accounts of `program`, each over an older row only, in one transaction: per
    /// table, the rows are staged by `COPY` and upserted by one statement, the newest state of
    /// an address only when a batch holds it twice. Returns how many rows were written (new or
    /// newer).
    pub async fn upsert_accounts(
        &self,
        program: &Pubkey,
        accounts: &[AccountState],
    ) -> Result<u64, StoreError> {
        let tables = account_tables();
        // Per table, per address, the newest `(slot, revision)`: one statement may not write a
        // row twice, and the older state would lose anyway.
        let mut by_table: Vec<(&AccountTable, Vec<&AccountState>)> = Vec::new();
        let mut seen: HashMap<Pubkey, (usize, usize)> = HashMap::with_capacity(accounts.len());
        for account in accounts {
            let table = table_of(tables, program, &account.decoded)?;
            let index = match by_table.iter().position(|(t, _)| t.table == table.table) {
                Some(index) => index,
                None => {
                    by_table.push((table, Vec::new()));
                    by_table.len() - 1
                }
            };
            let rows = &mut by_table[index].1;
            match seen.get(&account.address) {
                // The same address under another type cannot happen (one account, one
                // discriminator); the newer state of this one replaces the older.
                Some(&(held_table, row)) if held_table == index => {
                    if order(rows[row]) < order(account) {
                        rows[row] = account;
                    }
                }
                _ => {
                    seen.insert(account.address, (index, rows.len()));
                    rows.push(account);
                }
            }
        }
        let mut tx = self.pool.begin().await?;
        let mut written = 0;
        for (table, rows) in &by_table {
            written += upsert(&mut tx, table, rows).await?;
        }
        tx.commit().await?;
        Ok(written)
    }

    /// Marks closed every row of `program`'s tables whose address is not in `present` and that
    /// was read before `slot`: a snapshot at `slot` that no longer lists an account. Returns how
    /// many rows were marked.
    pub async fn close_missing(
        &self,
        program: &Pubkey,
        present: &[Pubkey],
        slot: u64,
    ) -> Result<u64, StoreError> {
        let present: Vec<String> = present.iter().map(Pubkey::to_string).collect();
        let mut tx = self.pool.begin().await?;
        let mut closed = 0;
        for table in account_tables().iter().filter(|t| t.program == *program) {
            let result = sqlx::query(&format!(
                "update {} set closed = true, slot = $2::numeric, updated_at = now() \
                 where not closed and slot < $2::numeric and address <> all($1)",
                table.table
            ))
            .bind(&present)
            .bind(slot.to_string())
            .execute(&mut *tx)
            .await?;
            closed += result.rows_affected();
        }
        tx.commit().await?;
        Ok(closed)
    }

    /// One mirrored account as JSON (its columns, amounts as numbers or strings as stored), or
    /// `None` when the table has no row for it.
    pub async fn account_row(
        &self,
        table: &str,
        address: &Pubkey,
    ) -> Result<Option<Value>, StoreError> {
        if !account_tables().iter().any(|t| t.table == table) {
            return Err(StoreError::UnknownTable(table.to_string()));
        }
        let row = sqlx::query(&format!(
            "select to_jsonb(t) - 'updated_at' as row from {table} t where address = $1"
        ))
        .bind(address.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| row.try_get("row").map_err(StoreError::from))
            .transpose()
    }

    /// How many rows each account table holds, closed ones included, by table name.
    pub async fn account_counts(&self) -> Result<Vec<(String, i64)>, StoreError> {
        let mut counts = Vec::new();
        for table in account_tables() {
            let row = sqlx::query(&format!("select count(*) as n from {}", table.table))
                .fetch_one(&self.pool)
                .await?;
            counts.push((table.table.clone(), row.try_get("n")?));
        }
        Ok(counts)
    }
}

/// Where a state stands in its account's history: `(slot, revision)`.
fn order(state: &AccountState) -> (u64, u64) {
    let revision = state
        .decoded
        .value
        .get(REVISION)
        .and_then(Value::as_u64)
        .unwrap_or(0);
    (state.slot, revision)
}

/// Writes `rows` of `table`: `COPY` into a temporary staging table of the same columns
/// (created once per connection, emptied when the transaction ends; `upsert_accounts` stages
/// each table once per transaction), then one upsert from it.
async fn upsert(
    tx: &mut Transaction<'_, Postgres>,
    table: &AccountTable,
    rows: &[&AccountState],
) -> Result<u64, StoreError> {
    let stage = format!("stage_{}", table.table);
    sqlx::query(&format!(
        "create temporary table if not exists {stage} (like {} including defaults) \
         on commit delete rows",
        table.table
    ))
    .execute(&mut **tx)
    .await?;
    let mut text = String::new();
    for row in rows {
        copy_field(&mut text, &row.address.to_string());
        text.push('\t');
        copy_field(&mut text, &row.slot.to_string());
        text.push_str("\tf");
        for value in table.values(&row.decoded)? {
            text.push('\t');
            copy_field(&mut text, &value);
        }
        text.push('\n');
    }
    let mut copy = tx
        .copy_in_raw(&format!(
            "copy {stage} ({}) from stdin",
            table.columns().join(", ")
        ))
        .await?;
    copy.send(text.into_bytes()).await?;
    copy.finish().await?;
    let written = sqlx::query(&table.upsert_from_sql(&stage))
        .execute(&mut **tx)
        .await?
        .rows_affected();
    Ok(written)
}

/// `value` as one field of `COPY`'s text format: backslash, tab, newline and carriage return
/// escaped.
fn copy_field(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}
