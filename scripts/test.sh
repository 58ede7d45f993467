#!/usr/bin/env bash
# The test command (what `make test` and CI run): the whole suite, with PostgreSQL.
# Uses $PEACETALKS_TEST_PG_URL when set; otherwise starts a throwaway cluster when the
# binaries are present (tests marked `postgres` skip, saying why, when there is none).
set -uo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
started=""
if [ -z "${PEACETALKS_TEST_PG_URL:-}" ]; then
  if url=$(scripts/pg.sh start 2>/dev/null); then
    export PEACETALKS_TEST_PG_URL=$url; started=1
    echo "scripts/test.sh: throwaway PostgreSQL at $url"
  else
    echo "scripts/test.sh: no PostgreSQL binaries; PostgreSQL tests will be skipped"
  fi
fi
"$PY" -m pytest "$@"
rc=$?
[ -n "$started" ] && scripts/pg.sh stop
exit $rc
