#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: PostgreSQL and Chromium (Debian packages; the
# browser tests drive /usr/bin/chromium through Playwright's bundled driver, nothing is downloaded
# by Playwright itself), the local dotnet tools. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql postgresql-contrib
  service postgresql stop >/dev/null 2>&1 || true
fi
if [ ! -x /usr/bin/chromium ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-dejavu-core
fi
dotnet tool restore >/dev/null
