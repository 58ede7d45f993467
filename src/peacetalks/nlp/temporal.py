"""Resolving when an event happened from the date expressions of its sentence.

``resolve_date(sentence, published, anchor_char)`` returns ``(iso_date, precision)``:
the ISO date (the first day of the month or year for coarser precision) and one of
"day" | "month" | "year". Relative expressions are resolved against the document's
``published`` date; when a sentence has no usable date expression the event is dated
to ``published`` (precision "day"), the usual convention of news event data.

How it works, in three steps (all regexes precompiled; no dateparser on the hot path):

1. *Candidates*: spaCy DATE/TIME entities of the sentence, plus our own regex matches
   outside them (the small model misses e.g. "Feb. 18" in some contexts). Each candidate
   is read by the first pattern of ``_PATTERNS`` (most specific first) that fits it, so
   "Monday, March 3" gives March 3 and "the spring of 2022" gives 2022.
2. *Filters*: a date after "since/until/by/before/after/for/within" is a bound or a
   duration, not when the event happened; a date that modifies a noun ("its 2022
   demands", "Friday's attack") describes that noun, so it is used only when that noun
   is the event trigger itself.
3. *Choice*: the candidate syntactically attached to the trigger at ``anchor_char``
   wins, then the nearest one; without an anchor, the one attached to the sentence root.

Tense (past / present / future) picks the direction of ambiguous expressions: "on
Thursday" is the latest Thursday on or before ``published`` in a past-tense clause, the
next one after it in a future clause ("will", "would", "shall", "to"-infinitives) and
the nearest one in the present; "in August" is the published year's August unless the
clause is past and August is still ahead (previous year) or future and August is over
(next year). Month/day without a year works the same way.

Week-sized expressions have no precision of their own in the SPEC, so they are given as
a single approximate day with precision "day" (documented choice): "last week" is
published - 7 days, "this week" published, "next week" published + 7, "earlier this
week" the middle of the days between this week's Monday and yesterday, "later this
week" the middle of the days left, "last/this/next weekend" that weekend's Saturday.
"last night" is the day before published, "overnight"/"this morning"/"tonight" the
published day. Decades ("the 1990s"), seasons without a year, "recently" and durations
("two years") are not dates and are ignored.

The vocabulary (month, weekday and number names) is fixed English calendar vocabulary,
not a tunable lexicon, so it lives here as constants rather than in a data file.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import functools
import re
from dataclasses import dataclass
from typing import Callable, Iterator, Literal, Optional

from spacy.tokens import Span, Token

Tense = Literal["past", "present", "future"]
Resolved = tuple[Optional[str], Optional[str]]
_Result = tuple[dt.date, str]

# --- vocabulary -----------------------------------------------------------------------

_MONTH_NAMES = [m for m in calendar.month_name if m]
MONTHS: dict[str, int] = {name.lower(): i + 1 for i, name in enumerate(_MONTH_NAMES)}
MONTHS.update({name.lower()[:3]: i + 1 for i, name in enumerate(_MONTH_NAMES)})
MONTHS["sept"] = 9
WEEKDAYS: dict[str, int] = {name.lower(): i for i, name in enumerate(calendar.day_name)}
NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "a couple of": 2, "couple of": 2,
}
# Auxiliaries that put a clause in the future ("would": reported plans, "he said they
# would meet on Thursday"); "wo" is how spaCy tokenizes "won't".
_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
_PAST_AUX = frozenset({"was", "were", "had", "did", "has", "have", "'ve"})
_DESCRIPTOR_DEPS = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
_DATE_LABELS = frozenset({"DATE", "TIME"})

# Months are matched case-sensitively (Title or UPPER case) so the modal "may" and the
# verb "march" are not months; abbreviations only count next to a day number.
_FULL_MONTH = "|".join(_MONTH_NAMES + [m.upper() for m in _MONTH_NAMES])
_ANY_MONTH = (
    r"(?P<mon>(?:" + _FULL_MONTH + r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?))"
)
_WEEKDAY = r"(?P<wd>" + "|".join(calendar.day_name) + r")s?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
_YEAR = r"(?P<year>(?:19|20)\d\d)(?![\d%s])"
_NUM = r"(?P<n>\d{1,3}|(?i:a\s+couple\s+of|couple\s+of|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve))"
# A date right after these words is a bound or a duration, not the time of the event.
_BOUND_BEFORE = re.compile(
    r"(?i:\b(?:since|until|till|by|before|after|within|for|through|throughout|as\s+of)"
    r"\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+)?(?:early\s+|late\s+|mid-?)?$)"
)
_FUTURE_WORDS = re.compile(
    r"(?i:\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|scheduled|planned|due\s+to|"
    r"expected\s+to|next|upcoming|coming)\b|'ll\b)"
)
# Common irregular past forms of news verbs, besides "-ed".
_PAST_WORDS = re.compile(
    r"(?i:\b(?:was|were|had|did|ago|last|met|said|held|told|began|struck|took|made|came|went|"
    r"gave|fought|won|lost|left|sent|shot|fled|flew|spoke|saw|\w{3,}ed)\b)"
)


# --- date arithmetic (every helper may raise ValueError/OverflowError: caught once) ---

def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _shift_months(d: dt.date, months: int) -> dt.date:
    index = d.year * 12 + (d.month - 1) + months
    return dt.date(index // 12, index % 12 + 1, 1)


def _year_for(month: int, day: int, published: dt.date, tense: Tense) -> dt.date:
    """That month/day in the year the tense points to (the published year in the present)."""
    options = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            options.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not options:
        raise ValueError("no such day")
    if tense == "past":
        before = [o for o in options if o <= published]
        return max(before) if before else min(options)
    if tense == "future":
        after = [o for o in options if o >= published]
        return min(after) if after else max(options)
    same_year = [o for o in options if o.year == published.year]
    return same_year[0] if same_year else min(options, key=lambda o: abs(o - published))


def _month_for(month: int, published: dt.date, tense: Tense) -> dt.date:
    year = published.year
    if tense == "past" and month > published.month:
        year -= 1
    elif tense == "future" and month < published.month:
        year += 1
    return dt.date(year, month, 1)


def _weekday_for(wd: int, published: dt.date, tense: Tense, mod: str, text: str) -> dt.date:
    low = text.lower()
    if "last week" in low or "previous week" in low:
        return _monday(published) - dt.timedelta(days=7 - wd)
    if "next week" in low:
        return _monday(published) + dt.timedelta(days=7 + wd)
    if mod == "this":
        return _monday(published) + dt.timedelta(days=wd)
    back = (published.weekday() - wd) % 7
    ahead = (wd - published.weekday()) % 7 or 7
    if mod in ("last", "past"):
        return published - dt.timedelta(days=back or 7)
    if mod in ("next", "coming") or tense == "future":
        return published + dt.timedelta(days=ahead)
    if tense == "past" or back <= ahead:
        return published - dt.timedelta(days=back)
    return published + dt.timedelta(days=ahead)


def _number(text: str) -> int:
    text = re.sub(r"\s+", " ", text.lower())
    return int(text) if text.isdigit() else NUMBER_WORDS[text]


def _month_number(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


# --- the patterns, most specific first ------------------------------------------------

Handler = Callable[["re.Match[str]", Optional[dt.date], Tense], Optional[_Result]]


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: "re.Pattern[str]"
    handler: Handler
    relative: bool  # needs the published date


def _iso(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> _Result:
    return dt.date(int(m["year"]), int(m["m"]), int(m["day"])), "day"


def _numeric(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> _Result:
    a, b = int(m["a"]), int(m["b"])
    # Dots are day.month.year (European, as in Ukrainian sources); slashes are US
    # month/day/year unless the first number cannot be a month.
    if m["sep"] == "." or a > 12:
        a, b = b, a
    return dt.date(int(m["year"]), a, b), "day"


def _month_day(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> Optional[_Result]:
    month, day = _month_number(m["mon"]), int(m["day"])
    if m["year"]:
        return dt.date(int(m["year"]), month, day), "day"
    if pub is None:
        return None
    return _year_for(month, day, pub, tense), "day"


def _month_year(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> _Result:
    return dt.date(int(m["year"]), _month_number(m["mon"]), 1), "month"


_NAMED_OFFSETS = {
    "the day before yesterday": -2, "day before yesterday": -2, "yesterday": -1,
    "last night": -1, "today": 0, "tonight": 0, "overnight": 0, "this morning": 0,
    "this afternoon": 0, "this evening": 0, "earlier today": 0, "later today": 0,
    "tomorrow": 1, "the day after tomorrow": 2, "day after tomorrow": 2,
}


def _named(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> Optional[_Result]:
    if pub is None:
        return None
    key = re.sub(r"\s+", " ", m[0].lower())
    return pub + dt.timedelta(days=_NAMED_OFFSETS[key]), "day"


def _ago(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> Optional[_Result]:
    if pub is None:
        return None
    n = _number(m["n"]) * (-1 if m["dir"].lower() == "ago" else 1)
    unit = m["unit"].lower()
    if unit == "day":
        return pub + dt.timedelta(days=n), "day"
    if unit == "week":
        return pub + dt.timedelta(days=7 * n), "day"
    if unit == "month":
        return _shift_months(pub, n), "month"
    return dt.date(pub.year + n, 1, 1), "year"


def _weekday(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> Optional[_Result]:
    if pub is None:
        return None
    mod = (m["mod"] or "").lower()
    return _weekday_for(WEEKDAYS[m["wd"].lower()], pub, tense, mod, m.string), "day"


def _period(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> Optional[_Result]:
    if pub is None:
        return None
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower()).removeprefix("the ")
    unit = m["unit"].lower()
    step = {"last": -1, "this past": -1, "previous": -1, "next": 1, "coming": 1}.get(mod, 0)
    if unit == "week":
        return _week(pub, mod, step), "day"
    if unit == "weekend":
        return _weekend(pub, step, tense, explicit=bool(mod and mod != "the")), "day"
    if unit == "month":
        return _shift_months(pub, step), "month"
    return dt.date(pub.year + step, 1, 1), "year"


def _week(pub: dt.date, mod: str, step: int) -> dt.date:
    if mod == "earlier this":
        monday = _monday(pub)
        return pub if pub == monday else monday + (pub - monday) // 2
    if mod == "later this":
        left = 6 - pub.weekday()
        return pub + dt.timedelta(days=(left + 1) // 2)
    return pub + dt.timedelta(days=7 * step)


def _weekend(pub: dt.date, step: int, tense: Tense, explicit: bool) -> dt.date:
    saturday = _monday(pub) + dt.timedelta(days=5)
    if explicit:
        return saturday + dt.timedelta(days=7 * step)
    # "over the weekend": the last one in a past clause, the next one in a future clause.
    if tense == "past" and saturday > pub:
        return saturday - dt.timedelta(days=7)
    return saturday


def _month_only(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> Optional[_Result]:
    if pub is None:
        return None
    mod = (m["mod"] or "").lower()
    tense = "past" if mod == "last" else "future" if mod == "next" else tense
    return _month_for(_month_number(m["mon"]), pub, tense), "month"


def _year(m: "re.Match[str]", pub: Optional[dt.date], tense: Tense) -> _Result:
    return dt.date(int(m["year"]), 1, 1), "year"


_PATTERNS: tuple[Pattern, ...] = (
    Pattern("iso", re.compile(r"(?<!\d)(?P<year>\d{4})-(?P<m>\d{1,2})-(?P<day>\d{1,2})(?!\d)"), _iso, False),
    Pattern("numeric", re.compile(
        r"(?<![\d./])(?P<a>\d{1,2})(?P<sep>[./])(?P<b>\d{1,2})(?P=sep)(?P<year>\d{4})(?!\d)"), _numeric, False),
    Pattern("month_day", re.compile(
        r"\b" + _ANY_MONTH + r"\s+" + _DAY + r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"), _month_day, False),
    Pattern("day_month", re.compile(
        r"(?<![\d.])" + _DAY + r"\s+(?:of\s+)?" + _ANY_MONTH + r"(?:,?\s+(?P<year>(?:19|20)\d\d)(?!\d))?"),
        _month_day, False),
    Pattern("month_year", re.compile(r"\b" + _ANY_MONTH + r",?\s+(?:of\s+)?" + _YEAR), _month_year, False),
    Pattern("named", re.compile(
        r"(?i:\b(?:(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)|yesterday|tomorrow|"
        r"(?:earlier|later)\s+today|today|tonight|overnight|last\s+night|this\s+(?:morning|afternoon|evening))\b)"),
        _named, True),
    Pattern("ago", re.compile(
        r"\b" + _NUM + r"\s+(?P<unit>(?i:day|week|month|year))s?\s+(?P<dir>(?i:ago|from\s+now))\b"), _ago, True),
    Pattern("weekday", re.compile(
        r"(?:\b(?P<mod>(?i:last|next|this|past|coming))\s+)?\b" + _WEEKDAY + r"\b"), _weekday, True),
    Pattern("period", re.compile(
        r"(?i:\b(?P<mod>earlier\s+this|later\s+this|this\s+past|(?:the\s+)?(?:previous|coming)|last|next|this|the(?=\s+weekend))"
        r"\s+(?P<unit>week|weekend|month|year)\b)"), _period, True),
    Pattern("month", re.compile(
        r"(?:\b(?P<mod>(?i:last|next|this|early|late|mid))[-\s]+)?\b(?P<mon>" + _FULL_MONTH + r")\b"),
        _month_only, False),
    Pattern("year", re.compile(r"(?<![\d$€£.,/])(?<!\d-)" + _YEAR + r"(?!s\b|-\d)"), _year, False),
)
# Outside spaCy's entities a bare month name must follow a date preposition (so "June"
# the name and "March" the verb are not months); the other patterns are safe as they are.
_MONTH_IN_TEXT = re.compile(
    r"(?i:\b(?:in|on|of|during|early|late|mid|last|next|this)[-\s]+)(?P<mon>" + _FULL_MONTH + r")\b")


def interpret(text: str, published: Optional[dt.date], tense: Tense = "present") -> Optional[_Result]:
    """The date and precision of one date expression (e.g. an entity's text), or None."""
    for pattern in _PATTERNS:
        if pattern.relative and published is None:
            continue
        m = pattern.regex.search(text)
        if m is None:
            continue
        try:
            result = pattern.handler(m, published, tense)
        except (ValueError, OverflowError, KeyError):
            result = None
        if result is not None:
            return result
    return None


# --- finding the expressions of a sentence --------------------------------------------

@dataclass(frozen=True)
class Expression:
    """A date expression found in a text: character offsets relative to that text."""

    start: int
    end: int
    text: str


@functools.lru_cache(maxsize=4096)
def _regex_expressions(text: str) -> tuple[Expression, ...]:
    """Date expressions our patterns find in ``text`` (longest first on overlaps)."""
    spans: list[tuple[int, int]] = []
    regexes = [p.regex for p in _PATTERNS if p.name != "month"] + [_MONTH_IN_TEXT]
    for regex in regexes:
        spans.extend(m.span() for m in regex.finditer(text))
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        # Overlapping or adjacent finds are one expression: "Monday, March 3",
        # "Tuesday last week" are read together (the most specific part wins).
        if kept and (start < kept[-1][1] or _JOINER.fullmatch(text, kept[-1][1], start)):
            kept[-1] = (kept[-1][0], max(end, kept[-1][1]))
            continue
        kept.append((start, end))
    return tuple(Expression(s, e, text[s:e]) for s, e in kept)


_JOINER = re.compile(r"\s*,?\s*(?:of\s+)?")


def _is_bound(text: str, start: int) -> bool:
    return _BOUND_BEFORE.search(text[max(0, start - 40):start]) is not None


def _text_before(sentence: Span, start: int, width: int = 40) -> tuple[str, int]:
    """(text, its document offset) covering at least ``width`` characters before ``start``
    (or the document's start). ``sentence.doc.text`` would rebuild the whole document's
    text for every date expression: quadratic in document length."""
    doc, k = sentence.doc, sentence.start
    while k > 0 and doc[k].idx > start - width:
        k -= 1
    return doc[k:sentence.end].text, doc[k].idx if len(doc) else 0


def _sentence_expressions(sentence: Span) -> Iterator[Expression]:
    """spaCy DATE/TIME entities, then our regex finds outside them (document offsets)."""
    base = sentence.start_char
    entities = _date_entities_in(sentence)
    yield from entities
    for found in _regex_expressions(sentence.text):
        start, end = base + found.start, base + found.end
        if not any(start < e.end and e.start < end for e in entities):
            yield Expression(start, end, found.text)


_DATE_ENTS_KEY = "peacetalks.date_entities"


def _date_entities_in(sentence: Span) -> list[Expression]:
    """The DATE/TIME entities inside ``sentence``. ``Span.ents`` scans all of the
    document's entities on every call (quadratic over a long document), so the date
    entities are listed once per document, in order, and sliced by token index."""
    doc = sentence.doc
    index = doc.user_data.get(_DATE_ENTS_KEY)
    if index is None:
        ents = [e for e in doc.ents if e.label_ in _DATE_LABELS]
        index = ([e.start for e in ents], [(e.end, Expression(e.start_char, e.end_char, e.text)) for e in ents])
        doc.user_data[_DATE_ENTS_KEY] = index
    starts, items = index
    first = bisect.bisect_left(starts, sentence.start)
    found = []
    for k in range(first, len(items)):
        if starts[k] >= sentence.end:
            break
        end, expr = items[k]
        if end <= sentence.end:  # Span.ents keeps only entities wholly inside
            found.append(expr)
    return found


# --- syntax: what a date is attached to, and the tense there ---------------------------

def _root_token(sentence: Span, expr: Expression) -> Optional[Token]:
    span = sentence.doc.char_span(expr.start, expr.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _governor(token: Token) -> Token:
    """The word a date hangs on: up through prepositions and date nouns ("in the spring of")."""
    seen = 0
    while token.head.i != token.i and seen < 8 and (
        token.dep_ in ("pobj", "prep", "pcomp") or token.ent_type_ in _DATE_LABELS
    ):
        token = token.head
        seen += 1
    return token


def _tense(token: Token) -> Tense:
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return "present"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if any(a.lower_ in _PAST_AUX for a in auxes) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and not auxes:
        return "past"
    if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes):
        return "future"  # "agreed to meet on Thursday", "are going to meet"
    return "present"


def _anchor_token(sentence: Span, anchor_char: int) -> Optional[Token]:
    for token in sentence:
        if token.idx <= anchor_char < token.idx + max(1, len(token.text)):
            return token
    return None


def _describes_other_noun(root: Token, anchor: Optional[Token]) -> bool:
    """ "its 2022 demands": the date describes a noun, which is not the event trigger."""
    head = root.head
    return (
        root.dep_ in _DESCRIPTOR_DEPS and head.i != root.i and head.pos_ in ("NOUN", "PROPN")
        and head.ent_type_ not in _DATE_LABELS and (anchor is None or head.i != anchor.i)
    )


def _rank(root: Optional[Token], expr: Expression, anchor: Optional[Token],
          anchor_char: Optional[int], sentence: Span) -> tuple[int, int]:
    if root is None:
        return (3, expr.start)
    governor = _governor(root)
    if anchor is not None and anchor_char is not None:
        attached = 0 if governor.i == anchor.i else 1 if anchor.left_edge.i <= root.i <= anchor.right_edge.i else 2
        distance = 0 if expr.start <= anchor_char < expr.end else min(
            abs(anchor_char - expr.start), abs(anchor_char - expr.end))
        return (attached, distance)
    return (0 if governor.i == sentence.root.i else 1, expr.start)


# --- public API ---------------------------------------------------------------------

def _as_date(published: Optional[dt.date]) -> Optional[dt.date]:
    if isinstance(published, dt.datetime):
        return published.date()
    return published if isinstance(published, dt.date) else None


def _fallback(published: Optional[dt.date]) -> Resolved:
    return (published.isoformat(), "day") if published is not None else (None, None)


def resolve_date(sentence: Span, published: Optional[dt.date], anchor_char: Optional[int] = None) -> Resolved:
    """ISO date and precision of the event in ``sentence`` (see the module docstring).

    ``anchor_char`` is a document character offset of the event trigger: with several
    date expressions, the one attached to / nearest the trigger is used. Without a
    usable date expression: ``(published, "day")``, or ``(None, None)`` if no published.
    """
    found = find_date(sentence, published, anchor_char)
    return found if found[0] is not None else _fallback(_as_date(published))


def find_date(sentence: Span, published: Optional[dt.date], anchor_char: Optional[int] = None) -> Resolved:
    """Like ``resolve_date`` but ``(None, None)`` when the sentence states no usable date
    (for callers to whom "undated" differs from "published", e.g. proposed meetings)."""
    published = _as_date(published)
    anchor = _anchor_token(sentence, anchor_char) if anchor_char is not None else None
    best: Optional[tuple[tuple[int, int], _Result]] = None
    for expr in _sentence_expressions(sentence):
        before, offset = _text_before(sentence, expr.start)
        if _is_bound(before, expr.start - offset):
            continue
        root = _root_token(sentence, expr)
        if root is not None and _describes_other_noun(root, anchor):
            continue
        tense = _tense(_governor(root)) if root is not None else "present"
        result = interpret(expr.text, published, tense)
        if result is None:
            continue
        rank = _rank(root, expr, anchor, anchor_char, sentence)
        if best is None or rank < best[0]:
            best = (rank, result)
    if best is None:
        return None, None
    return best[1][0].isoformat(), best[1][1]


def text_tense(text: str) -> Tense:
    """A rough tense of a plain string, from its words (no parse)."""
    if _FUTURE_WORDS.search(text):
        return "future"
    if _PAST_WORDS.search(text):
        return "past"
    return "present"


def resolve_text_date(text: str, published: Optional[dt.date]) -> Resolved:
    """The first resolvable date expression of a plain string (no spaCy parse)."""
    published = _as_date(published)
    tense = text_tense(text)
    for expr in _regex_expressions(text):
        if _is_bound(text, expr.start):
            continue
        result = interpret(expr.text, published, tense)
        if result is not None:
            return result[0].isoformat(), result[1]
    return _fallback(published)


__all__ = ["find_date", "interpret", "resolve_date", "resolve_text_date", "text_tense", "Tense"]
