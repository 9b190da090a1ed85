#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: PostgreSQL (Debian packages), the local
# dotnet tools. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql postgresql-contrib
  service postgresql stop >/dev/null 2>&1 || true
fi
dotnet tool restore >/dev/null
