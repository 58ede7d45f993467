"""Export the store to a folder of JSON Lines (one file per table + manifest.json) and import it.

Rows are written in primary-key order with dates as ISO strings and binary as base64, so exporting,
importing into an empty store and exporting again gives byte-identical files. Ingest runs travel by
their ``uid`` (the integer ids are local to a database): items name their run as ``run_uid``.
Import adds documents whose id and content hash are both new, with all their rows, and runs whose
uid is new; everything else is skipped, so importing twice adds nothing.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import Connection, Date, LargeBinary, Table, insert, select

from peacetalks.store import aggregate, migrate, schema as s
from peacetalks.store.rows import dyad_key
from peacetalks.store.engine import StoreError

FORMAT = "peacetalks-store-export"
VERSION = 1
_BATCH = 1000
# Parents before children: the order of import.
TABLES: tuple[Table, ...] = (s.ingest_runs, s.story_clusters, s.documents, *s.DOCUMENT_TABLES, s.ingest_items)


def _encode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for col in table.columns:
        value = row[col.name]
        if value is not None and isinstance(col.type, Date):
            value = value.isoformat()
        elif value is not None and isinstance(col.type, LargeBinary):
            value = base64.b64encode(bytes(value)).decode("ascii")
        out[col.name] = value
    return out


def _decode(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for col in table.columns:
        value = out.get(col.name)
        if value is not None and isinstance(col.type, Date):
            out[col.name] = dt.date.fromisoformat(value)
        elif value is not None and isinstance(col.type, LargeBinary):
            out[col.name] = base64.b64decode(value)
    return out


def _rows(conn: Connection, table: Table) -> Iterator[dict[str, Any]]:
    if table is s.documents:
        yield from _document_rows(conn)
        return
    if table is s.ingest_items:
        r, it = s.ingest_runs, s.ingest_items
        stmt = select(it, r.c.uid.label("run_uid")).join(r, r.c.id == it.c.run_id).order_by(it.c.id)
        for row in conn.execute(stmt).mappings():
            out = _encode(it, row)
            del out["id"], out["run_id"]
            yield {"run_uid": row["run_uid"], **out}
        return
    for row in conn.execute(select(table).order_by(*table.primary_key.columns)).mappings():
        out = _encode(table, row)
        if table is s.ingest_runs:
            del out["id"]
        yield out


def _document_rows(conn: Connection) -> Iterator[dict[str, Any]]:
    """Documents with their run named by uid (``run_uid``) in place of the local run id."""
    d, r = s.documents, s.ingest_runs
    stmt = select(d, r.c.uid.label("run_uid")).outerjoin(r, r.c.id == d.c.run_id).order_by(d.c.id)
    for row in conn.execute(stmt).mappings():
        out = _encode(d, row)
        yield {(k if k != "run_id" else "run_uid"): (v if k != "run_id" else row["run_uid"])
               for k, v in out.items()}


def export(conn: Connection, path: Any) -> dict[str, Any]:
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    tables = {}
    for table in TABLES:
        name = f"{table.name}.jsonl"
        n = 0
        with open(folder / name, "w", encoding="utf-8") as fh:
            for row in _rows(conn, table):
                fh.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
                n += 1
        tables[table.name] = {"file": name, "rows": n}
    manifest = {"format": FORMAT, "version": VERSION, "schema_revision": migrate.current_revision(conn),
                "tables": tables}
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def _read(folder: Path, table: Table) -> Iterator[dict[str, Any]]:
    file = folder / f"{table.name}.jsonl"
    if not file.exists():
        return
    with open(file, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    yield json.loads(line)
                except json.JSONDecodeError as exc:
                    raise StoreError(f"{file}:{n}: not JSON ({exc.msg})") from None


def _manifest(folder: Path) -> dict[str, Any]:
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise StoreError(f"{folder}: no readable manifest.json ({exc})") from None
    if manifest.get("format") != FORMAT or manifest.get("version") != VERSION:
        raise StoreError(f"{folder}: not a {FORMAT} v{VERSION} export")
    return manifest


class _Batcher:
    def __init__(self, conn: Connection, table: Table) -> None:
        self.conn, self.table, self.rows, self.count = conn, table, [], 0

    def add(self, row: dict[str, Any]) -> None:
        self.rows.append(row)
        if len(self.rows) >= _BATCH:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.conn.execute(insert(self.table), self.rows)
            self.count += len(self.rows)
            self.rows = []


def import_(conn: Connection, path: Any) -> dict[str, Any]:
    folder = Path(path)
    _manifest(folder)
    d = s.documents
    have_ids = set(conn.execute(select(d.c.id)).scalars())
    have_hashes = set(conn.execute(select(d.c.content_hash)).scalars())
    have_clusters = set(conn.execute(select(s.story_clusters.c.id)).scalars())
    counts: dict[str, int] = {}
    run_ids = _import_runs(conn, folder)
    counts[s.ingest_runs.name] = len(run_ids)
    docs = [r for r in _read(folder, d) if r["id"] not in have_ids and r["content_hash"] not in have_hashes]
    new_ids = {r["id"] for r in docs}
    wanted = {r["cluster_id"] for r in docs} - have_clusters
    counts[s.story_clusters.name] = _copy(conn, s.story_clusters, folder, lambda r: r["id"] in wanted)
    local_runs = dict(conn.execute(select(s.ingest_runs.c.uid, s.ingest_runs.c.id)).all())
    counts[d.name] = _insert_all(conn, d, (_local_run(r, local_runs) for r in docs))
    for table in s.DOCUMENT_TABLES:
        counts[table.name] = _copy(conn, table, folder, lambda r: r["doc_id"] in new_ids)
    counts[s.ingest_items.name] = _import_items(conn, folder, run_ids)
    aggregate.add_documents(conn, sorted(new_ids))  # derived tables are rebuilt, never imported
    return {"inserted": counts, "skipped_documents": sum(1 for _ in _read(folder, d)) - len(docs)}


def _local_run(row: dict[str, Any], local_runs: dict[str, int]) -> dict[str, Any]:
    """run_uid -> this database's run id (the run was imported first, or was already here)."""
    out = {k: v for k, v in row.items() if k != "run_uid"}
    out["run_id"] = local_runs.get(row.get("run_uid") or "")
    return out


