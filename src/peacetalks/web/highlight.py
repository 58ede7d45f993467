"""Cut a document's text into segments for the reader: runs covered by the same actor, place
and trigger marks, split around the highlighted evidence span.

The result is plain strings; the template puts them inside <span>/<mark> tags with Jinja's
autoescaping, so markup inside the document is always shown as text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional


def _bounds(span: Optional[dict[str, Any]], lo: int, hi: int) -> Optional[tuple[int, int]]:
    """(start, end) of a span if it lies within [lo, hi] and is well formed, else None."""
    if not span:
        return None
    try:
        start, end = int(span["start"]), int(span["end"])
    except (KeyError, TypeError, ValueError):
        return None
    return (start, end) if lo <= start <= end <= hi else None


# ------------------------------------------------------------------ the document reader

@dataclass(frozen=True)
class Segment:
    """A run of text covered by the same marks (kinds: actor, place, trigger)."""

    text: str
    kinds: tuple[str, ...] = ()
    title: str = ""


@dataclass(frozen=True)
class Reader:
    before: tuple[Segment, ...]
    evidence: tuple[Segment, ...] = ()
    after: tuple[Segment, ...] = ()
    marked: bool = False


Mark = tuple[int, int, str, str]  # start, end, kind, title


def _segments(text: str, lo: int, hi: int, marks: list[Mark]) -> tuple[Segment, ...]:
    """Cut text[lo:hi] at every mark boundary (a sweep: marks may overlap or nest)."""
    cuts = sorted({lo, hi} | {p for s, e, _, _ in marks for p in (s, e) if lo < p < hi})
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        if lo <= m[0] < hi:
            starts.setdefault(m[0], []).append(m)
    active: list[Mark] = [m for m in marks if m[0] < lo < m[1]]
    out = []
    for a, b in zip(cuts, cuts[1:]):
        active = [m for m in active if m[1] > a] + starts.get(a, [])
        kinds = tuple(sorted({m[2] for m in active}))
        title = "; ".join(dict.fromkeys(m[3] for m in active if m[3]))
        out.append(Segment(text[a:b], kinds, title))
    return tuple(out)


def reader(text: str, marks: list[Mark], evidence: Optional[dict[str, Any]]) -> Reader:
    """The text in segments, split around the evidence span (if valid) for a <mark>."""
    valid = [m for m in marks if 0 <= m[0] < m[1] <= len(text)]
    ev = _bounds(evidence, 0, len(text))
    if ev is None or ev[0] == ev[1]:
        return Reader(before=_segments(text, 0, len(text), valid))
    start, end = ev
    return Reader(before=_segments(text, 0, start, valid), evidence=_segments(text, start, end, valid),
                  after=_segments(text, end, len(text), valid), marked=True)
