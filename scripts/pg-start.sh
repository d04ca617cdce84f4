#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on a free loopback port and prints its URL on the last line.
# Usage: url=$(bash scripts/pg-start.sh DIR)   Stop: runuser -u postgres -- pg_ctl -D DIR/data stop
set -euo pipefail
dir=${1:-$(mktemp -d /tmp/sg-pg.XXXXXX)}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
mkdir -p "$dir"
chown postgres:postgres "$dir"
runuser -u postgres -- "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 >/dev/null
runuser -u postgres -- "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off" start >/dev/null
echo "postgres://postgres@127.0.0.1:$port/postgres"
