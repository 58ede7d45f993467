"""The ``Store``: one database (SQLite or PostgreSQL) holding documents and their records."""

from __future__ import annotations

import uuid
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Iterable, Iterator, Optional, Sequence

from sqlalchemy import Connection, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError

from peacetalks.records import DocumentResult, Span, stable_id
from peacetalks.store import aggregate, dedupe, migrate, queries, rows as R, schema as s
from peacetalks.store.engine import WRITE_OPTION, StoreError, create, display, normalize_url

ITEM_STATUSES = ("stored", "duplicate", "skipped", "failed")
_BATCH = 1000  # rows per executemany: keeps parameter lists bounded on huge documents


def _frame(records: list[dict[str, Any]]) -> Any:
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas is an optional extra
        raise ImportError("as_frame=True needs pandas: pip install 'peacetalks[pandas]'") from None
    return pd.DataFrame.from_records(records)


class Store:
    """Documents, their events, meetings and positions, ingest runs; see docs/store.md."""

    def __init__(self, engine: Any, url: str) -> None:
        self.engine = engine
        self.url = url

    @classmethod
    def open(cls, url: Optional[str] = None) -> "Store":
        """Open (creating and migrating to the latest schema) the store at ``url``.

        None -> $PEACETALKS_DB or ./peacetalks.db; a path or sqlite:/// URL -> SQLite (WAL);
        postgresql:// -> PostgreSQL through psycopg 3."""
        parsed = normalize_url(url)
        try:
            engine = create(parsed)
        except OSError as exc:  # e.g. the SQLite file's folder cannot be created
            raise StoreError(f"cannot open database {display(parsed)}: {exc}") from None
        try:
            migrate.upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
            raise StoreError(f"cannot open database {display(parsed)}: {reason}") from None
        return cls(engine, display(parsed))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.url!r})"

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One transaction that takes the write lock first (SQLite) and commits or rolls back whole."""
        with self.engine.connect().execution_options(**{WRITE_OPTION: True}) as conn, conn.begin():
            yield conn

    # ---- ingest runs -------------------------------------------------------------------------
    def start_run(self, inputs: list[str]) -> int:
        with self._write() as conn:
            res = conn.execute(insert(s.ingest_runs).values(
                uid=uuid.uuid4().hex, started_at=R.utc_now(), status="running", inputs=list(inputs)))
            return int(res.inserted_primary_key[0])

    def record_item(self, run_id: int, source: str, status: str, message: Optional[str] = None,
                    line: Optional[int] = None, doc_id: Optional[str] = None) -> None:
        with self._write() as conn:
            self._item(conn, run_id, source, status, message, line, doc_id)

    @staticmethod
    def _item(conn: Connection, run_id: int, source: str, status: str, message: Optional[str],
              line: Optional[int], doc_id: Optional[str]) -> None:
        if status not in ITEM_STATUSES:
            raise ValueError(f"status must be one of {', '.join(ITEM_STATUSES)}, not {status!r}")
        conn.execute(insert(s.ingest_items).values(run_id=run_id, at=R.utc_now(), source=source,
                                                   line=line, doc_id=doc_id, status=status, message=message))

    def finish_run(self, run_id: int, counts: dict[str, int], status: str = "finished") -> None:
        """Close a run: ``finished``, or ``interrupted`` when it ended by an exception (Ctrl-C...)."""
        with self._write() as conn:
            conn.execute(update(s.ingest_runs).where(s.ingest_runs.c.id == run_id)
                         .values(finished_at=R.utc_now(), status=status, counts=dict(counts)))

    def runs(self, limit: int = 20, errors: int = 100) -> list[dict[str, Any]]:
        """Newest runs first, each with its items counted by status and its failed/skipped items."""
        r, it = s.ingest_runs, s.ingest_items
        with self._read() as conn:
            found = conn.execute(select(r).order_by(r.c.id.desc()).limit(limit)).all()
            out = []
            for run in found:
                by_status = dict(conn.execute(select(it.c.status, func.count()).where(it.c.run_id == run.id)
                                              .group_by(it.c.status)).all())
                bad = conn.execute(select(it).where(it.c.run_id == run.id, it.c.status.in_(("failed", "skipped")))
                                   .order_by(it.c.id).limit(errors)).all()
                out.append({"id": run.id, "uid": run.uid, "started_at": run.started_at,
                            "finished_at": run.finished_at, "status": run.status, "inputs": run.inputs,
                            "counts": run.counts, "items": by_status,
                            "errors": [{"source": b.source, "line": b.line, "doc_id": b.doc_id,
                                        "status": b.status, "message": b.message} for b in bad]})
            return out

    # ---- documents -----------------------------------------------------------------------------
    def save_document(self, doc: dict[str, Any], sentences: Sequence[Span], result: DocumentResult,
                      run_id: Optional[int] = None) -> str:
        """Store one coded document in ONE transaction; "stored" or "duplicate".

        A duplicate has the same content hash or id as a stored document and adds nothing. A near
        duplicate (MinHash, see dedupe.py) is stored and joins the story cluster of its closest match.
        ``run_id`` marks the document as stored by that ingest run (items are the caller's to record)."""
        doc = _checked(doc)
        sig = dedupe.signature(doc["text"])  # computed before taking the write lock
        try:
            with self._write() as conn:
                if self._exists(conn, doc["id"], doc["content_hash"]):
                    return "duplicate"
                self._insert(conn, doc, sentences, result, sig, run_id)
            return "stored"
        except IntegrityError:
            # A concurrent writer stored the same document between our check and our insert.
            with self._read() as conn:
                if self._exists(conn, doc["id"], doc["content_hash"]):
                    return "duplicate"
            raise

    def has_document(self, content_hash: Optional[str] = None, doc_id: Optional[str] = None) -> bool:
        """Whether a document with this content hash (or id) is stored: skip coding it again."""
        d = s.documents
        cond = [c for c in (d.c.content_hash == content_hash if content_hash else None,
                            d.c.id == doc_id if doc_id else None) if c is not None]
        if not cond:
            return False
        with self._read() as conn:
            return conn.execute(select(d.c.id).where(or_(*cond)).limit(1)).first() is not None

    @staticmethod
    def _exists(conn: Connection, doc_id: str, content_hash: str) -> bool:
        d = s.documents
        found = conn.execute(select(d.c.id).where(or_(d.c.id == doc_id, d.c.content_hash == content_hash))
                             .limit(1)).first()
        return found is not None

    def _insert(self, conn: Connection, doc: dict[str, Any], sentences: Sequence[Span],
                result: DocumentResult, sig: Any, run_id: Optional[int]) -> None:
        doc_id, now = doc["id"], R.utc_now()
        cluster_id = self._cluster_for(conn, doc_id, sig, now) if sig is not None else None
        row = {**R.document_row(doc, cluster_id, now), "run_id": run_id}
        conn.execute(insert(s.documents).values(**row))
        tables = R.record_rows(doc_id, row["published"], sentences, result)
        if sig is not None:
            tables[s.doc_signatures] = [{"doc_id": doc_id, "signature": dedupe.to_bytes(sig)}]
            tables[s.minhash_bands] = [{"doc_id": doc_id, "band": i, "bucket": b}
                                       for i, b in enumerate(dedupe.bands(sig))]
        for table in s.DOCUMENT_TABLES:  # parents before children (foreign keys)
            _insert_many(conn, table, tables.get(table, []))
        # the weekly aggregate moves with the events, in the same transaction
        aggregate.apply(conn, aggregate.document_delta(tables[s.events], tables[s.event_actors], row["published"]))

    @staticmethod
    def _cluster_for(conn: Connection, doc_id: str, sig: Any, now: str) -> Optional[str]:
        """The story cluster of the most similar stored document (created if it had none)."""
        ds, d = s.doc_signatures, s.documents
        keys = {f"b{i}": b for i, b in enumerate(dedupe.bands(sig))}
        candidates = conn.execute(_candidates_query(), keys).scalars().all()
        best, best_sim = None, dedupe.THRESHOLD
        if candidates:
            for cand_id, blob in conn.execute(select(ds.c.doc_id, ds.c.signature)
                                              .where(ds.c.doc_id.in_(candidates))):
                sim = dedupe.similarity(sig, dedupe.from_bytes(blob))
                if sim >= best_sim:
                    best, best_sim = cand_id, sim
        if best is None:
            return None
        cluster = conn.execute(select(d.c.cluster_id).where(d.c.id == best)).scalar_one()
        if cluster is None:
            cluster = stable_id("story", best)
            conn.execute(insert(s.story_clusters).values(id=cluster, representative=best, created_at=now))
            conn.execute(update(d).where(d.c.id == best).values(cluster_id=cluster))
        return cluster

    # ---- queries ---------------------------------------------------------------------------------
    def documents(self, limit: Optional[int] = 50, offset: int = 0, q: Optional[str] = None,
                  as_frame: bool = False) -> Any:
        with self._read() as conn:
            out = queries.documents(conn, limit=limit, offset=offset, q=q)
        return _frame(out) if as_frame else out

    def document(self, doc_id: str) -> Optional[dict[str, Any]]:
        with self._read() as conn:
            return queries.document(conn, doc_id)

    def events(self, actor: Optional[str] = None, country: queries.Many = None, type: queries.Many = None,
               since: queries.DateArg = None, until: queries.DateArg = None, doc: Optional[str] = None,
               limit: Optional[int] = None, offset: int = 0, order: str = "date", as_frame: bool = False,
               quad: queries.Many = None, dyad: Optional[str] = None) -> Any:
        with self._read() as conn:
            out = queries.events(conn, actor=actor, country=country, type=type, quad=quad, since=since,
                                 until=until, doc=doc, limit=limit, offset=offset, order=order, dyad=dyad)
        return _frame(out) if as_frame else out

    def meetings(self, since: queries.DateArg = None, until: queries.DateArg = None, doc: Optional[str] = None,
                 limit: Optional[int] = None, as_frame: bool = False, offset: int = 0,
                 status: queries.Many = None, level: queries.Many = None, actor: Optional[str] = None) -> Any:
        with self._read() as conn:
            out = queries.meetings(conn, since=since, until=until, doc=doc, status=status, level=level,
                                   actor=actor, limit=limit, offset=offset)
        return _frame(out) if as_frame else out

    def positions(self, actor: Optional[str] = None, issue: queries.Many = None, since: queries.DateArg = None,
                  until: queries.DateArg = None, limit: Optional[int] = None, as_frame: bool = False,
                  offset: int = 0, stance: queries.Many = None, doc: Optional[str] = None) -> Any:
        with self._read() as conn:
            out = queries.positions(conn, actor=actor, issue=issue, stance=stance, since=since, until=until,
                                    doc=doc, limit=limit, offset=offset)
        return _frame(out) if as_frame else out

    def actor_mentions(self, actor: Optional[str] = None, country: queries.Many = None,
                       sector: queries.Many = None, doc: Optional[str] = None, limit: Optional[int] = None,
                       offset: int = 0, as_frame: bool = False) -> Any:
        with self._read() as conn:
            out = queries.actor_mentions(conn, actor=actor, country=country, sector=sector, doc=doc,
                                         limit=limit, offset=offset)
        return _frame(out) if as_frame else out

    def place_mentions(self, place: Optional[str] = None, country: queries.Many = None,
                       feature: queries.Many = None, doc: Optional[str] = None, limit: Optional[int] = None,
                       offset: int = 0, as_frame: bool = False) -> Any:
        with self._read() as conn:
            out = queries.place_mentions(conn, place=place, country=country, feature=feature, doc=doc,
                                         limit=limit, offset=offset)
        return _frame(out) if as_frame else out

    def stats(self) -> dict[str, Any]:
        with self._read() as conn:
            return queries.stats(conn)

    # ---- export / import -------------------------------------------------------------------------
    def export(self, path: Any) -> dict[str, Any]:
        """The whole store to a folder of JSON Lines, one file per table, plus manifest.json."""
        from peacetalks.store import transfer
        with self._read() as conn:
            return transfer.export(conn, path)

    def import_(self, path: Any) -> dict[str, Any]:
        """Add an export to this store in one transaction; what is already here is skipped."""
        from peacetalks.store import transfer
        with self._write() as conn:
            return transfer.import_(conn, path)

    # ---- derived data ------------------------------------------------------------------------
    def rebuild_aggregates(self) -> None:
        """Recompute the weekly event aggregate from the events (it is kept up to date on every
        save and import; this repairs a store written around the Store API)."""
        with self._write() as conn:
            aggregate.rebuild(conn)

    def rebuild_search(self) -> None:
        """Re-read every document into the SQLite full-text index (needed after a VACUUM)."""
        from peacetalks.store import search
        with self._write() as conn:
            search.rebuild(conn)

    def search(self, q: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Documents containing every word of ``q``, best first (see store/search.py)."""
        from peacetalks.store import search
        words = search.words(q)
        if not words:
            return []
        with self._read() as conn:
            return search.search(conn, words, limit, offset)

    def ping(self) -> bool:
        """True when the database answers (for health checks)."""
        try:
            with self._read() as conn:
                conn.execute(select(1))
            return True
        except SQLAlchemyError:
            return False


@lru_cache(maxsize=1)
def _candidates_query() -> Any:
    """Documents sharing at least one band bucket; built once (32 OR-ed terms) and compiled once."""
    mb = s.minhash_bands
    return select(mb.c.doc_id).distinct().where(
        or_(*[and_(mb.c.band == i, mb.c.bucket == bindparam(f"b{i}")) for i in range(dedupe.BANDS)]))


def _checked(doc: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
        raise ValueError("a document needs a 'text' string")
    if doc.get("id") in (None, ""):
        raise ValueError("a document needs an 'id'")
    out = dict(doc)
    out["id"] = str(doc["id"])
    out["content_hash"] = doc.get("content_hash") or R.content_hash(doc["text"])
    return out


def _insert_many(conn: Connection, table: Any, rows: Iterable[dict[str, Any]]) -> None:
    batch = list(rows)
    for i in range(0, len(batch), _BATCH):
        conn.execute(insert(table), batch[i:i + _BATCH])
