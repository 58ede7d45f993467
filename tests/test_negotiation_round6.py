"""Round 6: a report's stance for a side (statements before acts, the highest-ranked speaker)
and the end of a turned-down or overdue meeting (a later proposal is another meeting)."""

from __future__ import annotations

from typing import Any

from peacetalks.negotiation.consolidate import consolidate_meetings, consolidate_positions
from peacetalks.pipeline import InputDocument, analyse
from peacetalks.records import Position

PUTIN = {"actor_id": "vladimir-putin", "role": "president"}
PESKOV = {"actor_id": "dmitry-peskov", "role": "spokesperson"}
TRUMP = {"actor_id": "donald-trump", "role": "president"}
RUBIO = {"actor_id": "marco-rubio", "role": "secretary of state"}


def _position(doc: str, published: str, stance: str, speaker: dict[str, Any] | None = None, country: str = "RUS",
              sentence: int = 0, basis: str = "statement") -> dict[str, Any]:
    actor = {"text": country, "start": 0, "end": 3, "actor_id": None, "country": country, "sector": "GOV",
             **(speaker or {})}
    return {"id": f"{doc}-{stance}-{sentence}", "actor": actor, "issue": "ceasefire", "stance": stance,
            "statement": f"{stance}s ceasefire", "evidence": {"text": "x", "start": 0, "end": 1}, "date": published,
            "sentence": sentence, "doc_id": doc, "published": published, "url": None, "title": doc, "basis": basis}


def _changes(rows: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    (thread,) = consolidate_positions(rows)
    return [(c["from"], c["to"], c["doc_id"]) for c in thread["changes"]]


def test_a_declared_truce_is_an_act_the_statements_of_the_report_count_first() -> None:
    rows = [_position("a", "2025-04-20", "reject", PESKOV),
            _position("b", "2025-04-28", "accept", PUTIN, sentence=0, basis="act"),  # "declared a unilateral ceasefire"
            _position("b", "2025-04-28", "condition", PESKOV, sentence=3)]  # "a longer ceasefire would require ..."
    assert _changes(rows) == [("reject", "condition", "b")]
    # a report that only acts still counts with its act
    assert _changes(rows[:2]) == [("reject", "accept", "b")]


def test_the_highest_ranked_speaker_decides_when_named_speakers_disagree() -> None:
    rows = [_position("a", "2025-06-01", "condition", TRUMP, country="USA"),
            _position("b", "2025-06-12", "reject", TRUMP, country="USA", sentence=0),
            _position("b", "2025-06-12", "condition", RUBIO, country="USA", sentence=4),
            _position("b", "2025-06-12", "condition", RUBIO, country="USA", sentence=6)]
    (thread,) = consolidate_positions(rows)
    assert [(c["from"], c["to"], c["label"]) for c in thread["changes"]] == [("condition", "reject", "hardening")]
    assert thread["stance"] == "reject"


def test_an_unnamed_side_and_one_speaker_keep_the_majority_rule() -> None:
    # one named speaker against the side's unattributed statement: no ranking, ties go to the last stated
    rows = [_position("a", "2025-06-01", "reject"),
            _position("b", "2025-06-05", "demand", TRUMP, sentence=0),
            _position("b", "2025-06-05", "condition", sentence=2)]
    assert _changes(rows) == [("reject", "condition", "b")]
    # two speakers of the same rank disagree: the majority decides
    zel = {"actor_id": "volodymyr-zelensky", "role": "president"}
    other = {"actor_id": "someone-else", "role": "president"}
    rows = [_position("a", "2025-06-01", "condition", zel, country="UKR"),
            _position("b", "2025-06-05", "reject", other, country="UKR", sentence=0),
            _position("b", "2025-06-05", "reject", zel, country="UKR", sentence=1),
            _position("b", "2025-06-05", "condition", zel, country="UKR", sentence=2)]
    assert _changes(rows) == [("condition", "reject", "b")]


def test_positions_mark_a_declared_truce_as_an_act() -> None:
    text = ("President Vladimir Putin declared a unilateral ceasefire for May 8-10, the Kremlin said. "
            "Kremlin spokesman Dmitry Peskov said a longer ceasefire would require answers to many questions first.")
    result = analyse(InputDocument(id="t-act", text=text, published="2025-04-28"))
    by_stance = {(p.stance, p.basis) for p in result.positions if p.issue == "ceasefire"}
    assert ("accept", "act") in by_stance and ("condition", "statement") in by_stance
    again = Position.from_dict(next(p for p in result.positions if p.basis == "act").to_dict())
    assert again.basis == "act"


def _meeting(doc: str, published: str, status: str, date: str | None = None) -> dict[str, Any]:
    parties = [{"text": c, "start": 0, "end": 3, "actor_id": None, "country": c, "sector": "GOV"}
               for c in ("RUS", "UKR")]
    return {"id": f"{doc}-{status}", "level": "delegations", "format": "bilateral", "status": status,
            "participants": parties, "proposer": None, "preconditions": [], "place": None, "date": date,
            "evidence": [{"text": status, "start": 0, "end": 1}], "sentence": 0, "order": None, "doc_id": doc,
            "published": published, "url": None, "title": doc}


def test_a_proposal_after_a_rejection_is_a_new_meeting() -> None:
    rows = [_meeting("a", "2025-05-19", "proposed"), _meeting("b", "2025-05-22", "rejected"),
            _meeting("c", "2025-06-19", "proposed")]
    out = consolidate_meetings(rows)
    assert [(m["status"], [h["doc_id"] for h in m["history"]]) for m in out] == \
        [("rejected", ["a", "b"]), ("proposed", ["c"])]
    # a planned meeting that is agreed after being turned down is still the same meeting
    rows[2] = _meeting("c", "2025-06-19", "planned")
    assert len(consolidate_meetings(rows)) == 1


def test_a_proposal_after_the_set_day_went_by_is_a_new_meeting() -> None:
    rows = [_meeting("a", "2025-05-08", "postponed", date="2025-05-09"), _meeting("b", "2025-06-19", "proposed")]
    assert len(consolidate_meetings(rows)) == 2
    # a proposal's own date does not close it: the idea stays one meeting while it is talked about
    rows = [_meeting("a", "2025-05-08", "proposed", date="2025-05-09"), _meeting("b", "2025-06-19", "proposed")]
    assert len(consolidate_meetings(rows)) == 1
