"""``peacetalks batch`` and ``peacetalks load``: the pure pipeline on Dask, Parquet shards out.

The input (JSON Lines or Parquet files) is cut into shards of about ``shard_size``
documents; each shard is one Dask task that reads its own slice of the input (only a
file path and a byte or row-group range travel over the network), runs the pipeline and
writes one Parquet file per table under ``OUT/<table>/<shard>.parquet``. Every file is
written to a temporary name and renamed, and the ``documents`` file is written last: a
shard whose ``documents`` file exists is complete and is skipped by the next run, so a
rerun resumes, and a worker that dies mid-shard leaves nothing behind but a temporary
file (Dask gives its task to another worker). The schema is documented in docs/scale.md.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional

import pyarrow as pa
import pyarrow.parquet as pq

from peacetalks.parallel import parse_json_line
from peacetalks.pipeline import InputDocument, analyse
from peacetalks.records import DocumentResult, Span

DEFAULT_SHARD_SIZE = 500

# --------------------------------------------------------------------------- the schema

_SPANS = pa.list_(pa.struct([("start", pa.int64()), ("end", pa.int64())]))
_MENTION = [("doc_id", pa.string()), ("text", pa.string()), ("start", pa.int64()), ("end", pa.int64())]
SCHEMAS: dict[str, pa.Schema] = {
    # One row per input document; ``error`` set (and no other table has rows) when it failed.
    "documents": pa.schema([
        ("id", pa.string()), ("text", pa.string()), ("title", pa.string()), ("published", pa.string()),
        ("url", pa.string()), ("author", pa.string()), ("source", pa.string()), ("lang", pa.string()),
        ("content_hash", pa.string()), ("sentences", _SPANS), ("error", pa.string()),
    ]),
    # Records with nested parts: key columns for filtering plus the full SPEC record as JSON.
    "events": pa.schema([
        ("doc_id", pa.string()), ("id", pa.string()), ("sentence", pa.int64()), ("event_type", pa.string()),
        ("mode", pa.string()), ("quad", pa.string()), ("cameo", pa.string()), ("intensity", pa.float64()),
        ("date", pa.string()), ("polarity", pa.string()), ("modality", pa.string()),
        ("confidence", pa.float64()), ("record", pa.string()),
    ]),
    "meetings": pa.schema([
        ("doc_id", pa.string()), ("id", pa.string()), ("sentence", pa.int64()), ("level", pa.string()),
        ("format", pa.string()), ("status", pa.string()), ("date", pa.string()), ("record", pa.string()),
    ]),
    "positions": pa.schema([
        ("doc_id", pa.string()), ("id", pa.string()), ("sentence", pa.int64()), ("actor_id", pa.string()),
        ("issue", pa.string()), ("stance", pa.string()), ("date", pa.string()), ("record", pa.string()),
    ]),
    # Flat records: the columns are the SPEC fields.
    "actors": pa.schema(_MENTION + [
        ("actor_id", pa.string()), ("name", pa.string()), ("country", pa.string()), ("sector", pa.string()),
        ("confidence", pa.float64()), ("role", pa.string()),
    ]),
    "places": pa.schema(_MENTION + [
        ("name", pa.string()), ("geonameid", pa.int64()), ("lat", pa.float64()), ("lon", pa.float64()),
        ("country", pa.string()), ("admin1", pa.string()), ("feature", pa.string()),
        ("confidence", pa.float64()), ("metonym", pa.bool_()),
    ]),
}
# The documents file marks a complete shard, so it is written last.
TABLES = ("events", "meetings", "positions", "actors", "places", "documents")


# --------------------------------------------------------------------------- shards of input

@dataclass(frozen=True)
class Shard:
    """A slice of one input file: a byte range of JSON Lines or row groups of Parquet."""

    name: str
    path: str
    kind: str  # "jsonl" | "parquet"
    start: int  # first byte (jsonl) or first row group (parquet)
    stop: int  # byte after the last (jsonl) or row group after the last (parquet)
    first: int  # line number (jsonl) or row number (parquet, from 1) of the first record


def plan_shards(inputs: Iterable[str], shard_size: int = DEFAULT_SHARD_SIZE) -> list[Shard]:
    """The shards of every input file, in input order (names are stable across runs)."""
    shards: list[Shard] = []
    for raw in inputs:
        path = Path(raw).resolve()
        if not path.is_file():
            raise ValueError(f"{raw}: no such file")
        kind = "parquet" if path.suffix.lower() in (".parquet", ".pq") else "jsonl"
        prefix = f"{path.stem}-{hashlib.sha1(str(path).encode()).hexdigest()[:8]}-s{shard_size}"
        ranges = _parquet_ranges(path, shard_size) if kind == "parquet" else _jsonl_ranges(path, shard_size)
        shards += [Shard(f"{prefix}-{i:05d}", str(path), kind, a, b, first)
                   for i, (a, b, first) in enumerate(ranges)]
    return shards


def _jsonl_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(first byte, end byte, first line number) per ``size`` non-blank lines."""
    start, offset, count, first = 0, 0, 0, 1
    with open(path, "rb") as fh:
        for lineno, line in enumerate(fh, start=1):
            if count == 0:
                start, first = offset, lineno
            offset += len(line)
            if line.strip():
                count += 1
            if count >= size:
                yield start, offset, first
                count = 0
    if count:
        yield start, offset, first


