#!/usr/bin/env bash
# Adds a migration NAME to both providers from the one model. (To undo one that has not landed:
# delete its files and restore ChiBoDbModelSnapshot.cs from git; `ef migrations remove` wants a server.)
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 1 ] || { echo "usage: scripts/migration-add.sh NAME" >&2; exit 2; }
dotnet tool restore >/dev/null
for provider in Sqlite Postgres; do
  dotnet ef migrations add "$1" --project "src/ChiBo.Migrations.$provider" --startup-project "src/ChiBo.Migrations.$provider" -o Migrations
done
