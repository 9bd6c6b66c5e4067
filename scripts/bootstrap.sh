#!/usr/bin/env bash
# Installs the system packages the build needs when they are missing (Debian 12), and checks the
# pinned Rust toolchain. Safe to run again: it installs nothing that is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# pkg-config + libssl-dev: openssl-sys (through LiteSVM's secp256r1 precompile), built against
# Debian's OpenSSL.
packages=(pkg-config libssl-dev)
# postgresql-client: pg_isready for an external DATABASE_URL (the server comes with
# scripts/postgres.sh).
packages+=(postgresql-client)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

expected=$(sed -n 's/^channel = "\(.*\)"/\1/p' rust-toolchain.toml)
actual=$(rustc --version | cut -d' ' -f2)
if [ "$actual" != "$expected" ]; then
  echo "bootstrap: rustc is $actual but rust-toolchain.toml pins $expected" >&2
  exit 1
fi
echo "bootstrap: system packages present, rustc $actual"
