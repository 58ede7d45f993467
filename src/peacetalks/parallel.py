"""Running the pure pipeline over a stream of documents, in one or several processes.

Documents travel in small batches: a worker parses a whole batch with one ``nlp.pipe``
call (``peacetalks.nlp.parse_many``), then runs the stages per document. Results come
back in input order, and at most ``WINDOW_PER_WORKER * workers`` batches are in flight, so memory stays
flat however long the input is (``multiprocessing.Pool.imap`` would read the whole input
ahead; a bounded window of ``apply_async`` calls does not). The parent loads the model
and every table once before forking (``warm_pipeline``); the workers share them.
"""

from __future__ import annotations

import gc
import itertools
import json
import multiprocessing as mp
import sys
from collections import deque
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Optional, TextIO, TypeVar

from peacetalks.pipeline import DEFAULT_STAGES, InputDocument, analyse, code_document

Item = tuple[int, object, Optional[str]]
T = TypeVar("T")
R = TypeVar("R")

# Documents per batch: enough for nlp.pipe to batch, small enough that the last batches
# of a run spread over the workers (the tail is at most one batch per worker).
BATCH_SIZE = 8
# Batches in flight per worker. Results are taken in input order, so one long batch at the
# head blocks new submissions; a deep window keeps the other workers busy meanwhile
# (with 2 per worker, 2 workers idled ~20% of the time on speeches of mixed length).
WINDOW_PER_WORKER = 8


# --------------------------------------------------------------------------- generic map