def _parquet_ranges(path: Path, size: int) -> Iterator[tuple[int, int, int]]:
    """(first row group, end row group, first row) grouping row groups to ~``size`` rows."""
    meta = pq.ParquetFile(path).metadata
    start, rows, row = 0, 0, 1
    for g in range(meta.num_row_groups):
        rows += meta.row_group(g).num_rows
        if rows >= size:
            yield start, g + 1, row
            start, row, rows = g + 1, row + rows, 0
    if start < meta.num_row_groups:
        yield start, meta.num_row_groups, row


def read_shard(shard: Shard) -> Iterator[tuple[int, Any, Optional[str]]]:
    """(line or row number, object or None, error or None), as ``peacetalks code`` reads."""
    if shard.kind == "parquet":
        table = pq.ParquetFile(shard.path).read_row_groups(list(range(shard.start, shard.stop)))
        for n, row in enumerate(table.to_pylist(), start=shard.first):
            yield n, row, None
        return
    with open(shard.path, "rb") as fh:
        fh.seek(shard.start)
        data = fh.read(shard.stop - shard.start)
    for n, line in enumerate(data.split(b"\n"), start=shard.first):
        text = line.decode("utf-8", errors="replace")
        if text.strip():
            yield parse_json_line(text, str(shard.path), n)


# --------------------------------------------------------------------------- one shard

def run_shard(shard: Shard, out: str) -> dict[str, Any]:
    """Code one shard and write its tables (a Dask task; skipped when already done)."""
    out_dir = Path(out)
    if (out_dir / "documents" / f"{shard.name}.parquet").exists():
        return {"shard": shard.name, "status": "skipped"}
    _warm_once()
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for doc_row, sentences, result in _code_shard(shard):
        rows["documents"].append({**doc_row, "sentences": sentences})
        if result is not None:
            _add_records(rows, result)
    for table in TABLES:
        write_atomic(pa.Table.from_pylist(rows[table], schema=SCHEMAS[table]),
                     out_dir / table / f"{shard.name}.parquet")
    failed = sum(1 for d in rows["documents"] if d["error"])
    return {"shard": shard.name, "status": "done", "documents": len(rows["documents"]),
            "failed": failed, "events": len(rows["events"]), "pid": os.getpid()}


_warm = False


def _warm_once() -> None:
    """Load the model and tables once per worker process and freeze them out of the garbage
    collector's scans (``parallel.warm_pipeline``): without the freeze, every full collection
    walks the millions of objects of the knowledge base and gazetteer, ~10% of a worker's time."""
    global _warm
    if not _warm:
        from peacetalks.parallel import warm_pipeline

        warm_pipeline()
        _warm = True


