#!/usr/bin/env bash
# Runs every test of the workspace: the native-SVM glue, each program's tests in LiteSVM, the
# client and harness, and the end-to-end tests (local network over real RPC, real Postgres).
# On a fresh Debian machine it first installs what is missing (scripts/bootstrap.sh) and starts
# a private Postgres (scripts/postgres.sh), which it stops again unless it was already running.
#   scripts/test.sh                 # everything
#   scripts/test.sh -p market       # one crate (arguments go to cargo nextest / cargo test)
#   IO_SBF_DIR=path scripts/test.sh # the same tests against SBF ELF files instead of native code
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/bootstrap.sh

started_postgres=""
if [ -z "${DATABASE_URL:-}" ] && ! scripts/postgres.sh status >/dev/null 2>&1; then
  started_postgres=yes
fi
DATABASE_URL=$(scripts/postgres.sh start)
export DATABASE_URL
stop_postgres() { if [ -n "$started_postgres" ]; then scripts/postgres.sh stop >/dev/null; fi; }
trap stop_postgres EXIT

# The whole workspace unless the arguments choose packages (`-p name`).
scope=(--workspace)
[ $# -gt 0 ] && scope=()
if cargo nextest --version >/dev/null 2>&1; then
  cargo nextest run --locked "${scope[@]}" --no-fail-fast "$@"
else
  cargo test --locked "${scope[@]}" --no-fail-fast "$@"
fi
