"""Cut a document's text around an event's evidence and trigger, for the template to escape.

The result is plain strings; the template puts them between <mark>/<strong> tags with Jinja's
autoescaping, so markup inside the document is always shown as text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional


@dataclass(frozen=True)
class Highlighted:
    before: str
    evidence_before: str = ""
    trigger: str = ""
    evidence_after: str = ""
    after: str = ""
    marked: bool = False


def _bounds(span: Optional[dict[str, Any]], lo: int, hi: int) -> Optional[tuple[int, int]]:
    """(start, end) of a span if it lies within [lo, hi] and is well formed, else None."""
    if not span:
        return None
    try:
        start, end = int(span["start"]), int(span["end"])
    except (KeyError, TypeError, ValueError):
        return None
    return (start, end) if lo <= start <= end <= hi else None


def highlight(text: str, evidence: Optional[dict[str, Any]], trigger: Optional[dict[str, Any]]) -> Highlighted:
    ev = _bounds(evidence, 0, len(text))
    if ev is None:
        return Highlighted(before=text)
    start, end = ev
    trig = _bounds(trigger, start, end)
    t0, t1 = trig if trig else (end, end)
    return Highlighted(before=text[:start], evidence_before=text[start:t0], trigger=text[t0:t1],
                       evidence_after=text[t1:end], after=text[end:], marked=True)