def _code_shard(shard: Shard) -> Iterator[tuple[dict[str, Any], list[dict[str, int]], Optional[DocumentResult]]]:
    """(document row, sentence offsets, result or None) per input record, in order."""
    from peacetalks.ingest import content_hash
    from peacetalks.nlp import parse_many
    from peacetalks.parallel import BATCH_SIZE, batched

    source = Path(shard.path).name
    for batch in batched(read_shard(shard), BATCH_SIZE):
        inputs = [_input(item, source) for item in batch]
        documents = [d for d, _ in inputs if d is not None]
        try:
            docs = iter(list(parse_many((d.text for d in documents), batch_size=len(documents) or 1)))
        except Exception:  # one text broke the batch: parse one at a time below
            docs = iter([None] * len(documents))
        for document, row in inputs:
            if document is None:
                yield row, [], None
                continue
            row["content_hash"] = content_hash(document.text)
            try:
                analysis = analyse(document, doc=next(docs))
            except Exception as exc:  # reported in the documents table, the shard goes on
                yield {**row, "error": f"{type(exc).__name__}: {exc}"}, [], None
                continue
            spans = [{"start": s.start, "end": s.end} for s in analysis.sentences]
            yield row, spans, analysis.result()


def _input(item: tuple[int, Any, Optional[str]], source: str) -> tuple[Optional[InputDocument], dict[str, Any]]:
    """The document of one record (None when unreadable) and its ``documents`` row."""
    n, obj, error = item
    row: dict[str, Any] = {"id": obj.get("id") if isinstance(obj, dict) else None, "source": source,
                           "error": error}
    if error is None:
        try:
            document = InputDocument.from_dict(obj)
        except ValueError as exc:
            row["error"] = f"line {n}: {exc}"
        else:
            document.id = document.id or f"line-{n}"
            author = obj.get("author")
            row.update(id=document.id, text=document.text, title=document.title, published=document.published,
                       url=document.url, author=author if isinstance(author, str) else None,
                       lang=obj.get("lang") if isinstance(obj.get("lang"), str) else None)
            return document, row
    row["id"] = None if row["id"] is None else str(row["id"])
    return None, row


def _add_records(rows: dict[str, list[dict[str, Any]]], result: DocumentResult) -> None:
    doc_id = result.id
    for e in result.events:
        rows["events"].append({"doc_id": doc_id, "id": e.id, "sentence": e.sentence, "event_type": e.event_type,
                               "mode": e.mode, "quad": e.quad, "cameo": e.cameo, "intensity": e.intensity,
                               "date": e.date, "polarity": e.polarity, "modality": e.modality,
                               "confidence": e.confidence, "record": _json(e.to_dict())})
    for m in result.meetings:
        rows["meetings"].append({"doc_id": doc_id, "id": m.id, "sentence": m.sentence, "level": m.level,
                                 "format": m.format, "status": m.status, "date": m.date,
                                 "record": _json(m.to_dict())})
    for p in result.positions:
        rows["positions"].append({"doc_id": doc_id, "id": p.id, "sentence": p.sentence,
                                  "actor_id": p.actor.actor_id, "issue": p.issue, "stance": p.stance,
                                  "date": p.date, "record": _json(p.to_dict())})
    rows["actors"] += [{"doc_id": doc_id, **a.to_dict()} for a in result.actors]
    rows["places"] += [{"doc_id": doc_id, **p.to_dict()} for p in result.places]


def _json(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False)


def write_atomic(table: pa.Table, path: Path) -> None:
    """Write ``table`` to ``path`` via a temporary file in the same folder and a rename,
    so a reader (or a resumed run) never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        pq.write_table(table, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- the run

@dataclass
class BatchSummary:
    shards: int = 0
    done: int = 0
    skipped: int = 0
    documents: int = 0
    failed: int = 0
    events: int = 0
    seconds: float = 0.0
    scheduler: str = ""
    results: list[dict[str, Any]] = field(default_factory=list)


def run_batch(inputs: list[str], out: str | Path, scheduler: Optional[str] = None, workers: int = 2,
              shard_size: int = DEFAULT_SHARD_SIZE, progress: Any = None) -> BatchSummary:
    """Code ``inputs`` on a Dask cluster (``scheduler`` address, else a LocalCluster of
    ``workers`` processes with one thread each) into Parquet shards under ``out``."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError as exc:  # dask is an optional extra
        raise RuntimeError("`peacetalks batch` needs Dask: pip install 'peacetalks[dask]'") from exc

    started = time.perf_counter()
    out_dir = Path(out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(out_dir)
    shards = plan_shards(inputs, shard_size)
    summary = BatchSummary(shards=len(shards))
    cluster = None
    if scheduler is None:
        # One thread per process: spaCy and the stages hold the GIL, so threads would not help.
        cluster = _local_cluster(workers)
    try:
        with Client(scheduler or cluster) as client:
            summary.scheduler = client.scheduler.address
            futures = [client.submit(run_shard, shard, str(out_dir), key=f"peacetalks-shard-{shard.name}",
                                     pure=False, retries=2) for shard in shards]
            for future in as_completed(futures):
                _tally(summary, future.result())
                if progress:
                    progress(summary)
    finally:
        if cluster is not None:
            cluster.close()
    summary.seconds = time.perf_counter() - started
    return summary


def _local_cluster(workers: int) -> Any:
    """A LocalCluster of ``workers`` processes with one thread each (spaCy and the stages hold
    the GIL, so threads would not help), without Dask's default MALLOC_TRIM_THRESHOLD_ of
    64 kB for workers: glibc then hands freed memory back after every parse batch and maps it
    again for the next, which cost ~10% of the workers' time here (bench/bench_batch.py).
    The single-thread settings for OpenMP/BLAS are kept."""
    import dask
    from dask.distributed import LocalCluster

    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {})
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    # Nor the statistical profiler, which samples every worker's stack 100 times a second.
    with dask.config.set({"distributed.nanny.pre-spawn-environ": environ,
                          "distributed.worker.profile.enabled": False}):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")


