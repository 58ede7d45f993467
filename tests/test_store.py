"""The store through its public API, on SQLite files in tmp_path (see test_store_pg.py for PostgreSQL)."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from peacetalks.records import DocumentResult
from peacetalks.store import Store, StoreError
from peacetalks.store import core, schema
from peacetalks.store.demo import demo_documents, hostile_document, load_demo, talks_document
from peacetalks.store.migrate import head_revision
from peacetalks.store.search import outside_metadata

DOC_FIELDS = {"doc_id", "published", "url", "title", "doc_source"}


@pytest.fixture()
def store(tmp_path: Path):
    with Store.open(str(tmp_path / "t.db")) as st:
        yield st


@pytest.fixture()
def loaded(store: Store) -> Store:
    load_demo(store)
    return store


def test_open_migrates_to_head_and_schema_matches_migrations(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'm.db'}") as st:
        with st.engine.connect() as conn:
            ctx = MigrationContext.configure(conn)
            assert ctx.get_current_revision() == head_revision()
            # the migrations create exactly what schema.py describes; SQLite's reflection cannot read
            # the name/ON DELETE of a column-level REFERENCES (added in place by 0002), so that one
            # foreign key shows as "different" here (test_store_pg checks it for real)
            # (the FTS5 table and its shadow tables are created by hand: store/search.py)
            diffs = [d for d in compare_metadata(ctx, schema.metadata)
                     if not (d[0] in ("add_fk", "remove_fk") and [c.name for c in d[1].columns] == ["run_id"])
                     and not (d[0] == "remove_table" and outside_metadata(d[1].name))]
            assert diffs == []
    Store.open(str(tmp_path / "m.db")).close()  # reopening an up-to-date store is a no-op


def test_sqlite_pragmas_wal_and_foreign_keys(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_default_url_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PEACETALKS_DB", str(tmp_path / "env.db"))
    with Store.open() as st:
        assert st.url.endswith("env.db")
    assert (tmp_path / "env.db").exists()


def test_unreachable_postgres_gives_a_clear_error_without_password() -> None:
    with pytest.raises(StoreError) as info:
        Store.open("postgresql://someone:s3cret@127.0.0.1:1/nowhere")
    assert "cannot open database" in str(info.value)
    assert "s3cret" not in str(info.value)


def test_unsupported_url_is_refused() -> None:
    with pytest.raises(StoreError, match="unsupported"):
        Store.open("mysql://localhost/db")


def test_save_is_idempotent_by_content_hash_and_id(store: Store) -> None:
    doc, sents, result = talks_document()
    assert store.save_document(doc, sents, result) == "stored"
    before = store.stats()["counts"]
    assert store.save_document(doc, sents, result) == "duplicate"
    # same text under another id, re-wrapped: still the same content
    rewrapped = {**doc, "id": "other-id", "text": doc["text"].replace(". ", ".\n  ")}
    assert store.save_document(rewrapped, sents, dataclasses.replace(result, id="other-id")) == "duplicate"
    # same id with other text
    assert store.save_document({**doc, "text": "Something else entirely."}, [], DocumentResult(id=doc["id"])) == "duplicate"
    assert store.stats()["counts"] == before


def test_near_duplicate_joins_a_story_cluster(loaded: Store) -> None:
    original = loaded.document("demo-talks")
    reprint = loaded.document("demo-talks-reprint")
    assert original["cluster"] is not None
    assert original["cluster"]["id"] == reprint["cluster"]["id"]
    assert [d["id"] for d in original["cluster"]["documents"]] == ["demo-talks", "demo-talks-reprint"]
    assert loaded.document("demo-hostile")["cluster"] is None
    assert loaded.stats()["counts"]["story_clusters"] == 1


def test_a_crash_mid_save_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    real = core._insert_many

    def failing(conn, table, rows):  # type: ignore[no-untyped-def]
        if table is schema.meetings:
            raise RuntimeError("disk on fire")
        real(conn, table, rows)

    monkeypatch.setattr(core, "_insert_many", failing)
    doc, sents, result = talks_document()
    with pytest.raises(RuntimeError):
        store.save_document(doc, sents, result)
    assert all(n == 0 for n in store.stats()["counts"].values())
    monkeypatch.setattr(core, "_insert_many", real)
    assert store.save_document(doc, sents, result) == "stored"


def test_events_come_back_as_spec_records_with_their_document(loaded: Store) -> None:
    doc, _, result = talks_document()
    got = {e["id"]: e for e in loaded.events(doc="demo-talks")}
    assert set(got) == {e.id for e in result.events}
    for event in result.events:
        record = got[event.id]
        assert {k: v for k, v in record.items() if k not in DOC_FIELDS} == event.to_dict()
        assert record["doc_id"] == "demo-talks" and record["url"] == doc["url"]
        assert record["published"] == "2025-08-12" and record["doc_source"] == "Example Wire"
        ev = record["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]


def test_event_filters(loaded: Store) -> None:
    assert {e["event_type"] for e in loaded.events(type="assault")} == {"ASSAULT"}
    assert {e["event_type"] for e in loaded.events(type=["ACCUSE", "SANCTION"])} == {"ACCUSE", "SANCTION"}
    # country among actors or recipients
    ukr = loaded.events(country="UKR")
    assert {e["event_type"] for e in ukr} == {"ACCUSE", "ASSAULT", "PROTEST", "COERCE"}
    assert {e["event_type"] for e in loaded.events(country="USA")} == {"SANCTION"}
    # actor: id, or part of a name or of the text
    assert {e["event_type"] for e in loaded.events(actor="russia-mfa")} == {"ACCUSE"}
    assert {e["event_type"] for e in loaded.events(actor="foreign MINISTRY")} == {"ACCUSE"}
    assert len(loaded.events(actor="russia-mfa", doc="demo-talks-reprint")) == 1
    # dates: the event's own date; undated events drop out of date filters
    assert {e["event_type"] for e in loaded.events(since="2025-08-14")} == {"PROTEST", "COERCE"}
    assert {e["event_type"] for e in loaded.events(until="2025-08-11")} == {"ASSAULT"}
    assert loaded.events(type="SANCTION", since="2000-01-01") == []
    assert all(e["date"] for e in loaded.events(since="2025-08-01", until="2025-08-31"))
    assert loaded.events(quad="verbal_conflict", type="PROTEST")[0]["event_type"] == "PROTEST"


def test_event_order_and_paging(loaded: Store) -> None:
    everything = loaded.events()
    assert len(everything) == 8
    newest_first = loaded.events(order="-date")
    assert newest_first[0]["event_type"] in {"PROTEST", "COERCE"}
    pages = loaded.events(limit=3) + loaded.events(limit=3, offset=3) + loaded.events(limit=3, offset=6)
    assert [e["id"] for e in pages] == [e["id"] for e in everything]
    with pytest.raises(ValueError):
        loaded.events(order="sideways")
    with pytest.raises(ValueError):
        loaded.events(since="last tuesday")


def test_filters_are_bound_parameters_not_sql(loaded: Store) -> None:
    for nasty in ("%", "_", "' OR 1=1 --", "\"; DROP TABLE events; --"):
        assert loaded.events(actor=nasty) == []
        assert loaded.documents(q=nasty) == []
    assert loaded.stats()["counts"]["events"] == 8


def test_meetings_positions_mentions(loaded: Store) -> None:
    meetings = loaded.meetings(doc="demo-talks")
    assert len(meetings) == 1 and meetings[0]["status"] == "conditional"
    assert meetings[0]["preconditions"] == ["key issues prepared"]
    assert len(loaded.meetings(status="conditional")) == 2
    assert len(loaded.meetings(since="2025-08-13")) == 1  # undated: by publication date
    positions = loaded.positions(actor="russia-government")
    assert {p["doc_id"] for p in positions} == {"demo-talks", "demo-talks-reprint"}
    assert loaded.positions(issue="talks_format", stance="condition")[0]["actor"]["country"] == "RUS"
    assert loaded.positions(issue="territory") == []
    assert {a["text"] for a in loaded.actor_mentions(country="UKR", doc="demo-talks")} == {"Kyiv"}
    places = loaded.place_mentions(place="lviv")
    assert len(places) == 2 and places[0]["admin1"] == "Lviv Oblast"


def test_document_has_text_sentences_and_records(loaded: Store) -> None:
    doc, sents, result = hostile_document()
    got = loaded.document("demo-hostile")
    assert got["text"] == doc["text"] and got["title"] == doc["title"]
    assert [s["text"] for s in got["sentences"]] == [s.text for s in sents]
    assert [e["id"] for e in got["events"]] == [e.id for e in result.events]
    assert len(got["actors"]) == 2 and got["meetings"] == [] and got["positions"] == []
    assert loaded.document("missing") is None


def test_documents_listing_and_search(loaded: Store) -> None:
    docs = loaded.documents()
    assert [d["id"] for d in docs] == ["demo-hostile", "demo-talks-reprint", "demo-talks"]  # newest first
    assert docs[0]["n_events"] == 2 and "text" not in docs[0]
    assert [d["id"] for d in loaded.documents(q="BANNER")] == ["demo-hostile"]
    assert [d["id"] for d in loaded.documents(limit=1, offset=1)] == ["demo-talks-reprint"]


def test_stats(loaded: Store) -> None:
    st = loaded.stats()
    assert st["counts"]["documents"] == 3 and st["counts"]["events"] == 8
    assert st["events_by_type"]["ASSAULT"] == 2
    assert st["events_by_quad"]["material_conflict"] == 5
    assert st["documents_by_month"] == {"2025-08": 3}


def test_partial_dates_are_filterable(store: Store) -> None:
    doc, sents, result = talks_document()
    result.events[0].date, result.events[0].date_precision = "2025-07", "month"
    store.save_document(doc, sents, result)
    july = store.events(until="2025-07-31")
    assert len(july) == 1 and july[0]["date"] == "2025-07"


def test_runs_record_items_and_errors(store: Store) -> None:
    run = store.start_run(["feed.jsonl"])
    for doc, sents, result in demo_documents():
        assert not store.has_document(doc.get("content_hash") or "unknown", doc_id=doc["id"])
        status = store.save_document(doc, sents, result, run_id=run)
        store.record_item(run, "feed.jsonl", status, doc_id=doc["id"])
    doc, sents, result = talks_document()
    assert store.has_document(doc_id=doc["id"])
    assert store.save_document(doc, sents, result, run_id=run) == "duplicate"
    store.record_item(run, "feed.jsonl", "duplicate", doc_id=doc["id"])
    store.record_item(run, "feed.jsonl", "failed", "no text", line=5)
    with pytest.raises(ValueError):
        store.record_item(run, "feed.jsonl", "exploded")
    store.finish_run(run, {"stored": 3, "duplicate": 1, "failed": 1})
    (latest,) = store.runs()
    assert latest["id"] == run and latest["status"] == "finished" and latest["inputs"] == ["feed.jsonl"]
    assert latest["items"] == {"stored": 3, "duplicate": 1, "failed": 1}
    assert latest["errors"] == [{"source": "feed.jsonl", "line": 5, "doc_id": None, "status": "failed",
                                 "message": "no text"}]
    assert latest["counts"]["failed"] == 1
    assert store.document("demo-talks")["run_id"] == run


def test_has_document_by_content_hash(store: Store) -> None:
    from peacetalks.store.rows import content_hash

    doc, sents, result = talks_document()
    assert not store.has_document(content_hash(doc["text"]))
    store.save_document(doc, sents, result)
    assert store.has_document(content_hash(doc["text"]))
    assert not store.has_document()


def test_upgrade_from_the_first_revision_keeps_the_data(tmp_path: Path) -> None:
    from alembic import command

    from peacetalks.store.engine import create, normalize_url
    from peacetalks.store.migrate import alembic_config

    path = tmp_path / "old.db"
    engine = create(normalize_url(str(path)))
    cfg = alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.commit()
    engine.dispose()
    with sqlite3.connect(path) as raw:
        raw.execute("insert into documents (id, content_hash, text, ingested_at) values ('d1', 'h1', 'Text.', 'now')")
        raw.execute("insert into sentences (doc_id, idx, start, end) values ('d1', 0, 0, 5)")
    with Store.open(str(path)) as st:
        assert st.document("d1")["sentences"][0]["text"] == "Text."
        assert st.document("d1")["run_id"] is None


def _files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


def test_export_import_export_round_trip(loaded: Store, tmp_path: Path) -> None:
    run = loaded.start_run(["x"])
    loaded.record_item(run, "x", "skipped", "not news", line=1)
    loaded.finish_run(run, {"skipped": 1})
    manifest = loaded.export(tmp_path / "a")
    assert manifest["tables"]["events"]["rows"] == 8
    with Store.open(str(tmp_path / "copy.db")) as copy:
        first = copy.import_(tmp_path / "a")
        assert first["inserted"]["documents"] == 3 and first["inserted"]["ingest_items"] == 1
        again = copy.import_(tmp_path / "a")
        assert sum(again["inserted"].values()) == 0 and again["skipped_documents"] == 3
        copy.export(tmp_path / "b")
        assert copy.events() == loaded.events()
        assert copy.document("demo-talks") == loaded.document("demo-talks")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_import_refuses_a_folder_that_is_not_an_export(store: Store, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="manifest"):
        store.import_(tmp_path)


def test_as_frame(loaded: Store) -> None:
    pd = pytest.importorskip("pandas")
    frame = loaded.events(as_frame=True)
    assert isinstance(frame, pd.DataFrame) and len(frame) == 8
    assert {"event_type", "doc_id", "evidence"} <= set(frame.columns)


def test_concurrent_writers_on_one_sqlite_file(tmp_path: Path) -> None:
    path = str(tmp_path / "shared.db")
    Store.open(path).close()
    errors: list[BaseException] = []

    def writer(k: int) -> None:
        try:
            with Store.open(path) as st:
                for i in range(5):
                    doc = {"id": f"w{k}-{i}", "text": f"Writer {k} wrote item {i} of the batch."}
                    assert st.save_document(doc, [], DocumentResult(id=doc["id"])) == "stored"
        except BaseException as exc:  # noqa: BLE001 - collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with Store.open(path) as st:
        assert st.stats()["counts"]["documents"] == 20


def test_other_processes_see_a_plain_sqlite_database(loaded: Store) -> None:
    path = loaded.url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as conn:
        assert conn.execute("select count(*) from events").fetchone()[0] == 8
