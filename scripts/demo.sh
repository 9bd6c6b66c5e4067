#!/usr/bin/env bash
# The local demo: Postgres, the local network with every program, the indexer; prints what
# happened and exits 0. `--keep-running` keeps everything up until Ctrl-C.
#   scripts/demo.sh
#   scripts/demo.sh --keep-running
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/bootstrap.sh >/dev/null

started_postgres=""
if [ -z "${DATABASE_URL:-}" ]; then
  if ! scripts/postgres.sh status >/dev/null 2>&1; then started_postgres=yes; fi
fi
DATABASE_URL=$(scripts/postgres.sh start)
export DATABASE_URL
stop_postgres() { if [ -n "$started_postgres" ]; then scripts/postgres.sh stop >/dev/null; fi; }
trap stop_postgres EXIT

cargo build --locked -q -p io-demo
"${CARGO_TARGET_DIR:-target}/debug/io-demo" "$@"
