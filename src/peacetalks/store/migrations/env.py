"""Alembic environment: run with a connection handed over by ``peacetalks.store.migrate``,
or standalone (``alembic -c src/peacetalks/store/alembic.ini upgrade head``) on $PEACETALKS_DB."""

from __future__ import annotations

from alembic import context

from peacetalks.store.schema import metadata
from peacetalks.store.search import outside_metadata


def _include(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    # the full-text index is created by hand (store/search.py), not from schema.py
    return not (reflected and outside_metadata(name))


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection, target_metadata=metadata, include_object=_include,
        render_as_batch=connection.dialect.name == "sqlite",  # SQLite cannot ALTER most things
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from peacetalks.store.engine import create, normalize_url

    engine = create(normalize_url(context.config.get_main_option("sqlalchemy.url") or None))
    with engine.connect() as conn:
        _run(conn)
    engine.dispose()


if context.is_offline_mode():
    raise SystemExit("offline (SQL script) migrations are not supported; run against a database")
run_migrations_online()
