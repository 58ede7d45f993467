"""Round-2 rules: parties a meeting implies, reports that name no party, and the
consolidation rules that join them (open proposals, standing working groups, party-less
reports). Extraction goes through the public pipeline; consolidation through its public
function on plain rows, as the store hands them over."""

from __future__ import annotations

from typing import Any

import pytest

from peacetalks.negotiation.consolidate import OPEN_DAYS, consolidate_meetings, party_key
from peacetalks.pipeline import InputDocument, analyse
from peacetalks.records import Meeting


def _run(text: str, published: str = "2025-05-12") -> list[Meeting]:
    return analyse(InputDocument(id="implied", text=text, published=published), ("actors", "places", "negotiation")).meetings


def _countries(m: Meeting) -> set[str]:
    return {p.country or "" for p in m.participants}


# ------------------------------------------------------------------ extraction

@pytest.mark.parametrize("text,countries,level,status", [
    ("Zelensky said he would wait for Putin in Turkey. He proposed that the two presidents meet in Istanbul.",
     {"RUS", "UKR"}, "leaders", "proposed"),
    ("Lavrov held talks with Fidan in Antalya on Friday. Both ministers are due to meet again in Moscow in July.",
     {"RUS", "TUR"}, "ministers", "planned"),
    ("Armenia and Azerbaijan agreed on a treaty text. Diplomats said the two sides will meet in Abu Dhabi.",
     {"ARM", "AZE"}, "unspecified", "planned"),
])
def test_plural_definite_names_the_latest_two_parties(text: str, countries: set[str], level: str, status: str) -> None:
    found = [m for m in _run(text) if m.status == status and m.level == level]
    assert found and _countries(found[0]) == countries, found
    # the parties' evidence is their earlier mention in the text, not the plural phrase
    for p in found[0].participants:
        assert text[p.start:p.end] == p.text and p.start < text.index("two" if "two" in text else "Both")


def test_plural_definite_needs_two_parties_of_its_kind() -> None:
    """Only one leader named before: "the two presidents" stays unresolved (no meeting)."""
    assert not [m for m in _run("Zelensky spoke in Kyiv. He said the two presidents should meet soon.")
                if m.level == "leaders" and len(_countries(m)) >= 2]


def test_three_way_meeting_takes_the_process_party_left() -> None:
    text = "Russia has again rejected a ceasefire. Zelensky said he was open to a three-way meeting with Trump."
    m = next(m for m in _run(text) if m.format == "trilateral")
    assert (_countries(m), m.level, m.status) == ({"RUS", "UKR", "USA"}, "leaders", "proposed")
    russia = next(p for p in m.participants if p.country == "RUS")
    assert text[russia.start:russia.end] == "Russia"  # cited where the document names it


def test_three_way_meeting_without_the_party_in_the_text_stays_two_sided() -> None:
    found = _run("Zelensky said he was open to a three-way meeting with Trump.")
    assert found and all(len(_countries(m)) == 2 for m in found)


def test_answer_to_a_question_about_a_meeting_gives_its_status() -> None:
    found = _run("Asked about a summit with Putin, Zelensky said it was not on the cards for now.")
    assert [(_countries(m), m.level, m.status) for m in found] == [({"RUS", "UKR"}, "leaders", "unlikely")]


def test_name_after_comma_starts_a_clause_not_a_list() -> None:
    found = _run("Asked about a meeting with Witkoff, Peskov said it was not on the agenda.")
    assert [(_countries(m), m.status) for m in found] == [({"RUS", "USA"}, "unlikely")]


def test_report_without_parties_is_kept_with_level_place_and_status() -> None:
    found = _run("A planned meeting of foreign ministers in London was cancelled on Wednesday.", "2025-04-23")
    assert len(found) == 1
    m = found[0]
    assert (m.participants, m.level, m.status, m.date) == ([], "ministers", "cancelled", "2025-04-23")
    assert m.place is not None and m.place.name == "London"


def test_bare_meeting_without_parties_or_place_is_dropped() -> None:
    assert _run("A planned meeting of foreign ministers was cancelled on Wednesday.", "2025-04-23") == []


def test_where_clause_places_the_meeting() -> None:
    found = _run("Diplomats are turning to London, where ministers from the United States and Ukraine are due to "
                 "meet on Wednesday.", "2025-04-21")
    assert [(m.place.name if m.place else None, m.status) for m in found] == [("London", "planned")]


