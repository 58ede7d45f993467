"""Property tests on `code` (issue 8, item 5), through the public API ``peacetalks.code``:
it never raises on any Unicode text, every span indexes the text, and the output is SPEC-valid.
Example counts are modest because the spaCy pipeline is slow."""

from __future__ import annotations

from typing import Any, Iterator, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import peacetalks
from peacetalks.schemas import errors as schema_errors

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# News words likely to make events, meetings and positions, and characters that make trouble.
WORDS = ["Russia", "Ukraine", "Lavrov", "Zelensky", "said", "accused", "attacked", "shelled", "Kyiv", "Geneva",
         "talks", "met", "will", "meet", "in", "on", "Tuesday", "ceasefire", "rejected", "demanded", "the",
         "withdrawal", "of", "troops", "sanctions", "NATO", "Turkey", "hosted", "negotiators", ".", ",", "\"",
         "next week", "on 12 August", "not", "refused", "to", "'s", "summit", "Istanbul"]
ODD = ["\x00", "\x1b", "\x85", "\u200b",
       "\u200d", "\u202e", "\u200f", "\ufeff", "\u00ad", "\r\n", "\n\n", "\t", "\u2028",
       "\U0001F54A\ufe0f", "e\u0301", "\u0627\u0644\u0633\u0644\u0627\u0645", "\u05e9\u05dc\u05d5\u05dd",
       "\ud7ff", "\U0010fffd", "\ufffd", "  ", "\u0130", "\u00df", "\ufb01"]

news_like = st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(ODD)), max_size=60).map(" ".join)

published = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()),
                      st.sampled_from(["2025-08-10T09:00:00+02:00", "2025-08", "2025"]))


def _spans(obj: Any) -> Iterator[dict[str, Any]]:
    """Every nested {text, start, end} object of a record (evidence, triggers, mentions...)."""
    if isinstance(obj, dict):
        if isinstance(obj.get("start"), int) and isinstance(obj.get("end"), int) and isinstance(obj.get("text"), str):
            yield obj
        for value in obj.values():
            yield from _spans(value)
    elif isinstance(obj, list):
        for value in obj:
            yield from _spans(value)


def _check(text: str, when: Optional[str] = None) -> None:
    out = peacetalks.code(text, published=when).to_dict()
    assert schema_errors("code_output", out) == []
    for span in _spans(out):
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span


@SETTINGS
@given(st.text(max_size=300), published)
def test_any_unicode_text_codes_to_valid_spec_output(text: str, when: Optional[str]) -> None:
    _check(text, when)


@pytest.mark.parametrize("text", ["withdrawal Russia refused \x00 Russia", "\n\nRussia Ukraine \x00 summit",
                                  "U\x1f\u00daQ\x8a"])  # found by the properties above
def test_control_characters_keep_span_texts_exact(text: str) -> None:
    _check(text, None)


@SETTINGS
@given(news_like, published)
def test_news_like_text_with_odd_characters_keeps_offsets_exact(text: str, when: Optional[str]) -> None:
    _check(text, when)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(news_like, min_size=2, max_size=6).map("\n\n".join))
def test_multi_paragraph_documents(text: str) -> None:
    _check(text, "2025-08-10")


def test_the_span_walker_sees_the_records() -> None:
    """Guard against a vacuous property: on a plain news sentence the walker finds spans."""
    text = "Russia accused Ukraine of shelling Kharkiv on Tuesday, Lavrov said in Geneva."
    out = peacetalks.code(text, published="2025-08-10").to_dict()
    assert len(list(_spans(out))) >= 4
    _check(text, "2025-08-10")
