"""When a meeting happens or a position was stated.

Uses the shared resolver ``peacetalks.nlp.temporal.resolve_date`` when it is installed
(another part of the project); otherwise a small fallback that reads the DATE entities
spaCy finds near the meeting word: month names, "15 August", weekdays, today/yesterday.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple, Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from peacetalks.negotiation import doccache

_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_DAY = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")
_PAST = frozenset({"held", "postponed", "cancelled"})


class DateEnt(NamedTuple):
    start: int  # token offsets, like a Span's
    end: int
    text: str


def date_ents(sent: SpacySpan) -> list[DateEnt]:
    """The DATE entities of a sentence. ``Span.ents`` scans the whole document on every call and
    the stage asks once per meeting word, so they are read once per document (``doccache``)."""
    table = doccache.cached(sent.doc, "date_ents", _date_table)
    return [e for e in table.get(sent.start, ()) if e.end <= sent.end]


def _date_table(doc: Doc) -> dict[int, list[DateEnt]]:
    table: dict[int, list[DateEnt]] = {}
    for e in doc.ents:
        if e.label_ == "DATE":
            table.setdefault(doc[e.start].sent.start, []).append(DateEnt(e.start, e.end, e.text))
    return table


def resolve(sent: SpacySpan, published: Optional[dt.date], anchor: Optional[Token], status: str) -> Optional[str]:
    """ISO date (day or month precision) of the thing the sentence says, or None."""
    if status in _UNSETTLED and anchor is not None and not _dated_near(sent, anchor):
        return None  # "Ukraine proposed on Monday a working group": Monday dates the proposal
    shared = _shared_resolver()
    if shared is not None:
        try:
            iso, precision = shared(sent, published, anchor_char=anchor.idx if anchor is not None else None)
        except Exception:  # the shared resolver must never break this stage
            iso, precision = None, None
        # The shared resolver dates undated sentences to ``published``: right for an event
        # that happened, wrong for a meeting only proposed, so keep that only when held.
        undated = published is not None and iso == published.isoformat() and not date_ents(sent)
        if iso and not undated:
            return _forward(_reduced(str(iso), precision), sent, published, status)
    else:
        iso = _fallback(sent, published, anchor, status)
        if iso:
            return iso
    return published.isoformat() if published and status == "held" else None


_COMING = frozenset({"planned", "conditional"})


def _forward(iso: str, sent: SpacySpan, published: Optional[dt.date], status: str) -> str:
    """A meeting still to come named by a weekday ("will send a delegation ... on Monday",
    reported on Saturday) is the next such day, not the last one: the resolver reads weekdays
    backwards when the reporting verb is past."""
    if status not in _COMING or published is None or len(iso) < 10:
        return iso
    try:
        day = dt.date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    if not (day < published and (published - day).days < 7):
        return iso
    named = {_WEEKDAYS[w] for e in date_ents(sent) for w in e.text.lower().split() if w in _WEEKDAYS}
    return (day + dt.timedelta(days=7)).isoformat() if day.weekday() in named else iso


# A meeting only talked about is dated by a date written on it ("talks on June 2", "meet on
# Friday"), not by the day someone proposed or mentioned it.
_UNSETTLED = frozenset({"proposed", "conditional"})
_SAYING = frozenset({"propose", "suggest", "offer", "say", "tell", "announce", "float", "invite", "urge"})


def _dated_near(sent: SpacySpan, anchor: Token) -> bool:
    scope = {t.i for t in anchor.subtree}
    head = anchor.head
    if head.i != anchor.i and head.pos_ in ("VERB", "AUX") and head.lemma_.lower() not in _SAYING:
        scope |= {t.i for t in head.subtree if t.i not in {a.i for a in anchor.ancestors}}
        scope -= {t.i for c in head.children if c.dep_ in ("ccomp", "advcl") for t in c.subtree}
    return any(any(i in scope for i in range(e.start, e.end)) for e in date_ents(sent))


def _reduced(iso: str, precision: Optional[str]) -> str:
    """ISO 8601 reduced precision: "2025-08" for a month, "2025" for a year."""
    if precision == "month":
        return iso[:7]
    if precision == "year":
        return iso[:4]
    return iso


def _shared_resolver():  # type: ignore[no-untyped-def]
    try:
        from peacetalks.nlp.temporal import resolve_date  # type: ignore[import-not-found]
    except Exception:
        return None
    return resolve_date


def _fallback(sent: SpacySpan, published: Optional[dt.date], anchor: Optional[Token], status: str) -> Optional[str]:
    ents = date_ents(sent)
    if not ents:
        return None
    if anchor is not None:
        ents.sort(key=lambda e: abs(e.start - anchor.i))
    for ent in ents:
        iso = _read(ent.text.lower(), published, past=status in _PAST)
        if iso:
            return iso
    return None


def _read(text: str, published: Optional[dt.date], past: bool) -> Optional[str]:
    year_m = _YEAR.search(text)
    year = int(year_m.group(0)) if year_m else (published.year if published else None)
    for name, month in _MONTHS.items():
        if name in text.split() or name[:3] + "." in text:
            if year is None:
                return None
            day_m = _DAY.search(text.replace(str(year), ""))
            if day_m and 1 <= int(day_m.group(1)) <= 31:
                try:
                    return dt.date(year, month, int(day_m.group(1))).isoformat()
                except ValueError:
                    pass
            return f"{year:04d}-{month:02d}"
    if published is None:
        return None
    if "yesterday" in text:
        return (published - dt.timedelta(days=1)).isoformat()
    if "today" in text:
        return published.isoformat()
    if "tomorrow" in text:
        return (published + dt.timedelta(days=1)).isoformat()
    for name, wd in _WEEKDAYS.items():
        if name in text:
            delta = (published.weekday() - wd) % 7
            if past:
                return (published - dt.timedelta(days=delta)).isoformat()
            return (published + dt.timedelta(days=(wd - published.weekday()) % 7 or 7)).isoformat()
    if year_m and text.strip() == year_m.group(0):
        return year_m.group(0)
    return None
