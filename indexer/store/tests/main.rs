//! The store against a real Postgres (`DATABASE_URL`, as `scripts/test.sh` provides it), and the
//! generated account tables against the committed migration.

mod accounts;
