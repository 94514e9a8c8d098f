#!/usr/bin/env bash
# Install everything the tests need, start a throwaway PostgreSQL server, lint, run the suite.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --system

pgdir="$(mktemp -d -t newsevents-pg.XXXXXX)"
NEWSEVENTS_TEST_PG_URL="$(bash scripts/postgres.sh start "$pgdir")"
export NEWSEVENTS_TEST_PG_URL
trap 'bash scripts/postgres.sh stop "$pgdir" >/dev/null 2>&1 || true' EXIT

.venv/bin/ruff check src tests bench scripts
.venv/bin/python -m pytest -q "$@"