def test_relative_clause_on_a_destination_is_no_visit() -> None:
    found = _run("Mediators flew to Geneva, where negotiators from Armenia and Azerbaijan will meet on Monday.")
    assert [(_countries(m), m.level, m.status) for m in found] == [({"ARM", "AZE"}, "delegations", "planned")]


# ------------------------------------------------------------------ consolidation

def _actor(country: str) -> dict[str, Any]:
    return {"text": country, "start": 0, "end": 3, "actor_id": None, "country": country, "sector": "GOV"}


def _row(doc: str, published: str, status: str, level: str, parties: tuple[str, ...] = ("RUS", "UKR"),
         date: str | None = None, place: str | None = None) -> dict[str, Any]:
    return {"id": f"{doc}-{status}-{level}", "level": level, "format": "bilateral", "status": status,
            "participants": [_actor(c) for c in parties], "proposer": None, "preconditions": [],
            "place": {"text": place, "start": 0, "end": 1, "name": place} if place else None, "date": date,
            "evidence": [{"text": f"{doc} {status}", "start": 0, "end": 5}], "sentence": 0, "order": None,
            "doc_id": doc, "published": published, "url": None, "title": doc}


def _histories(rows: list[dict[str, Any]]) -> list[list[tuple[str, str]]]:
    return [[(h["doc_id"], h["status"]) for h in m["history"]] for m in consolidate_meetings(rows)]


def test_open_proposal_is_taken_up_by_a_later_arrangement() -> None:
    rows = [_row("a", "2025-05-11", "proposed", "unspecified", place="Istanbul"),
            _row("b", "2025-05-13", "planned", "delegations", date="2025-05-15", place="Istanbul")]
    assert _histories(rows) == [[("a", "proposed"), ("b", "planned")]]
    assert consolidate_meetings(rows)[0]["level"] == "delegations"


@pytest.mark.parametrize("later", [
    _row("b", "2025-05-13", "proposed", "working_groups"),  # another proposal: another idea
    _row("b", f"2025-05-{11 + OPEN_DAYS + 1}", "planned", "delegations"),  # too late
    _row("b", "2025-05-13", "planned", "delegations", place="Geneva"),  # another place
    _row("b", "2025-05-13", "planned", "leaders"),  # a summit is not the states' talks
])
def test_open_proposal_stays_apart(later: dict[str, Any]) -> None:
    rows = [_row("a", "2025-05-11", "proposed", "unspecified", place="Istanbul"), later]
    assert len(consolidate_meetings(rows)) == 2


def test_standing_working_group_sessions_are_one_meeting() -> None:
    rows = [_row("a", "2025-05-05", "proposed", "working_groups"),
            _row("b", "2025-05-22", "held", "working_groups", date="2025-05-21"),
            _row("c", "2025-06-09", "held", "working_groups", date="2025-06-08")]
    assert _histories(rows) == [[("a", "proposed"), ("b", "held"), ("c", "held")]]


def _ministers(doc: str, parties: tuple[str, ...], place: str = "London") -> dict[str, Any]:
    return _row(doc, "2025-04-21", "planned", "ministers", parties=parties, date="2025-04-23", place=place)


def test_report_without_parties_joins_the_single_candidate() -> None:
    cancelled = _row("z", "2025-04-23", "cancelled", "ministers", parties=(), date="2025-04-23", place="London")
    meetings = consolidate_meetings([_ministers("a", ("USA", "UKR", "GBR")), _ministers("b", ("IND", "PAK"), "Delhi"),
                                     cancelled])
    london = next(m for m in meetings if m["doc_ids"] == ["a", "z"])
    assert london["status"] == "cancelled" and {party_key(p) for p in london["participants"]} == {"USA", "UKR", "GBR"}


def test_report_without_parties_stays_apart_when_ambiguous() -> None:
    cancelled = _row("z", "2025-04-23", "cancelled", "ministers", parties=(), date="2025-04-23", place="London")
    meetings = consolidate_meetings([_ministers("a", ("USA", "UKR")), _ministers("b", ("FRA", "DEU")), cancelled])
    assert len(meetings) == 3 and [m["doc_ids"] for m in meetings if not m["participants"]] == [["z"]]
