"""Backups (issue 8, item 6): `peacetalks export` / `peacetalks import` round-trip the whole
store exactly, on SQLite and on PostgreSQL, through the command line."""

from __future__ import annotations

import filecmp
from pathlib import Path

import pytest

from peacetalks.store import Store

from hostile.checks import peacetalks
from hostile.corpus import BODY, article


def _corpus(folder: Path) -> Path:
    """Documents with events, a near-duplicate pair (a story cluster), a failure and a skip."""
    folder.mkdir()
    for i in range(6):
        (folder / f"b{i}.txt").write_text(f"Report {i}. Russia accused Ukraine of shelling Kharkiv. {BODY}",
                                          encoding="utf-8")
    wire = article("wire") + " Zelensky met Erdogan in Istanbul on Tuesday to discuss the talks."
    (folder / "wire-a.txt").write_text(wire, encoding="utf-8")
    (folder / "wire-b.txt").write_text("Updated. " + wire + " More to follow.", encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"id": "ok-line", "text": "%s"}\n{"id": \n' % article("jl"),
                                         encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


def _tables(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _same_export(a: Path, b: Path) -> None:
    assert _tables(a) == _tables(b)
    match, mismatch, errors = filecmp.cmpfiles(a, b, _tables(a), shallow=False)
    assert mismatch == [] and errors == [], mismatch


def _ok(args: list[str]) -> None:
    proc = peacetalks(args)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    root = tmp_path_factory.mktemp("backup")
    db = str(root / "source.db")
    proc = peacetalks(["ingest", str(_corpus(root / "in")), "--db", db, "-q"])
    assert proc.returncode == 1  # the broken line failed; everything else is stored
    _ok(["export", str(root / "export"), "--db", db])
    return db, root / "export"


def test_export_has_every_kind_of_row(source: tuple[str, Path]) -> None:
    db, export = source
    with Store.open(db) as store:
        counts = store.stats()["counts"]
    for table in ("documents", "sentences", "events", "event_actors", "actor_mentions", "story_clusters",
                  "ingest_runs", "ingest_items"):
        assert counts[table] > 0, table  # the round trip below is not vacuous
    assert (export / "manifest.json").exists()


def _round_trip(db: str, export: Path, target: str, tmp_path: Path) -> None:
    _ok(["import", str(export), "--db", target])
    _ok(["export", str(tmp_path / "again"), "--db", target])
    _same_export(export, tmp_path / "again")
    _ok(["import", str(export), "--db", target])  # twice: adds nothing
    _ok(["export", str(tmp_path / "thrice"), "--db", target])
    _same_export(export, tmp_path / "thrice")
    with Store.open(db) as a, Store.open(target) as b:
        ids = [d["id"] for d in a.documents(limit=None)]
        assert ids == [d["id"] for d in b.documents(limit=None)]
        for doc_id in ids:  # what queries return is identical too
            assert a.document(doc_id) == b.document(doc_id)
        assert a.runs() == b.runs()


def test_sqlite_round_trip_is_exact(source: tuple[str, Path], tmp_path: Path) -> None:
    db, export = source
    _round_trip(db, export, str(tmp_path / "restored.db"), tmp_path)


@pytest.mark.slow
@pytest.mark.postgres
def test_postgres_round_trip_is_exact(source: tuple[str, Path], pg_url: str, tmp_path: Path) -> None:
    db, export = source
    _round_trip(db, export, pg_url, tmp_path)
    _ok(["export", str(tmp_path / "from-pg"), "--db", pg_url])
    _ok(["import", str(tmp_path / "from-pg"), "--db", str(tmp_path / "back.db")])  # and back to SQLite
    _ok(["export", str(tmp_path / "back"), "--db", str(tmp_path / "back.db")])
    _same_export(export, tmp_path / "back")


def test_import_of_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    proc = peacetalks(["import", str(tmp_path / "nope"), "--db", str(tmp_path / "x.db")])
    assert proc.returncode != 0 and b"no such folder" in proc.stderr and b"Traceback" not in proc.stderr


def test_import_of_a_folder_that_is_not_an_export_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "junk").mkdir()
    proc = peacetalks(["import", str(tmp_path / "junk"), "--db", str(tmp_path / "x.db")])
    assert proc.returncode != 0 and b"manifest" in proc.stderr and b"Traceback" not in proc.stderr
