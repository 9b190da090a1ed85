#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK: PostgreSQL, Chromium and a Times-metric font
# (Debian packages; the browser tests and the server's PDF printing drive /usr/bin/chromium through
# Playwright's bundled driver, nothing is downloaded by Playwright itself), the local dotnet tools. Safe to run again: it only installs what is missing.
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
# The PDFs the server prints ask for Times New Roman; Liberation Serif has its metrics and the
# Vietnamese letters, so a page breaks where it would in Word.
if ! fc-list 2>/dev/null | grep -q "Liberation Serif"; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq fonts-liberation
fi
dotnet tool restore >/dev/null
