"""Database URLs and engines: SQLite (WAL) for the embedded default, PostgreSQL via psycopg 3."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Optional

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url

DEFAULT_PATH = "peacetalks.db"
ENV_VAR = "PEACETALKS_DB"
# How long a SQLite writer waits for another writer's lock before failing (milliseconds).
BUSY_TIMEOUT_MS = 30_000
# Execution option that makes a SQLite transaction take the write lock up front (BEGIN IMMEDIATE),
# so two writers queue on busy_timeout instead of failing on a lock upgrade half-way.
WRITE_OPTION = "peacetalks_write"


class StoreError(RuntimeError):
    """A store problem worth a one-line message: bad URL, unreachable database, bad export."""


def normalize_url(url: Optional[str] = None) -> URL:
    """None -> $PEACETALKS_DB or ./peacetalks.db; a plain path -> sqlite; postgres -> psycopg 3."""
    raw = url if url is not None else os.environ.get(ENV_VAR) or DEFAULT_PATH
    if "://" not in raw:
        return URL.create("sqlite", database=str(Path(raw).expanduser()))
    try:
        parsed = make_url(raw)
    except Exception as exc:  # sqlalchemy raises ArgumentError with a long message
        raise StoreError(f"not a database URL: {raw!r}") from exc
    backend = parsed.get_backend_name()
    if backend in ("postgresql", "postgres"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        return parsed.set(drivername="sqlite")
    raise StoreError(f"unsupported database {backend!r}: use a SQLite path/URL or postgresql://")


def create(url: URL) -> Engine:
    if url.get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})


def _sqlite_engine(url: URL) -> Engine:
    database = url.database or ""
    in_memory = database in ("", ":memory:")
    if not in_memory:
        Path(database).parent.mkdir(parents=True, exist_ok=True)
    kwargs: dict[str, Any] = {"connect_args": {"check_same_thread": False}}
    if in_memory:
        # one shared connection, or every checkout would see a fresh empty database
        from sqlalchemy.pool import StaticPool
        kwargs["poolclass"] = StaticPool
    engine = create_engine(url, **kwargs)
    _install_sqlite_hooks(engine, wal=not in_memory)
    return engine


def _install_sqlite_hooks(engine: Engine, wal: bool) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" hook below issue BEGIN itself: pysqlite's implicit
        # transactions start late and break read-then-write atomicity.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        if wal:
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_MS)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def display(url: URL) -> str:
    """The URL without its password, for messages."""
    return url.render_as_string(hide_password=True)
