"""Meeting channels (call / visit / in person) and the rules of the second negotiation pass:
read through the Python API (``analyse``) and the consolidation functions."""

from __future__ import annotations

from typing import Any

import pytest

from peacetalks.negotiation.consolidate import consolidate_meetings
from peacetalks.pipeline import InputDocument, analyse
from peacetalks.records import Meeting


def _meetings(text: str, published: str = "2025-05-12") -> list[Meeting]:
    return analyse(InputDocument(id="t", text=text, published=published)).meetings


def _countries(m: Meeting) -> set[str]:
    return {p.country or "" for p in m.participants}


@pytest.mark.parametrize("text,channel", [
    ("Trump spoke with Putin by phone on Tuesday.", "call"),
    ("Erdogan told Putin in a phone call on Monday that Turkey was ready to host talks.", "call"),
    ("Putin met Witkoff in Moscow on Friday.", "in_person"),
    ("US envoy Steve Witkoff will visit Moscow next week.", "visit"),
    ("Trump, who was due to speak with Putin on Monday, wrote that the call would focus on trade.", "call"),
])
def test_channel_is_read_from_the_meeting_words(text: str, channel: str) -> None:
    found = [m for m in _meetings(text) if {"RUS"} <= _countries(m)]
    assert found and all(m.channel == channel for m in found), [(m.channel, _countries(m)) for m in found]


def _row(doc: str, published: str, status: str, channel: str | None, date: str | None) -> dict[str, Any]:
    actors = [{"text": c, "start": 0, "end": 3, "actor_id": None, "country": c, "sector": "GOV"} for c in ("RUS", "USA")]
    return {"id": f"{doc}-{status}", "level": "leaders", "format": "bilateral", "status": status, "channel": channel,
            "participants": actors, "proposer": None, "preconditions": [], "place": None, "date": date,
            "evidence": [{"text": doc, "start": 0, "end": len(doc)}], "sentence": 0, "order": None,
            "doc_id": doc, "published": published, "url": None, "title": doc}


def test_consolidation_keeps_a_call_apart_from_a_summit() -> None:
    """A proposed Putin-Trump summit is not the phone call they held later; an unstated channel joins either."""
    rows = [_row("a", "2025-05-01", "proposed", "in_person", None),
            _row("b", "2025-05-17", "planned", "call", "2025-05-19"),
            _row("c", "2025-05-19", "held", None, "2025-05-19"),
            _row("d", "2025-05-20", "proposed", "in_person", None)]
    got = {m["channel"]: [h["doc_id"] for h in m["history"]] for m in consolidate_meetings(rows)}
    assert got == {"in_person": ["a", "d"], "call": ["b", "c"]}


def test_travel_for_a_named_meeting_is_no_visit_to_the_host() -> None:
    """"He would travel to London for the meeting": attendance at the ministers' meeting, not a
    Ukrainian visit to Britain that consolidation could join with a later Starmer-Zelensky call."""
    ms = _meetings("Foreign ministers from the United States, Ukraine and France are due to meet in London on "
                   "Wednesday. Ukrainian Foreign Minister Andrii Sybiha said he would travel to London for the meeting.",
                   "2025-04-21")
    assert ms and all(_countries(m) >= {"USA", "UKR", "FRA"} for m in ms), [(_countries(m), m.level) for m in ms]
    assert {m.level for m in ms} == {"ministers"}


def test_a_visitor_in_a_relative_clause_gives_the_level() -> None:
    ms = _meetings("Ukrainian Foreign Minister Andrii Sybiha, who travelled to London, said Kyiv remained committed.")
    assert [(m.level, m.channel) for m in ms if _countries(m) == {"UKR", "GBR"}] == [("ministers", "visit")]


def test_a_reflexive_in_a_between_list_is_the_reporter() -> None:
    """"Trump" read as a common noun by the parser still counts through the actors stage."""
    ms = _meetings('Trump said he believed that a three-way meeting between himself, Putin and Zelensky could "get it done."')
    assert [(_countries(m), m.level) for m in ms] == [({"USA", "RUS", "UKR"}, "leaders")]
