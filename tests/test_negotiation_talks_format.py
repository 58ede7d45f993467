"""Talks qualified as unconditional are a talks_format demand; partyless meetings in the indicators.

Sentences are our own, in news style. Positions go through the public pipeline
(``peacetalks.pipeline.analyse``); indicators through ``process.weekly_indicators`` and
``process.stage`` on store-shaped rows.
"""

from __future__ import annotations

from typing import Any

import pytest

from peacetalks.negotiation.consolidate import party_key
from peacetalks.negotiation.process import Process, stage, weekly_indicators, with_joined_parties
from peacetalks.pipeline import InputDocument, analyse


def _stances(text: str) -> set[tuple[str, str, str]]:
    a = analyse(InputDocument(id="t", text=text, published="2025-05-12"))
    return {(p.actor.country or "", p.issue, p.stance) for p in a.positions}


@pytest.mark.parametrize("text,holder", [
    ("The Azerbaijani minister said Baku was ready to start talks with Armenia without any preconditions.", "AZE"),
    ("Putin said Russia was offering Kyiv to resume negotiations without preconditions.", "RUS"),
    ("Beijing called for unconditional talks between Moscow and Kyiv.", "CHN"),
    ("Hamas said it was prepared to resume negotiations with Israel with no conditions.", "PSE"),
    ("Lavrov said the talks must start without preconditions.", "RUS"),
    ("Erdogan said the two sides should return to the table without conditions.", "TUR"),
])
def test_unconditional_talks_are_a_format_demand(text: str, holder: str) -> None:
    assert (holder, "talks_format", "demand") in _stances(text)


def test_refusing_unconditional_talks_is_a_rejection() -> None:
    assert ("IND", "talks_format", "reject") in _stances("India rejected unconditional talks with Pakistan.")


def test_existing_format_phrase_with_the_qualifier_is_one_demand() -> None:
    found = _stances("Putin proposed direct negotiations with Ukraine in Istanbul without preconditions.")
    assert {s for s in found if s[1] == "talks_format"} == {("RUS", "talks_format", "demand")}


@pytest.mark.parametrize("text", [
    "Zelensky said Ukraine was ready to talk to Russia.",  # no qualifier: a meeting signal only
    "Lavrov said Moscow was ready to hold talks with Washington.",
    "Russia signed the deal without any preconditions on prisoners.",  # no talks qualified
])
def test_plain_readiness_to_talk_is_no_format_position(text: str) -> None:
    assert not {s for s in _stances(text) if s[1] == "talks_format"}


def test_statement_quotes_the_qualifier() -> None:
    a = analyse(InputDocument(id="t", published="2025-05-12",
                              text='Peskov said Russia remained ready to start negotiations "without any preconditions".'))
    fmt = [p for p in a.positions if p.issue == "talks_format"]
    assert [p.statement for p in fmt] == ["demands negotiations without any preconditions"]


# ------------------------------------------------------------------ partyless meetings in the indicators

PROCESS = Process(name="test", title="Test", parties=("RUS", "UKR"), mediators=("USA",))


def _actor(country: str) -> dict[str, Any]:
    return {"text": country, "start": 0, "end": 3, "actor_id": None, "country": country, "sector": "GOV"}


def _row(doc: str, status: str, parties: tuple[str, ...], place: str, published: str = "2025-04-21") -> dict[str, Any]:
    return {"id": f"{doc}-m", "level": "ministers", "format": None, "status": status,
            "participants": [_actor(c) for c in parties], "proposer": None, "preconditions": [],
            "place": {"text": place, "start": 0, "end": 1, "name": place}, "date": "2025-04-23", "channel": None,
            "evidence": [{"text": f"{doc} {status}", "start": 0, "end": 5}], "sentence": 0, "order": None,
            "doc_id": doc, "published": published, "url": None, "title": doc}


def _weeks(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The indicators as the CLI and the briefing read them: partyless reports resolved first."""
    return weekly_indicators(PROCESS, [], with_joined_parties(rows), [])


def _week(rows: list[dict[str, Any]], dyad: str) -> dict[str, Any]:
    return next(w for w in _weeks(rows) if w["dyad"] == dyad)


def test_partyless_report_joined_to_a_process_meeting_counts_for_it() -> None:
    planned = _row("a", "planned", ("RUS", "UKR", "USA"), "London")
    cancelled = _row("z", "cancelled", (), "London", published="2025-04-23")
    alone = _week([planned], "RUS-UKR")
    joined = _week([planned, cancelled], "RUS-UKR")
    assert (alone["cancellations"], joined["cancellations"]) == (0, 1)
    assert _week([planned, cancelled], "ALL")["cancellations"] == 1
    assert joined["stall_index"] > alone["stall_index"]
    rows = with_joined_parties([planned, cancelled])
    assert {party_key(p) for p in rows[1]["participants"]} == {"RUS", "UKR", "USA"} and rows[1]["joined"]
    assert cancelled["participants"] == []  # the caller's row is left as it was


def test_partyless_report_left_alone_counts_for_no_process() -> None:
    planned = _row("a", "planned", ("RUS", "UKR"), "London")
    elsewhere = _row("z", "cancelled", (), "Paris", published="2025-04-23")
    assert sum(w["cancellations"] for w in _weeks([planned, elsewhere])) == 0
    assert with_joined_parties([planned, elsewhere])[1]["participants"] == []
    assert stage(with_joined_parties([planned, elsewhere]))["counts"] == {"planned": 1}


def test_weekly_indicators_count_rows_as_given() -> None:
    """Without the resolution step a partyless row counts nowhere (the API's aggregate path
    reads the rows the same way, so both stay equal)."""
    rows = [_row("a", "planned", ("RUS", "UKR"), "London"), _row("z", "cancelled", (), "London", "2025-04-23")]
    assert sum(w["cancellations"] for w in weekly_indicators(PROCESS, [], rows, [])) == 0


def test_partyless_report_is_not_joined_when_two_meetings_fit() -> None:
    rows = [_row("a", "planned", ("RUS", "UKR"), "London"), _row("b", "planned", ("FRA", "DEU"), "London"),
            _row("z", "cancelled", (), "London", published="2025-04-23")]
    assert sum(w["cancellations"] for w in _weeks(rows)) == 0


# ------------------------------------------------------------------ evaluation of partyless meetings

def test_evaluation_scores_partyless_meetings_apart(tmp_path: Any) -> None:
    import json

    from peacetalks.negotiation.evaluate import evaluate, format_report

    items = [{"id": "p-1", "published": "2025-03-07", "meetings": [], "positions": [],
              "text": "A meeting of defence ministers planned for Brussels on Friday was postponed."},
             {"id": "p-2", "published": "2025-03-07", "positions": [],
              "text": "Zelensky met Macron in Paris on Tuesday.",
              "meetings": [{"participants": ["UKR", "FRA"], "level": "leaders", "status": "held"}]}]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(i) + "\n" for i in items), encoding="utf-8")
    result = evaluate(path, stages=("actors", "negotiation"))
    assert (result["meetings"]["tp"], result["meetings"]["fp"], result["meetings"]["fn"]) == (1, 0, 0)
    assert result["partyless"] == {"predicted": 1, "annotated": 0, "matched": 0}
    assert "partyless  predicted=1 annotated=0" in format_report(result)
