"""Consistency checks on a store after hostile input, crashes or concurrent use."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional, Sequence

from peacetalks.store import Store

# The tables whose rows belong to one document (a partial document would leave some empty).
CHILD_TABLES = ("sentences", "events", "event_actors", "actor_mentions", "place_mentions",
                "meetings", "meeting_participants", "positions")


def peacetalks(args: Sequence[str], *, input: Optional[bytes] = None, timeout: float = 900,
               cwd: Optional[Path] = None) -> subprocess.CompletedProcess[bytes]:
    """Run the real CLI in a subprocess (``python -m``-free: the installed entry point's module)."""
    env = {**os.environ, "COLUMNS": "200", "PYTHONHASHSEED": "0"}
    return subprocess.run([sys.executable, "-c", "from peacetalks.cli import main; main()", *args],
                          input=input, capture_output=True, timeout=timeout, env=env, cwd=cwd)


def integrity_ok(path: Path) -> bool:
    with sqlite3.connect(path) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def table_counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in ("documents", *CHILD_TABLES)}


def assert_documents_whole(store: Store) -> list[dict[str, Any]]:
    """Every stored document has its sentences, and every record's evidence indexes its text."""
    docs = []
    for meta in store.documents(limit=100_000):
        doc = store.document(meta["id"])
        assert doc is not None
        text = doc["text"]
        assert doc["sentences"], f"{doc['id']}: stored without sentences"
        for s in doc["sentences"]:
            assert 0 <= s["start"] < s["end"] <= len(text)
        for e in doc["events"]:
            ev = e["evidence"]
            assert text[ev["start"]:ev["end"]] == ev["text"], f"{doc['id']}: {e['id']} evidence offsets"
        for m in doc["actors"] + doc["places"]:
            assert text[m["start"]:m["end"]] == m["text"], f"{doc['id']}: mention offsets"
        docs.append(doc)
    return docs


def items_by_status(path: Path, run: Optional[int] = None) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        where, args = ("WHERE run_id = ?", (run,)) if run is not None else ("", ())
        rows = conn.execute(f"SELECT status, count(*) FROM ingest_items {where} GROUP BY status", args)  # noqa: S608
        return dict(rows.fetchall())
