#!/usr/bin/env bash
# A PostgreSQL server for the tests, the indexer and the local network.
#
#   scripts/postgres.sh start   # prints the DATABASE_URL to use
#   scripts/postgres.sh stop
#   scripts/postgres.sh status  # the DATABASE_URL, and the cluster's folder on stderr
#
# With DATABASE_URL set, that server is used as it is (it must be reachable). Otherwise Debian's
# PostgreSQL is installed when missing and a private cluster of this checkout runs as the
# `postgres` user when started by root (initdb refuses root), on port $IO_PG_PORT (default
# 54329) with its unix socket beside its data. Every failure is one line on stderr and a
# non-zero exit; a failed start leaves nothing running.
#
# The cluster lives outside the checkout, in $IO_PG_DIR (default
# /var/tmp/io-postgres-<hash of the checkout's path>): a checkout under a home directory only its
# owner may enter (root's, mode 700) is out of the `postgres` user's reach, and the hash keeps
# each checkout's cluster its own.
set -euo pipefail
cd "$(dirname "$0")/.."

root=$(pwd)
state="${IO_PG_DIR:-/var/tmp/io-postgres-$(printf %s "$root" | sha256sum | cut -c1-12)}"
data="$state/cluster"
run="$state/run"
log="$state/server.log"
port="${IO_PG_PORT:-54329}"
url_for() { echo "postgres://io@127.0.0.1:$1/io"; }
url=$(url_for "$port")

fail() { echo "postgres: $*" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

bin_dir() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

install_server() {
  [ -n "$(bin_dir)" ] && return 0
  echo "postgres: installing Debian's postgresql" >&2
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
      --no-install-recommends postgresql >/dev/null; } \
    || fail "could not install Debian's postgresql (apt-get failed); install it or set DATABASE_URL"
  # The package starts a system cluster on 5432; ours is separate and that one is not needed.
  $sudo pg_ctlcluster --help >/dev/null 2>&1 && $sudo service postgresql stop >/dev/null 2>&1 || true
  [ -n "$(bin_dir)" ] || fail "postgresql installed but pg_ctl not found under /usr/lib/postgresql"
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# The port our running cluster listens on (line 4 of postmaster.pid).
running_port() { sed -n 4p "$data/postmaster.pid" 2>/dev/null; }

ours_running() {
  local bin
  bin=$(bin_dir) || return 1
  [ -f "$data/postmaster.pid" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

external() {
  command -v pg_isready >/dev/null || fail "DATABASE_URL is set but pg_isready (postgresql-client) is missing"
  pg_isready -q -d "$DATABASE_URL" -t 5 \
    || fail "DATABASE_URL points to a server that does not answer: ${DATABASE_URL%%\?*}"
  echo "$DATABASE_URL"
}

start() {
  if [ -n "${DATABASE_URL:-}" ]; then external; return; fi
  install_server
  local bin
  bin=$(bin_dir)
  if ours_running && [ "$(running_port)" = "$port" ]; then
    echo "$url"
    return
  fi
  port_in_use "$port" && fail "port $port is taken by another process; stop it or set IO_PG_PORT"
  ours_running && fail "the private cluster already runs on port $(running_port), not $port; stop it first"
  mkdir -p "$run" || fail "cannot create $run (set IO_PG_DIR to a writable folder)"
  chmod 700 "$state"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data"
    [ "$(id -u)" -eq 0 ] && chown -R postgres: "$state"
    as_owner "$bin/initdb" -D "$data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null \
      || fail "initdb failed in $data"
  fi
  [ "$(id -u)" -eq 0 ] && chown -R postgres: "$state"
  if ! as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 30 \
      -o "-p $port -k $run -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" \
      start >/dev/null; then
    as_owner "$bin/pg_ctl" -D "$data" -m immediate stop >/dev/null 2>&1 || true
    fail "the server did not start; see $log"
  fi
  as_owner "$bin/psql" -h "$run" -p "$port" -U postgres -d postgres -qAt \
      -c "do \$\$ begin if not exists (select from pg_roles where rolname = 'io') then create role io login createdb; end if; end \$\$;" \
      >/dev/null || { stop >/dev/null; fail "could not create the io role"; }
  if ! as_owner "$bin/psql" -h "$run" -p "$port" -U postgres -d postgres -qAt \
      -c "select 1 from pg_database where datname = 'io'" | grep -q 1; then
    as_owner "$bin/createdb" -h "$run" -p "$port" -U postgres -O io io \
      || { stop >/dev/null; fail "could not create the io database"; }
  fi
  echo "$url"
}

# Stops the private cluster if it runs; an external DATABASE_URL server is never touched.
stop() {
  if ours_running; then
    as_owner "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null || fail "could not stop the server in $data"
    echo "postgres: stopped"
  else
    echo "postgres: not running"
  fi
}

status() {
  if [ -n "${DATABASE_URL:-}" ]; then external; return; fi
  ours_running || fail "not running (start it with scripts/postgres.sh start)"
  echo "postgres: cluster in $state" >&2
  url_for "$(running_port)"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) fail "usage: scripts/postgres.sh start|stop|status" ;;
esac
