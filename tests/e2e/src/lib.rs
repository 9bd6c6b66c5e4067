//! End-to-end tests of the IO protocol live in `tests/`: the local network over its real RPC,
//! the indexer and a real Postgres (`DATABASE_URL`, started by `scripts/test.sh`).
