#!/usr/bin/env bash
# Runs every test of the workspace: glue, program tests in LiteSVM, client and harness.
# On a fresh Debian machine it first installs what is missing (scripts/bootstrap.sh).
#   scripts/test.sh                 # everything
#   scripts/test.sh -p market       # one crate (arguments go to cargo nextest / cargo test)
#   IO_SBF_DIR=path scripts/test.sh # the same tests against SBF ELF files instead of native code
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
scripts/bootstrap.sh

if cargo nextest --version >/dev/null 2>&1; then
  exec cargo nextest run --locked --workspace --no-fail-fast "$@"
else
  exec cargo test --locked --workspace --no-fail-fast "$@"
fi
