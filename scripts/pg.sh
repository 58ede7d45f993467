#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on loopback for the tests.
#   scripts/pg.sh start   -> prints the database URL (postgresql://...)
#   scripts/pg.sh stop
# Uses Debian's binaries (/usr/lib/postgresql/*/bin) or whatever initdb is on PATH.
# As root the cluster runs as the 'postgres' user (PostgreSQL refuses to run as root).
set -euo pipefail
DIR=${PEACETALKS_PG_DIR:-/tmp/peacetalks-pg-$(id -u)}
PORT=${PEACETALKS_PG_PORT:-55439}
# runuser lives in /usr/sbin, which minimal environments (cron, env -i, some CI) leave off PATH
PATH="$PATH:/usr/sbin:/sbin"

bindir() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return; }
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "${1:-}" in
  start)
    BIN=$(bindir) || { echo "scripts/pg.sh: no PostgreSQL binaries found (apt-get install postgresql)" >&2; exit 3; }
    if [ "$(id -u)" = 0 ] && ! id postgres >/dev/null 2>&1; then
      useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    fi
    if [ -f "$DIR/data/postmaster.pid" ]; then as_owner "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$DIR"; mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
      || as_owner "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1
    as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c full_page_writes=off" start >/dev/null
    as_owner "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres peacetalks_test
    echo "postgresql://postgres@127.0.0.1:$PORT/peacetalks_test"
    ;;
  stop)
    BIN=$(bindir) || exit 0
    [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  *)
    echo "usage: scripts/pg.sh start|stop" >&2; exit 2 ;;
esac
