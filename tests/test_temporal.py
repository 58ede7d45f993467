"""Resolving event dates from date expressions (peacetalks.nlp.temporal)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacetalks.nlp import parse
from peacetalks.nlp.temporal import find_date, resolve_date, resolve_text_date

WED = dt.date(2025, 8, 13)  # a Wednesday
THU = dt.date(2025, 8, 14)  # a Thursday


def resolve(text: str, published: Optional[dt.date], anchor: Optional[str] = None):
    """Resolve the first sentence of ``text``, anchored on the word ``anchor`` if given."""
    doc = parse(text)
    sentence = next(iter(doc.sents))
    return resolve_date(sentence, published, text.index(anchor) if anchor else None)


@pytest.mark.parametrize("text, published, expected", [
    # Weekdays: the latest one on or before the published date in the past tense ...
    ("Officials agreed on Thursday to resume the talks.", WED, ("2025-08-07", "day")),
    ("Officials agreed on Thursday to resume the talks.", THU, ("2025-08-14", "day")),
    ("Russian missiles struck Lviv on Monday.", WED, ("2025-08-11", "day")),
    # ... the next one after it in the future tense or with "next".
    ("The delegations will meet on Thursday.", THU, ("2025-08-21", "day")),
    ("The delegations will meet on Friday.", WED, ("2025-08-15", "day")),
    ("The talks will take place next Tuesday.", WED, ("2025-08-19", "day")),
    ("Zelensky met Erdogan last Wednesday.", WED, ("2025-08-06", "day")),
    ("Zelensky met Erdogan on Tuesday last week.", WED, ("2025-08-05", "day")),
    ("On Monday, March 3, the ministers met in Riyadh.", WED, ("2025-03-03", "day")),
    # Named days.
    ("Lavrov said yesterday that the talks had failed.", WED, ("2025-08-12", "day")),
    ("The talks resumed today in Istanbul.", WED, ("2025-08-13", "day")),
    ("The ministers will meet tomorrow.", WED, ("2025-08-14", "day")),
    ("Missiles struck Lviv this morning.", WED, ("2025-08-13", "day")),
    ("Drones hit Odesa last night.", WED, ("2025-08-12", "day")),
    # Counted offsets.
    ("Shelling killed five people two days ago.", WED, ("2025-08-11", "day")),
    ("Three weeks ago the army retreated from the town.", WED, ("2025-07-23", "day")),
    ("The sanctions were lifted two months ago.", WED, ("2025-06-01", "month")),
    # Weeks: one approximate day, precision "day" (documented choice).
    ("Russia attacked Kyiv last week.", WED, ("2025-08-06", "day")),
    ("Earlier this week, Lavrov met Rubio in Moscow.", THU, ("2025-08-12", "day")),
    ("The envoys will meet next week.", WED, ("2025-08-20", "day")),
    # Months: the published year's month, moved by tense when it would be wrong.
    ("A summit in August is unlikely.", dt.date(2025, 8, 10), ("2025-08-01", "month")),
    ("The delegations met in September.", WED, ("2024-09-01", "month")),
    ("The delegations met in June.", WED, ("2025-06-01", "month")),
    ("The delegations will meet in March.", WED, ("2026-03-01", "month")),
    ("Sanctions were imposed last month.", WED, ("2025-07-01", "month")),
    ("Talks will resume next month.", WED, ("2025-09-01", "month")),
    ("Talks will resume next month.", dt.date(2025, 12, 5), ("2026-01-01", "month")),
    # Calendar dates, with or without the year.
    ("The talks were held on Feb. 18 in Riyadh.", WED, ("2025-02-18", "day")),
    ("On 18 February the ministers met in Riyadh.", WED, ("2025-02-18", "day")),
    ("On February 18, 2025, Trump called Putin.", dt.date(2025, 3, 1), ("2025-02-18", "day")),
    ("The leaders will meet on February 18.", WED, ("2026-02-18", "day")),
    ("The decree of 24 February 2022 was signed in Moscow.", WED, ("2022-02-24", "day")),
    ("The summit on 2025-08-15 was cancelled.", WED, ("2025-08-15", "day")),
    ("The ceasefire was agreed on 24.02.2022.", WED, ("2022-02-24", "day")),
    ("In mid-March 2022 the negotiators met in Istanbul.", WED, ("2022-03-01", "month")),
    # Years.
    ("Russia invaded Crimea in 2014.", WED, ("2014-01-01", "year")),
    ("Last year the EU imposed sanctions on Russia.", WED, ("2024-01-01", "year")),
    ("The war began in the spring of 2022.", WED, ("2022-01-01", "year")),
])
def test_expressions(text: str, published: dt.date, expected: tuple[str, str]) -> None:
    assert resolve(text, published) == expected


def test_no_expression_gives_the_published_day() -> None:
    assert resolve("Russia demands security guarantees.", WED) == ("2025-08-13", "day")
    assert resolve("Russia demands security guarantees.", None) == (None, None)


def test_find_date_tells_undated_from_published() -> None:
    doc = parse("Putin proposed a summit with Zelensky. They met today.")
    first, second = list(doc.sents)
    assert find_date(first, WED) == (None, None)
    assert find_date(second, WED) == ("2025-08-13", "day")


def test_relative_expression_without_published_is_unresolved() -> None:
    assert resolve("Russia attacked Kyiv yesterday.", None) == (None, None)
    assert resolve("Russia attacked Kyiv on 24 February 2022.", None) == ("2022-02-24", "day")


def test_bounds_and_descriptors_are_not_event_dates() -> None:
    # "since 2014" bounds a state; "its 2022 demands" describes the demands.
    assert resolve("Russia has occupied Crimea since 2014.", WED) == ("2025-08-13", "day")
    assert resolve("The Kremlin will not go beyond its 2022 demands.", WED) == ("2025-08-13", "day")


def test_anchor_picks_the_attached_expression() -> None:
    text = "Lavrov said on Friday that the leaders would meet in September."
    assert resolve(text, WED, anchor="said") == ("2025-08-08", "day")
    assert resolve(text, WED, anchor="meet") == ("2025-09-01", "month")


def test_anchor_on_a_noun_uses_its_own_date() -> None:
    text = "Lavrov said on Monday that the September 2 summit would not happen."
    assert resolve(text, WED, anchor="summit") == ("2025-09-02", "day")
    assert resolve(text, WED, anchor="said") == ("2025-08-11", "day")


def test_datetime_published_is_accepted() -> None:
    assert resolve("Talks resumed yesterday.", dt.datetime(2025, 8, 13, 22, 5)) == ("2025-08-12", "day")


@pytest.mark.parametrize("text, expected", [
    ("last Thursday", ("2025-08-07", "day")),
    ("next Thursday", ("2025-08-14", "day")),
    ("February 18, 2025", ("2025-02-18", "day")),
    ("Feb. 18", ("2025-02-18", "day")),
    ("18 February", ("2025-02-18", "day")),
    ("2022", ("2022-01-01", "year")),
    ("in August", ("2025-08-01", "month")),
    ("The talks were held in September", ("2024-09-01", "month")),
    ("two days ago", ("2025-08-11", "day")),
    ("yesterday", ("2025-08-12", "day")),
    ("2025-08-01T10:30:00Z", ("2025-08-01", "day")),
    ("no date here", ("2025-08-13", "day")),
])
def test_resolve_text_date(text: str, expected: tuple[str, str]) -> None:
    assert resolve_text_date(text, WED) == expected


def _valid(result: tuple[Optional[str], Optional[str]]) -> bool:
    iso, precision = result
    if iso is None:
        return precision is None
    return dt.date.fromisoformat(iso).isoformat() == iso and precision in ("day", "month", "year")


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=200), published=st.one_of(st.none(), st.dates()))
def test_text_never_raises(text: str, published: Optional[dt.date]) -> None:
    assert _valid(resolve_text_date(text, published))


_DATE_WORDS = st.sampled_from([
    "on Monday", "last Sunday", "next Friday", "yesterday", "tomorrow", "in May", "May 31",
    "31 February", "February 29", "last week", "next month", "9999", "2022", "0 days ago",
    "99 years from now", "12/31/2024", "31.12.2024", "the weekend", "earlier this week",
])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(words=st.lists(st.one_of(_DATE_WORDS, st.text(max_size=12)), max_size=6),
       published=st.one_of(st.none(), st.dates()))
def test_sentences_never_raise(words: list[str], published: Optional[dt.date]) -> None:
    text = "They met " + " ".join(words) + "."
    doc = parse(text)
    for sentence in doc.sents:
        assert _valid(resolve_date(sentence, published, anchor_char=5))
