"""PostgreSQL: the same store, the same records. Needs PEACETALKS_TEST_PG_URL (a server where we may
create and drop a scratch database), e.g. postgresql://postgres@127.0.0.1:55432/postgres."""

from __future__ import annotations

import json
import os
import threading
import uuid
from pathlib import Path
from typing import Iterator

import pytest

from peacetalks.records import DocumentResult
from peacetalks.store import Store
from peacetalks.store.demo import demo_documents, load_demo

pytestmark = pytest.mark.postgres
PG_URL = os.environ.get("PEACETALKS_TEST_PG_URL")
# Columns that record when something was stored: they differ between two stores by nature.
CLOCK = {"ingested_at", "created_at", "started_at", "finished_at", "at"}


@pytest.fixture()
def pg_url() -> Iterator[str]:
    if not PG_URL:
        pytest.skip("PEACETALKS_TEST_PG_URL is not set")
    import psycopg
    from sqlalchemy.engine import make_url

    base = make_url(PG_URL)
    name = f"peacetalks_test_{uuid.uuid4().hex[:10]}"
    admin = base.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')  # a generated identifier, not user input
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _export(store: Store, folder: Path) -> dict[str, list[dict]]:
    store.export(folder)
    out = {}
    for file in sorted(folder.glob("*.jsonl")):
        rows = [json.loads(line) for line in file.read_text(encoding="utf-8").splitlines()]
        out[file.name] = [{k: v for k, v in r.items() if k not in CLOCK} for r in rows]
    return out


def test_sqlite_and_postgres_store_the_same_records(pg_url: str, tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "lite.db")) as lite, Store.open(pg_url) as pg:
        assert pg.url.startswith("postgresql+psycopg://")
        for st in (lite, pg):
            assert set(load_demo(st).values()) == {"stored"}
            assert set(load_demo(st).values()) == {"duplicate"}
        assert pg.events() == lite.events()
        assert pg.events(actor="ministry", country="UKR", since="2025-08-12") == \
            lite.events(actor="ministry", country="UKR", since="2025-08-12")
        assert pg.meetings() == lite.meetings() and pg.positions() == lite.positions()
        assert pg.place_mentions() == lite.place_mentions()
        for doc_id in ("demo-talks", "demo-talks-reprint", "demo-hostile"):
            a, b = pg.document(doc_id), lite.document(doc_id)
            assert {k: v for k, v in a.items() if k != "ingested_at"} == \
                {k: v for k, v in b.items() if k != "ingested_at"}
        assert pg.stats() == lite.stats()
        assert _export(pg, tmp_path / "pg") == _export(lite, tmp_path / "lite")


def test_postgres_schema_matches_the_migrations(pg_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from peacetalks.store import schema
    from peacetalks.store.search import outside_metadata

    with Store.open(pg_url) as pg, pg.engine.connect() as conn:
        diffs = compare_metadata(MigrationContext.configure(conn), schema.metadata)
        # the GIN full-text index on an expression is created by hand (store/search.py)
        assert [d for d in diffs if not (d[0] == "remove_index" and outside_metadata(d[1].name))] == []


def test_postgres_import_from_sqlite_export(pg_url: str, tmp_path: Path) -> None:
    with Store.open(str(tmp_path / "lite.db")) as lite, Store.open(pg_url) as pg:
        load_demo(lite)
        run = lite.start_run(["in.jsonl"])
        lite.record_item(run, "in.jsonl", "failed", "bad line", line=3)
        lite.export(tmp_path / "a")
        assert pg.import_(tmp_path / "a")["inserted"]["documents"] == 3
        assert sum(pg.import_(tmp_path / "a")["inserted"].values()) == 0
        pg.export(tmp_path / "b")
        files = sorted(p.name for p in (tmp_path / "a").iterdir())
        for name in files:
            assert (tmp_path / "a" / name).read_text() == (tmp_path / "b" / name).read_text(), name
        assert pg.runs()[0]["errors"][0]["message"] == "bad line"


def test_postgres_concurrent_duplicates_store_once(pg_url: str) -> None:
    Store.open(pg_url).close()
    doc, sents, result = demo_documents()[0]
    outcomes: list[str] = []

    def writer() -> None:
        with Store.open(pg_url) as st:
            outcomes.append(st.save_document(doc, sents, result))

    threads = [threading.Thread(target=writer) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(outcomes) == ["duplicate"] * 3 + ["stored"]
    with Store.open(pg_url) as st:
        assert st.stats()["counts"]["documents"] == 1
        assert st.save_document({"id": "x", "text": "Another text."}, [], DocumentResult(id="x")) == "stored"
