#!/usr/bin/env bash
# Starts a private PostgreSQL cluster for tests and benchmarks: 127.0.0.1, port $CHIBO_PG_PORT
# (default 55432), data in .pg/ of the repository, trust authentication for the local user
# "postgres". Installs PostgreSQL from Debian's packages when it is missing.
# Prints the connection string; `source scripts/postgres.sh` also exports CHIBO_TEST_PG.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
port="${CHIBO_PG_PORT:-55432}"
dir="$repo/.pg"

bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [ -x "$candidate/initdb" ] && bin="$candidate"
done
if [ -z "$bin" ]; then
  echo "Cài đặt PostgreSQL từ kho gói Debian…" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql postgresql-contrib >&2
  # The package starts a cluster of its own on 5432; ours is private, so stop that one.
  (service postgresql stop || pg_ctlcluster --help >/dev/null 2>&1) >/dev/null 2>&1 || true
  for candidate in /usr/lib/postgresql/*/bin; do
    [ -x "$candidate/initdb" ] && bin="$candidate"
  done
fi

as_pg() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

mkdir -p "$dir"
[ "$(id -u)" = "0" ] && chown postgres "$dir"
if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  cat >> "$dir/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 1GB
work_mem = 64MB
maintenance_work_mem = 1GB
max_wal_size = 4GB
CONF
fi
if ! as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
  # Explicit: when sourced from a `||` list, `set -e` does not stop the script.
  if ! as_pg "$bin/pg_ctl" -D "$dir/data" -o "-p $port" -l "$dir/log" -w start >/dev/null; then
    echo "PostgreSQL did not start on port $port (another server on it?); see $dir/log" >&2
    return 1 2>/dev/null || exit 1
  fi
fi

export CHIBO_TEST_PG="Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true"
echo "$CHIBO_TEST_PG"
