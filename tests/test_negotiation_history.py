"""Past meetings recalled in the news are marked historical and kept out of the current phase.

Sentences written for this test (not from the evaluation set); the records are then fed to
consolidation, the stage and the weekly indicators the way the CLI and the API do.
"""

from __future__ import annotations

from typing import Any

import pytest

from peacetalks.negotiation.consolidate import consolidate_meetings
from peacetalks.negotiation.process import DEFAULT_PROCESS, stage, weekly_indicators
from peacetalks.pipeline import Analysis, InputDocument, analyse
from peacetalks.records import Meeting

PUBLISHED = "2025-06-10"


def _run(text: str) -> Analysis:
    return analyse(InputDocument(id="h", text=text, published=PUBLISHED), ("negotiation",))


def _countries(m: Meeting) -> set[str]:
    return {p.country for p in m.participants if p.country}


@pytest.mark.parametrize("text,countries,status", [
    ("The leaders of France and Germany met Putin and Zelensky in Paris in December 2019.",
     {"FRA", "DEU", "RUS", "UKR"}, "held"),
    ("Lavrov recalled the 2022 Istanbul talks between Russia and Ukraine.", {"RUS", "UKR"}, "held"),
    ("Erdogan offered to host talks in Istanbul, where Russian and Ukrainian negotiators last met.",
     {"RUS", "UKR"}, "held"),
    ("Trump and Zelensky held their first face-to-face talks since the 2019 meeting between Zelensky and "
     "Putin in Paris.", {"RUS", "UKR"}, "held"),
])
def test_recalled_meeting_is_historical(text: str, countries: set[str], status: str) -> None:
    found = [m for m in _run(text).meetings if _countries(m) == countries]
    assert found and all(m.historical for m in found), found
    assert found[0].status == status


@pytest.mark.parametrize("text,countries,status", [
    # the old year dates the broken-off talks, not the proposal
    ("Putin proposed that Russia and Ukraine resume direct negotiations in Istanbul, the city where the two "
     "sides last held face-to-face talks in 2022.", {"RUS", "UKR"}, "proposed"),
    # "since 2022" is the reference point, not the date of Monday's meeting
    ("Russian and Ukrainian delegations met in Istanbul on Monday, their first direct talks since 2022.",
     {"RUS", "UKR"}, "held"),
    ("Trump and Zelensky held their first face-to-face talks since the 2019 meeting between Zelensky and "
     "Putin in Paris.", {"USA", "UKR"}, "held"),
])
def test_current_meeting_is_not_historical(text: str, countries: set[str], status: str) -> None:
    # "the city where the two sides last held talks in 2022" may add the recalled 2022 talks
    # (historical, "the two sides" read as Russia and Ukraine): one current meeting all the same
    found = [m for m in _run(text).meetings if _countries(m) == countries and not m.historical]
    assert len(found) == 1, found
    assert found[0].status == status
    assert found[0].date is None or found[0].date >= "2025", found[0].date


def test_absence_of_talks_is_no_meeting() -> None:
    """"have held no direct talks since ..." says none took place: neither a meeting nor a refusal."""
    a = _run("Azerbaijan and Armenia have held no direct talks since their leaders met in Brussels.")
    assert not [m for m in a.meetings if not m.historical]


def _rows(text: str, doc_id: str = "h1") -> list[dict[str, Any]]:
    return [dict(m.to_dict(), doc_id=doc_id, published=PUBLISHED, url=None, title=None)
            for m in _run(text).meetings]


def test_historical_meetings_stay_out_of_stage_indicators_and_board() -> None:
    rows = _rows("The leaders of Russia and Ukraine met in Paris in December 2019.") \
        + _rows("Russian and Ukrainian delegations met in Istanbul on Monday.", "h2")
    assert [r["historical"] for r in rows] == [True, False]
    merged = consolidate_meetings(rows)
    assert [m["level"] for m in merged] == ["delegations"]  # the board and the stage see only this phase
    assert stage(merged)["highest_held"] == "delegations"
    assert stage(rows) == stage(merged)  # raw store rows are consolidated first (the CLI passes them)
    kept = consolidate_meetings(rows, include_historical=True)  # still retrievable
    assert sorted((m["level"], m["historical"]) for m in kept) == [("delegations", False), ("leaders", True)]
    weeks = weekly_indicators(DEFAULT_PROCESS, [], rows, [])
    assert {w["week"] for w in weeks} == {"2025-W24"}
    assert sum(w["meetings_held"] for w in weeks if w["dyad"] == "ALL") == 1


def test_old_events_do_not_open_a_stray_week() -> None:
    """A recalled event (modality historical) counts in no week; an event whose date lies years
    before its report without being historical took its date from another clause: report week."""
    base = {"actors": [{"country": "RUS"}], "recipients": [{"country": "UKR"}], "quad": "verbal_cooperation",
            "intensity": 1.0, "polarity": "asserted", "event_type": "CONSULT", "published": PUBLISHED}
    events = [dict(base, date="2022-01-01", modality="historical"), dict(base, date="2022-01-01", modality="intended")]
    weeks = weekly_indicators(DEFAULT_PROCESS, events, [], [])
    assert {w["week"] for w in weeks} == {"2025-W24"}
    assert sum(w["events"] for w in weeks if w["dyad"] == "ALL") == 1


def test_stage_counts_real_meetings_not_reports() -> None:
    """One call reported by three articles is one held meeting (the "held" count is not inflated)."""
    rows = [dict(r, doc_id=f"d{i}", published=f"2025-06-1{i}") for i in range(3)
            for r in _rows("Trump spoke with Putin by phone on Monday.")]
    assert len(rows) == 3
    assert stage(rows)["counts"] == {"held": 1}