def _copy(conn: Connection, table: Table, folder: Path, keep: Any) -> int:
    rows = (r for r in _read(folder, table) if keep(r))
    if table is s.events:  # exports made before migration 0003 have no dyad column
        rows = ({**r, "dyad": dyad_key(r.get("actor_country"), r.get("recipient_country"))} for r in rows)
    return _insert_all(conn, table, rows)


def _insert_all(conn: Connection, table: Table, rows: Any) -> int:
    batch = _Batcher(conn, table)
    for row in rows:
        batch.add(_decode(table, row))
    batch.flush()
    return batch.count


def _import_runs(conn: Connection, folder: Path) -> dict[str, int]:
    """Insert the runs whose uid is new; their uid -> new local id."""
    r = s.ingest_runs
    have = set(conn.execute(select(r.c.uid)).scalars())
    run_ids: dict[str, int] = {}
    for row in _read(folder, r):
        if row["uid"] not in have:
            res = conn.execute(insert(r).values(**_decode(r, row)))
            run_ids[row["uid"]] = int(res.inserted_primary_key[0])
    return run_ids


def _import_items(conn: Connection, folder: Path, run_ids: dict[str, int]) -> int:
    """Items of the runs imported now (items of runs already here are already here too)."""
    items = ({**{k: v for k, v in row.items() if k != "run_uid"}, "run_id": run_ids[row["run_uid"]]}
             for row in _read(folder, s.ingest_items) if row["run_uid"] in run_ids)
    return _insert_all(conn, s.ingest_items, items)
