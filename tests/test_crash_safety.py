"""Crash safety (issue 8, item 3): kill -9 `peacetalks ingest` at random points, then
`peacetalks ingest --resume`; the store ends whole and equal to an uninterrupted run."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from peacetalks.store import Store

from hostile.checks import assert_documents_whole, integrity_ok, peacetalks, table_counts
from hostile.corpus import BODY

N_DOCS = 60
TRIALS = 3  # seeded: the same kill points on every run of the suite
KILLS_PER_TRIAL = 2


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    sentences = BODY.split(". ")
    for i in range(N_DOCS):
        rng = random.Random(i)
        body = ". ".join(rng.sample(sentences, len(sentences)))
        (folder / f"doc{i:02d}.txt").write_text(f"Report {i}. Russia accused Ukraine of shelling Kharkiv on "
                                                 f"day {i}. {body}", encoding="utf-8")
    return folder


def _events_per_doc(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT d.id, count(e.id) FROM documents d LEFT JOIN events e "
                                 "ON e.doc_id = d.id GROUP BY d.id").fetchall())


def _kill_after(args: list[str], seconds: float) -> None:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    proc = subprocess.Popen([sys.executable, "-c", "from peacetalks.cli import main; main()", *args],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        proc.wait(timeout=seconds)  # it may finish first: that is a valid trial too
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("crash")
    folder = _corpus(root / "in")
    db = root / "reference.db"
    proc = peacetalks(["ingest", str(folder), "--db", str(db), "-q"])
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    return folder, db


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(TRIALS))
def test_kill_9_then_resume_gives_the_uninterrupted_store(reference: tuple[Path, Path], tmp_path: Path,
                                                          seed: int) -> None:
    folder, ref_db = reference
    db = tmp_path / "crash.db"
    rng = random.Random(seed)
    for _ in range(KILLS_PER_TRIAL):
        # model load takes a few seconds, the 60 documents a few more: kills land in both
        _kill_after(["ingest", str(folder), "--db", str(db), "-q"], rng.uniform(0.5, 9.0))
        if db.exists():
            assert integrity_ok(db)  # after each kill, before any recovery
    proc = peacetalks(["ingest", str(folder), "--db", str(db), "-q", "--resume"])
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    assert integrity_ok(db)
    assert table_counts(db) == table_counts(ref_db)
    assert _events_per_doc(db) == _events_per_doc(ref_db)
    with Store.open(str(db)) as store:
        assert len(assert_documents_whole(store)) == N_DOCS


def test_a_killed_writer_leaves_no_lock_behind(tmp_path: Path) -> None:
    """A writer killed inside a transaction: the next process writes at once (no stale lock)."""
    db = tmp_path / "lock.db"
    Store.open(str(db)).close()
    code = ("import sqlite3, sys, time; c = sqlite3.connect(sys.argv[1], isolation_level=None); "
            "c.execute('BEGIN IMMEDIATE'); c.execute(\"INSERT INTO story_clusters(id, representative, created_at) "
            "VALUES ('x', 'x', '2025-01-01T00:00:00Z')\"); print('locked', flush=True); time.sleep(60)")
    proc = subprocess.Popen([sys.executable, "-c", code, str(db)], stdout=subprocess.PIPE)
    assert proc.stdout is not None and proc.stdout.readline().strip() == b"locked"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store.open(str(db)) as store:
        from peacetalks.store.demo import talks_document

        assert store.save_document(*talks_document()) == "stored"
        assert store.stats()["counts"]["story_clusters"] == 0  # the killed transaction left nothing
    assert integrity_ok(db)


def _small_folder(tmp_path: Path, n: int) -> Path:
    folder = tmp_path / "few"
    folder.mkdir()
    for i in range(n):
        (folder / f"f{i}.txt").write_text(f"Report {i}. Russia accused Ukraine of shelling Kharkiv. {BODY}",
                                          encoding="utf-8")
    return folder


def test_an_unstorable_document_fails_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from peacetalks.runner import run_ingest

    folder = _small_folder(tmp_path, 3)
    with Store.open(str(tmp_path / "s.db")) as store:
        real = store.save_document

        def flaky(doc, *args, **kw):  # type: ignore[no-untyped-def]
            if doc["id"] == "f1":
                raise RuntimeError("value out of range\nsecond line")
            return real(doc, *args, **kw)

        monkeypatch.setattr(store, "save_document", flaky)
        summary = run_ingest([str(folder)], store, errors_to=io.StringIO())
        assert (summary.stored, summary.failed) == (2, 1)
        assert summary.failures == [f"{folder / 'f1.txt'}: not stored: RuntimeError: value out of range"]
        [run] = store.runs()
        assert run["status"] == "finished"
        monkeypatch.setattr(store, "save_document", real)
        again = run_ingest([str(folder)], store, errors_to=io.StringIO())  # the next run stores it
        assert (again.stored, again.duplicate) == (1, 2)


def test_an_interrupted_run_is_closed_as_interrupted(tmp_path: Path) -> None:
    from peacetalks.runner import run_ingest

    folder = _small_folder(tmp_path, 3)

    def stop(summary, label: str) -> None:  # type: ignore[no-untyped-def]
        if summary.stored == 1:
            raise KeyboardInterrupt

    with Store.open(str(tmp_path / "i.db")) as store:
        with pytest.raises(KeyboardInterrupt):
            run_ingest([str(folder)], store, on_item=stop)
        [run] = store.runs()
        assert run["status"] == "interrupted" and run["counts"]["stored"] == 1
        assert store.stats()["counts"]["documents"] == 1
