#!/usr/bin/env bash
# Start or stop a throwaway PostgreSQL 15 server for the test suite.
#
#   scripts/postgres.sh start [DIR]   # prints the connection URL on stdout
#   scripts/postgres.sh stop  [DIR]
#
# The cluster lives in DIR (default: a new temporary folder; the folder is printed on stderr
# and must be given back to `stop`). The server listens on 127.0.0.1 on a free port and trusts
# local connections, which is only acceptable because it is thrown away after the tests.
# initdb refuses to run as root, so when invoked as root the server runs as `postgres`.
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
ACTION="${1:-}"
DIR="${2:-}"

as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 - <<'PY'
import socket
with socket.socket() as s:
    s.bind(("127.0.0.1", 0))
    print(s.getsockname()[1])
PY
}

start() {
    if [ ! -x "$PG_BIN/initdb" ]; then
        echo "postgres.sh: $PG_BIN/initdb not found (install postgresql-15)" >&2
        exit 1
    fi
    if [ -z "$DIR" ]; then
        DIR="$(mktemp -d -t newsevents-pg.XXXXXX)"
    fi
    mkdir -p "$DIR"
    if [ "$(id -u)" = 0 ]; then
        chown postgres: "$DIR"
    fi
    local port
    port="$(free_port)"
    as_owner "$PG_BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --no-locale \
        >"$DIR/initdb.log" 2>&1 || { cat "$DIR/initdb.log" >&2; exit 1; }
    as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
        -o "-p $port -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
        || { cat "$DIR/server.log" >&2; exit 1; }
    echo "$port" >"$DIR/port"
    echo "postgres.sh: cluster in $DIR (stop with: scripts/postgres.sh stop $DIR)" >&2
    echo "postgresql://postgres@127.0.0.1:$port/postgres"
}

stop() {
    if [ -z "$DIR" ] || [ ! -d "$DIR/data" ]; then
        echo "postgres.sh: give the folder printed by 'start'" >&2
        exit 2
    fi
    as_owner "$PG_BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
    rm -rf "$DIR"
}

case "$ACTION" in
    start) start ;;
    stop) stop ;;
    *) echo "usage: $0 start|stop [DIR]" >&2; exit 2 ;;
esac