def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` consecutive items (the last may be shorter)."""
    it = iter(items)
    while batch := list(itertools.islice(it, size)):
        yield batch


def warm_worker() -> None:
    """Pool initializer: load the model before the first batch arrives (a no-op in a
    forked worker whose parent ran ``warm_pipeline``)."""
    from peacetalks.nlp import load_model

    load_model()


# A short text that makes every stage load its tables (model, knowledge base, city table,
# gazetteer, lexicons): they are loaded lazily, on first need.
_WARM_TEXT = (
    "KYIV, May 2 (Wire) - Russian President Vladimir Putin said on Friday that talks with "
    "Ukraine in Istanbul were possible only if Kyiv withdrew its troops. Drones struck Lviv "
    "and Kharkiv overnight, the Ukrainian military said."
)


def warm_pipeline() -> None:
    """Load the model and every stage's tables in this process, then freeze them out of
    the garbage collector's reach.

    Called in the parent before forking workers: the children inherit the loaded tables
    instead of each spending ~1.5 s of CPU loading them again (as much as parsing a dozen
    articles), and ``gc.freeze`` keeps the collector from writing to the inherited objects,
    so their memory pages stay shared between the processes."""
    warm_worker()
    analyse(InputDocument(id="warm-up", text=_WARM_TEXT, published="2025-05-02"))
    gc.freeze()


def ordered_map(func: Callable[[list[T]], list[R]], items: Iterable[T], workers: int = 1,
                batch_size: int = BATCH_SIZE, window: Optional[int] = None) -> Iterator[R]:
    """``func`` over batches of ``items``, results flattened in input order.

    With ``workers`` > 1, batches go to a process pool, at most ``window`` (default
    ``WINDOW_PER_WORKER * workers``) at a time: the input is read only as fast as results
    are consumed."""
    batches = batched(items, batch_size)
    if workers <= 1:
        for batch in batches:
            yield from func(batch)
        return
    window = window or WINDOW_PER_WORKER * workers
    method = "spawn" if sys.platform == "darwin" else "fork"
    ctx = mp.get_context(method)
    if method == "fork":
        warm_pipeline()
    with ctx.Pool(workers, initializer=warm_worker) as pool:
        pending: deque[Any] = deque()
        for batch in batches:
            pending.append(pool.apply_async(func, (batch,)))
            if len(pending) >= window:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# --------------------------------------------------------------------------- code

def _input(item: Item) -> InputDocument | dict[str, Any]:
    """The document of an input line, or its ``{"id", "error"}`` record."""
    lineno, obj, error = item
    doc_id = obj.get("id") if isinstance(obj, dict) else None
    if error is not None:
        return {"id": doc_id, "error": error}
    try:
        document = InputDocument.from_dict(obj)  # type: ignore[arg-type]
    except ValueError as exc:
        return {"id": doc_id, "error": f"line {lineno}: {exc}"}
    if not document.id:
        document.id = f"line-{lineno}"
    return document


def code_one(item: Item) -> dict[str, Any]:
    """One input line to one output line: the SPEC record, or ``{"id", "error"}``."""
    document = _input(item)
    if isinstance(document, dict):
        return document
    try:
        return code_document(document).to_dict()
    except Exception as exc:  # a bug must not end a long run; it is reported per line
        return {"id": document.id, "error": f"line {item[0]}: {type(exc).__name__}: {exc}"}


def code_batch(items: list[Item]) -> list[dict[str, Any]]:
    """``code_one`` over a batch, parsing the batch's texts with one ``nlp.pipe`` call."""
    from peacetalks.nlp import parse_many

    inputs = [_input(item) for item in items]
    documents = [d for d in inputs if isinstance(d, InputDocument)]
    try:
        docs = iter(list(parse_many((d.text for d in documents), batch_size=len(documents) or 1)))
    except Exception:  # one text broke the batch: fall back to one document at a time
        return [code_one(item) for item in items]
    out = []
    for item, document in zip(items, inputs):
        if isinstance(document, dict):
            out.append(document)
            continue
        try:
            out.append(analyse(document, DEFAULT_STAGES, doc=next(docs)).result().to_dict())
        except Exception as exc:  # reported per line, the run goes on
            out.append({"id": document.id, "error": f"line {item[0]}: {type(exc).__name__}: {exc}"})
    return out


def code_batch_lines(items: list[Item]) -> list[tuple[Optional[str], str]]:
    """(error or None, JSON line) per item: serialising in the worker keeps the parent,
    which shares the CPUs, light (a string pickles far faster than nested dicts)."""
    return [(r.get("error"), json.dumps(r, ensure_ascii=False)) for r in code_batch(items)]


def code_items(items: Iterable[Item], workers: int = 1, batch_size: int = BATCH_SIZE) -> Iterator[dict[str, Any]]:
    """Code items in input order, with ``workers`` processes when more than one."""
    return ordered_map(code_batch, items, workers=workers, batch_size=batch_size)


def code_stream(items: Iterable[Item], name: str, workers: int = 1, out: TextIO = sys.stdout,
                batch_size: int = BATCH_SIZE) -> int:
    """Write one JSON line per item; return how many items failed."""
    failed = 0
    for error, line in ordered_map(code_batch_lines, items, workers=workers, batch_size=batch_size):
        if error is not None:
            failed += 1
            print(f"peacetalks code: {name}: {error}", file=sys.stderr)
        out.write(line + "\n")
    out.flush()
    return failed


# --------------------------------------------------------------------------- input

def iter_json_lines(stream: TextIO, name: str) -> Iterator[Item]:
    """The input of ``peacetalks code``: (line number, object or None,
    error or None) per non-blank line, reading one line at a time (memory flat over any
    input). Input whose first non-blank character is not '{' is one plain-text document."""
    lineno, first = 0, ""
    for lineno, first in enumerate(stream, start=1):
        if first.strip():
            break
    else:
        return
    if not first.lstrip().startswith("{"):
        text = "\n" * (lineno - 1) + first + stream.read()
        doc_id = Path(name).stem if name not in ("-", "<stdin>") else "stdin"
        yield 1, {"id": doc_id, "text": text}, None
        return
    for n, line in itertools.chain([(lineno, first)], enumerate(stream, start=lineno + 1)):
        if line.strip():
            yield parse_json_line(line, name, n)


def parse_json_line(line: str, name: str, lineno: int) -> Item:
    """One non-blank input line as an item: the object, or an error naming file and line."""
    try:
        return lineno, json.loads(line), None
    except json.JSONDecodeError as exc:
        return lineno, None, f"{name}:{lineno}: not valid JSON ({exc.msg} at column {exc.colno})"
