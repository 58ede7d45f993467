"""The pure pipeline: a document's text in, SPEC records out. No database here.

Like a spaCy pipeline, it is a list of small stages with one job each, looked up
by name in ``STAGES``; each reads and fills one shared ``Analysis``:

    parse -> actors -> places -> events -> negotiation
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

from spacy.tokens import Doc

from peacetalks import __version__
from peacetalks.records import (
    ActorMention, DocumentResult, Event, Meeting, PlaceMention, Position, Span,
)


@dataclass
class InputDocument:
    """A document to analyse: the input line of ``peacetalks code``."""

    id: str
    text: str
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "InputDocument":
        if not isinstance(d, dict):
            raise ValueError("a document must be a JSON object")
        text = d.get("text")
        if not isinstance(text, str):
            raise ValueError("missing 'text' (a string)")
        doc_id = d.get("id")
        published = d.get("published")
        return cls(
            id=str(doc_id) if doc_id is not None else "",
            text=text,
            title=d.get("title") if isinstance(d.get("title"), str) else None,
            published=str(published) if published not in (None, "") else None,
            url=d.get("url") if isinstance(d.get("url"), str) else None,
        )


@dataclass
class Analysis:
    """Everything known about one document while the stages run."""

    doc_id: str
    text: str
    doc: Doc
    published: Optional[dt.date] = None
    title: Optional[str] = None
    url: Optional[str] = None
    actors: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)

    @property
    def sentences(self) -> list[Span]:
        """Sentence spans without their trailing whitespace (what evidence quotes)."""
        spans = []
        for s in self.doc.sents:
            text = s.text.rstrip()
            spans.append(Span(text, s.start_char, s.start_char + len(text)))
        return spans

    def result(self) -> DocumentResult:
        return DocumentResult(
            id=self.doc_id, events=self.events, actors=self.actors, places=self.places,
            meetings=self.meetings, positions=self.positions,
        )


Stage = Callable[[Analysis], None]


def _actors(a: Analysis) -> None:
    from peacetalks.actors import annotate
    annotate(a)


def _places(a: Analysis) -> None:
    from peacetalks.places import annotate
    annotate(a)


def _events(a: Analysis) -> None:
    from peacetalks.coding import annotate
    annotate(a)


def _negotiation(a: Analysis) -> None:
    from peacetalks.negotiation import annotate
    annotate(a)


# The registry of stages; a configuration names which run, in this order.
STAGES: dict[str, Stage] = {
    "actors": _actors,
    "places": _places,
    "events": _events,
    "negotiation": _negotiation,
}
DEFAULT_STAGES = ("actors", "places", "events", "negotiation")

CODER = f"peacetalks {__version__}"


def analyse(document: InputDocument, stages: Iterable[str] = DEFAULT_STAGES, doc: Doc | None = None) -> Analysis:
    """Run the stages over one document and return the filled ``Analysis``."""
    from peacetalks.nlp import parse, parse_published

    analysis = Analysis(
        doc_id=document.id, text=document.text, doc=doc if doc is not None else parse(document.text),
        published=parse_published(document.published), title=document.title, url=document.url,
    )
    for name in stages:
        try:
            stage = STAGES[name]
        except KeyError:
            raise ValueError(f"unknown pipeline stage {name!r}; known: {', '.join(STAGES)}") from None
        stage(analysis)
    _restore_span_texts(analysis)
    return analysis


def _restore_span_texts(analysis: Analysis) -> None:
    """Quote every span from the original text.

    The model reads a copy with control characters blanked (same length, so offsets
    agree); stages that quote ``doc.text`` would carry blanks instead of the original
    characters. Re-slicing once here keeps ``span.text == text[start:end]`` for all."""
    text = analysis.text

    def fix(span: Any) -> None:
        if span is not None:
            span.text = text[span.start:span.end]

    for m in analysis.actors:
        fix(m)
    for p in analysis.places:
        fix(p)
    for e in analysis.events:
        for span in (e.trigger, e.evidence, e.location, e.source.actor, *e.actors, *e.recipients):
            fix(span)
    for m in analysis.meetings:
        for span in (m.proposer, m.place, *m.participants, *m.evidence):
            fix(span)
    for p in analysis.positions:
        fix(p.actor)
        fix(p.evidence)


def code_document(document: InputDocument, stages: Iterable[str] = DEFAULT_STAGES) -> DocumentResult:
    return analyse(document, stages).result()


def code_documents(documents: Iterable[InputDocument], stages: Iterable[str] = DEFAULT_STAGES) -> Iterator[DocumentResult]:
    """Code many documents in order (one process). See ``peacetalks.parallel`` for workers."""
    from peacetalks.nlp import parse_many

    stages = tuple(stages)
    batch: list[InputDocument] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= _BATCH:
            yield from _code_batch(batch, stages, parse_many)
            batch = []
    yield from _code_batch(batch, stages, parse_many)


# Documents parsed per nlp.pipe call by code_documents (the model's batched path; a
# small batch keeps memory flat).
_BATCH = 16


def _code_batch(batch: list[InputDocument], stages: tuple[str, ...], parse_many: Any) -> Iterator[DocumentResult]:
    docs = parse_many((d.text for d in batch), batch_size=len(batch) or 1)
    for document, doc in zip(batch, docs):
        yield analyse(document, stages, doc=doc).result()
