#!/usr/bin/env bash
# Install newsevents into .venv in this checkout. With --system, also install the Debian
# packages the test suite uses (PostgreSQL 15 server, Chromium for the dashboard tests).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--system" ]; then
    need=()
    [ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql)
    [ -x /usr/bin/chromium ] || need+=(chromium)
    if [ ${#need[@]} -gt 0 ]; then
        sudo_cmd=""
        [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
        $sudo_cmd apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${need[@]}" >/dev/null
    fi
fi

python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# Exact versions from constraints.txt, so that every checkout and CI test the same set.
.venv/bin/python -m pip install -q -c constraints.txt -e ".[test]"
