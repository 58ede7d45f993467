"""Running the pure pipeline over a stream of JSON Lines, in one or several processes.

Each worker process loads the model once; results come back in input order, and
only a bounded window of documents is in flight, so memory stays flat however long
the input is.
"""

from __future__ import annotations

import json
import multiprocessing as mp
import sys
from typing import Any, Iterable, Iterator, Optional, TextIO

from peacetalks.pipeline import InputDocument, code_document

Item = tuple[int, object, Optional[str]]


def code_one(item: Item) -> dict[str, Any]:
    """One input line to one output line: the SPEC record, or ``{"id", "error"}``."""
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
    try:
        return code_document(document).to_dict()
    except Exception as exc:  # a bug must not end a long run; it is reported per line
        return {"id": document.id, "error": f"line {lineno}: {type(exc).__name__}: {exc}"}


def _warm() -> None:
    from peacetalks.nlp import load_model

    load_model()


def code_items(items: Iterable[Item], workers: int = 1, chunksize: int = 4) -> Iterator[dict[str, Any]]:
    """Code items in input order, with ``workers`` processes when more than one."""
    if workers <= 1:
        for item in items:
            yield code_one(item)
        return
    ctx = mp.get_context("spawn" if sys.platform == "darwin" else "fork")
    with ctx.Pool(workers, initializer=_warm) as pool:
        yield from pool.imap(code_one, items, chunksize=chunksize)


def code_stream(items: Iterable[Item], name: str, workers: int = 1, out: TextIO = sys.stdout) -> int:
    """Write one JSON line per item; return how many items failed."""
    failed = 0
    for record in code_items(items, workers=workers):
        if "error" in record:
            failed += 1
            print(f"peacetalks code: {name}: {record['error']}", file=sys.stderr)
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    return failed
