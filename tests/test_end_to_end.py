"""The whole path through the public CLI: ingest -> store -> query -> export/import.

These run the real pipeline on the bundled sample corpus, so they are the slowest tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def cli(*args: str, check: bool = True, timeout: int = 900) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "peacetalks", *args], capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"peacetalks {' '.join(args)} exited {proc.returncode}\n{proc.stderr[-3000:]}")
    return proc


def stats(db: str) -> dict:
    return json.loads(cli("stats", "--json", "--db", db).stdout)


def table_counts(db: str) -> dict:
    s = stats(db)
    return {k: s["counts"][k] for k in ("documents", "events", "sentences", "meetings", "positions")}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> str:
    db = str(tmp_path_factory.mktemp("store") / "sample.db")
    proc = cli("ingest", "--sample", "--quiet", "--db", db)
    assert proc.returncode == 0
    return db


def test_sample_corpus_is_stored_with_events_meetings_and_positions(sample_db):
    counts = table_counts(sample_db)
    assert counts["documents"] >= 30
    assert counts["events"] > 100
    assert counts["meetings"] > 10
    assert counts["positions"] > 10


def test_same_story_from_two_outlets_shares_a_cluster_and_copies_are_not_stored(sample_db):
    import yaml

    import peacetalks

    expectations = yaml.safe_load((Path(__file__).parent / "data" / "sample_expectations.yaml").read_text())
    dup = json.dumps(expectations.get("duplicates", expectations))
    with peacetalks.open(sample_db) as store:
        docs = {d["id"]: d for d in store.documents(limit=1000)}
        clusters = {}
        for doc_id in docs:
            cluster = store.document(doc_id)["cluster"]
            if cluster:
                clusters.setdefault(cluster["id"], set()).add(doc_id)
    assert {"sample-18", "sample-19"} in clusters.values()
    assert "sample-22" in docs and "sample-23" not in docs  # the exact copy is a duplicate
    assert "sample-18" in dup and "sample-22" in dup


def test_ingesting_twice_adds_nothing(sample_db):
    before = table_counts(sample_db)
    proc = cli("ingest", "--sample", "--db", sample_db)
    assert "duplicate" in proc.stderr
    assert table_counts(sample_db) == before


def test_every_stored_event_keeps_its_evidence(sample_db):
    rows = [json.loads(x) for x in cli("events", "--format", "jsonl", "--db", sample_db).stdout.splitlines()]
    assert rows
    docs: dict[str, str] = {}
    for row in rows[:300]:
        doc_id = row["doc_id"]
        if doc_id not in docs:
            docs[doc_id] = _document_text(sample_db, doc_id)
        text = docs[doc_id]
        ev = row["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert ev["start"] <= row["trigger"]["start"] < row["trigger"]["end"] <= ev["end"]


def _document_text(db: str, doc_id: str) -> str:
    import peacetalks

    with peacetalks.open(db) as store:
        return store.document(doc_id)["text"]


def test_event_filters_and_formats(sample_db, tmp_path):
    assault = [json.loads(x) for x in cli("events", "--type", "assault", "-f", "jsonl", "--db", sample_db).stdout.splitlines()]
    assert assault and all(r["event_type"] == "ASSAULT" for r in assault)
    rus = [json.loads(x) for x in cli("events", "--country", "RUS", "-f", "jsonl", "--db", sample_db).stdout.splitlines()]
    assert rus and all("RUS" in {m["country"] for m in r["actors"] + r["recipients"]} for r in rus)
    dated = [json.loads(x) for x in cli("events", "--since", "2025-05-15", "--until", "2025-05-31", "-f", "jsonl",
                                       "--db", sample_db).stdout.splitlines()]
    assert dated and all("2025-05-15" <= r["date"] <= "2025-05-31" for r in dated)
    csv_text = cli("events", "--type", "ASSAULT", "-f", "csv", "--db", sample_db).stdout
    assert csv_text.splitlines()[0].startswith("id,") or "event_type" in csv_text.splitlines()[0]
    assert len(csv_text.splitlines()) == len(assault) + 1
    out = tmp_path / "events.parquet"
    cli("events", "-f", "parquet", "-o", str(out), "--db", sample_db)
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows == len(cli("events", "-f", "jsonl", "--db", sample_db).stdout.splitlines())


def test_export_import_round_trip(sample_db, tmp_path):
    first, second = tmp_path / "export1", tmp_path / "export2"
    cli("export", str(first), "--db", sample_db)
    fresh = str(tmp_path / "restored.db")
    cli("import", str(first), "--db", fresh)
    cli("export", str(second), "--db", fresh)
    files = sorted(p.name for p in first.iterdir())
    assert files == sorted(p.name for p in second.iterdir())
    for name in files:
        if name.endswith(".jsonl"):
            assert (first / name).read_text() == (second / name).read_text(), name
    assert table_counts(fresh) == table_counts(sample_db)


def test_bad_inputs_fail_clearly_and_good_ones_are_stored(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "good.txt").write_text("Ukrainian and Russian delegations held talks in Istanbul on Monday.\n"
                                     "The talks lasted two hours, officials said.\n", encoding="utf-8")
    (folder / "feed.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": "Russian drones struck Odesa overnight, the governor said.", "published": "2025-05-10"})
        + "\n{broken json\n" + json.dumps({"id": "no-text", "title": "missing"}) + "\n", encoding="utf-8")
    (folder / "blob.bin").write_bytes(bytes(range(256)) * 10)
    db = str(tmp_path / "bad.db")
    proc = cli("ingest", str(folder), "--db", db, check=False)
    assert proc.returncode == 1
    assert "feed.jsonl:2" in proc.stderr
    assert "feed.jsonl:3" in proc.stderr
    counts = table_counts(db)
    assert counts["documents"] == 2


@pytest.mark.postgres
def test_postgresql_and_sqlite_give_the_same_records(pg_url, sample_db):
    cli("ingest", "--sample", "--quiet", "--db", pg_url)
    assert table_counts(pg_url) == table_counts(sample_db)
    lite = sorted((json.loads(x) for x in cli("events", "-f", "jsonl", "--db", sample_db).stdout.splitlines()), key=lambda r: r["id"])
    pg = sorted((json.loads(x) for x in cli("events", "-f", "jsonl", "--db", pg_url).stdout.splitlines()), key=lambda r: r["id"])
    assert [r["id"] for r in lite] == [r["id"] for r in pg]
    assert [_comparable(r) for r in lite] == [_comparable(r) for r in pg]


def _comparable(row: dict) -> dict:
    """Drop what legitimately differs between databases (row numbers, timestamps)."""
    return {k: v for k, v in row.items() if k not in ("pk", "ingested_at", "run_id")}
