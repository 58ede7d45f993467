"""Run the Alembic migrations to head from inside the installed package (no alembic.ini needed)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

MIGRATIONS = Path(__file__).with_name("migrations")
# Any fixed 64-bit number: serialises concurrent first-time migrations on one PostgreSQL database.
PG_LOCK_KEY = 7_042_251_911


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Migrate to head; a database already at head costs one query."""
    with engine.connect() as conn:
        if current_revision(conn) == head_revision():
            return
    cfg = alembic_config()
    with engine.connect().execution_options(peacetalks_write=True) as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # A batch migration recreates a table; dropping the old copy with foreign keys on
            # would cascade-delete every child row. The pragma is ignored inside a transaction,
            # so it is set on the raw connection before Alembic begins one.
            _raw_pragma(conn, "PRAGMA foreign_keys=OFF")
        else:
            with conn.begin():
                conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": PG_LOCK_KEY})
        try:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
            if sqlite:
                with conn.begin():
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise RuntimeError(f"migration left a dangling foreign key: {tuple(broken)}")
        finally:
            if sqlite:
                _raw_pragma(conn, "PRAGMA foreign_keys=ON")
            else:
                with conn.begin():
                    conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": PG_LOCK_KEY})


def _raw_pragma(conn: Connection, sql: str) -> None:
    """Run a pragma outside any transaction (the DBAPI connection is in autocommit mode)."""
    conn.connection.dbapi_connection.execute(sql)  # type: ignore[union-attr]