def _tally(summary: BatchSummary, result: dict[str, Any]) -> None:
    summary.results.append(result)
    if result["status"] == "skipped":
        summary.skipped += 1
        return
    summary.done += 1
    summary.documents += result["documents"]
    summary.failed += result["failed"]
    summary.events += result["events"]


def _remove_stale_temporaries(out_dir: Path) -> None:
    """Temporary files left by a worker that died while writing (never read by anyone)."""
    for tmp in out_dir.glob("*/.*.parquet.tmp-*"):
        tmp.unlink(missing_ok=True)


# --------------------------------------------------------------------------- load

@dataclass
class LoadSummary:
    shards: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: int = 0


def complete_shards(out: str | Path) -> list[str]:
    """Names of the shards under ``out`` whose output is complete."""
    return sorted(p.name[: -len(".parquet")] for p in (Path(out) / "documents").glob("*.parquet"))


def load_shards(out: str | Path, store: Any) -> LoadSummary:
    """Store every complete shard through ``Store.save_document`` (one transaction per
    document); documents already stored are duplicates, so loading twice adds nothing."""
    summary = LoadSummary()
    for name in complete_shards(out):
        summary.shards += 1
        for doc, sentences, result in shard_documents(out, name):
            if result is None:
                summary.failed += 1
            elif store.save_document(doc, sentences, result) == "stored":
                summary.stored += 1
            else:
                summary.duplicate += 1
    return summary


def shard_documents(out: str | Path, name: str) -> Iterator[tuple[dict[str, Any], list[Span], Optional[DocumentResult]]]:
    """(document row, sentences, result or None when it failed) per document of a shard."""
    base = Path(out)
    tables = {t: pq.read_table(base / t / f"{name}.parquet").to_pylist() for t in TABLES}
    by_doc: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for table in TABLES[:-1]:
        for row in tables[table]:
            by_doc.setdefault(row["doc_id"], {}).setdefault(table, []).append(row)
    for doc in tables["documents"]:
        if doc["error"] or doc["text"] is None:
            yield doc, [], None
            continue
        parts = by_doc.get(doc["id"], {})
        text = doc["text"]
        sentences = [Span(text[s["start"]:s["end"]], s["start"], s["end"]) for s in doc["sentences"]]
        row = {k: v for k, v in doc.items() if k not in ("sentences", "error")}
        yield row, sentences, _result(doc["id"], parts)


def _result(doc_id: str, parts: dict[str, list[dict[str, Any]]]) -> DocumentResult:
    def records(table: str) -> list[dict[str, Any]]:
        return [json.loads(r["record"]) for r in parts.get(table, [])]

    def flat(table: str) -> list[dict[str, Any]]:
        return [{k: v for k, v in r.items() if k != "doc_id"} for r in parts.get(table, [])]

    return DocumentResult.from_dict({"id": doc_id, "events": records("events"), "meetings": records("meetings"),
                                     "positions": records("positions"), "actors": flat("actors"),
                                     "places": flat("places")})
