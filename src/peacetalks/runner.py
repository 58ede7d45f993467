"""``peacetalks ingest``: read inputs, run the pipeline, store each document in one transaction.

Reading (``peacetalks.ingest``) and storing (``peacetalks.store``) happen in this
process; the NLP work can go to worker processes. The store is the only writer, so
SQLite sees one writer at a time.
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

from peacetalks.ingest import Document, IngestConfig, IngestError, Skipped, iter_items
from peacetalks.pipeline import analyse
from peacetalks.records import DocumentResult, Span


@dataclass
class IngestSummary:
    stored: int = 0
    duplicate: int = 0
    skipped: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    skipped_reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    run_id: Optional[int] = None

    @property
    def seen(self) -> int:
        return self.stored + self.duplicate + self.skipped + self.failed

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["skipped_reasons"] = dict(self.skipped_reasons)
        return d


Coded = tuple[Document, Optional[list[Span]], Optional[DocumentResult], Optional[str]]


def code_for_store(document: Document) -> Coded:
    """Run the pipeline on one document: (document, sentences, result, error)."""
    try:
        analysis = analyse(document.to_input())
        return document, analysis.sentences, analysis.result(), None
    except Exception as exc:  # one bad article must not end the run
        return document, None, None, f"{type(exc).__name__}: {exc}"


def code_for_store_batch(documents: list[Document]) -> list[Coded]:
    """``code_for_store`` over a batch, parsing its texts with one ``nlp.pipe`` call."""
    from peacetalks.nlp import parse_many

    try:
        docs = list(parse_many((d.text for d in documents), batch_size=len(documents) or 1))
    except Exception:  # one text broke the batch: fall back to one document at a time
        return [code_for_store(d) for d in documents]
    out: list[Coded] = []
    for document, doc in zip(documents, docs):
        try:
            analysis = analyse(document.to_input(), doc=doc)
            out.append((document, analysis.sentences, analysis.result(), None))
        except Exception as exc:  # one bad article must not end the run
            out.append((document, None, None, f"{type(exc).__name__}: {exc}"))
    return out


def _coded(documents: Iterable[Document], workers: int) -> Iterator[Coded]:
    """Coded documents in input order; batches go to ``workers`` processes, a bounded
    number at a time (see ``peacetalks.parallel.ordered_map``)."""
    from peacetalks.parallel import ordered_map

    yield from ordered_map(code_for_store_batch, documents, workers=workers)


def run_ingest(
    inputs: list[str],
    store: Any,
    config: Optional[IngestConfig] = None,
    workers: int = 1,
    on_item: Optional[Callable[[IngestSummary, str], None]] = None,
    errors_to: Any = sys.stderr,
) -> IngestSummary:
    """Ingest ``inputs`` into ``store``; ``on_item(summary, label)`` is called after each item."""
    summary = IngestSummary()
    started = time.perf_counter()
    run_id = store.start_run(inputs)
    summary.run_id = run_id

    def note(label: str) -> None:
        if on_item:
            on_item(summary, label)

    def fresh_documents() -> Iterator[Document]:
        """Documents worth coding; errors, skips and known duplicates are recorded here."""
        for item in iter_items(inputs, config):
            if isinstance(item, IngestError):
                summary.failed += 1
                where = f"{item.source}:{item.line}" if item.line else item.source
                summary.failures.append(f"{where}: {item.message}")
                print(f"peacetalks ingest: {where}: {item.message}", file=errors_to)
                store.record_item(run_id, item.source, "failed", item.message, line=item.line)
                note(item.source)
            elif isinstance(item, Skipped) and item.reason.startswith("duplicate"):
                summary.duplicate += 1  # the same text twice within this run
                store.record_item(run_id, item.source, "duplicate", item.reason, doc_id=item.id)
                note(item.source)
            elif isinstance(item, Skipped):
                summary.skipped += 1
                summary.skipped_reasons[item.reason] += 1
                store.record_item(run_id, item.source, "skipped", item.reason, doc_id=item.id)
                note(item.source)
            elif store.has_document(item.content_hash):
                summary.duplicate += 1
                store.record_item(run_id, item.source, "duplicate", doc_id=item.id)
                note(item.source)
            else:
                yield item

    outcome = "finished"
    try:
        for document, sentences, result, error in _coded(fresh_documents(), workers):
            if error is None and (result is None or sentences is None):
                error = "the pipeline returned no result"
            if error is None:
                error = _save(store, document, sentences, result, run_id, summary)
            if error is not None:
                summary.failed += 1
                summary.failures.append(f"{document.source}: {error}")
                print(f"peacetalks ingest: {document.source}: {error}", file=errors_to)
                store.record_item(run_id, document.source, "failed", error, doc_id=document.id)
            note(document.source)
    except BaseException:
        outcome = "interrupted"  # Ctrl-C or a failing database: the run is closed as such
        raise
    finally:
        summary.seconds = time.perf_counter() - started
        _finish(store, run_id, summary, outcome)
    return summary


def _save(store: Any, document: Document, sentences: Any, result: Any, run_id: int,
          summary: IngestSummary) -> Optional[str]:
    """Store one coded document in one transaction; an error message if it cannot be stored
    (nothing of it is written then, so the next run tries it again)."""
    try:
        status = store.save_document(_doc_row(document), sentences, result, run_id=run_id)
    except Exception as exc:  # noqa: BLE001 - one unstorable article must not end the run
        return f"not stored: {type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    if status == "stored":
        summary.stored += 1
    else:
        summary.duplicate += 1
    store.record_item(run_id, document.source, status, doc_id=document.id)
    return None


def _finish(store: Any, run_id: int, summary: IngestSummary, outcome: str) -> None:
    counts = {"stored": summary.stored, "duplicate": summary.duplicate,
              "skipped": summary.skipped, "failed": summary.failed}
    try:
        store.finish_run(run_id, counts, status=outcome)
    except Exception:  # noqa: BLE001
        if outcome == "finished":
            raise
        # interrupted: the database may be what failed; the original exception goes on


def _doc_row(document: Document) -> dict[str, Any]:
    return {
        "id": document.id, "text": document.text, "title": document.title,
        "published": document.published, "url": document.url, "author": document.author,
        "source": document.source, "lang": document.lang, "content_hash": document.content_hash,
    }
