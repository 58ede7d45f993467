"""Cross-document consolidation, processes, weekly indicators and briefings (pure functions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from peacetalks.negotiation.brief import render_brief
from peacetalks.negotiation.consolidate import (
    consolidate_meetings, consolidate_positions, dates_compatible, stance_change,
)
from peacetalks.negotiation.process import (
    DEFAULT_PROCESS, Process, get_process, load_processes, stage, stall_index, weekly_indicators,
)


def _actor(country: str, actor_id: str | None = None, text: str | None = None) -> dict[str, Any]:
    return {"text": text or country, "start": 0, "end": 3, "actor_id": actor_id, "country": country, "sector": "GOV"}


def _ev(text: str) -> dict[str, Any]:
    return {"text": text, "start": 0, "end": len(text)}


def _meeting(doc: str, published: str, status: str, date: str | None = None, level: str = "leaders",
             parties: tuple[str, ...] = ("RUS", "UKR"), pre: list[str] | None = None) -> dict[str, Any]:
    return {"id": f"{doc}-{status}", "level": level, "format": "bilateral", "status": status,
            "participants": [_actor(c) for c in parties], "proposer": None, "preconditions": pre or [],
            "place": None, "date": date, "evidence": [_ev(f"{doc} says {status}.")], "sentence": 0, "order": None,
            "doc_id": doc, "published": published, "url": f"https://example.org/{doc}", "title": f"Title {doc}"}


def _position(doc: str, published: str, stance: str, country: str = "RUS", issue: str = "ceasefire",
              actor_id: str | None = None) -> dict[str, Any]:
    return {"id": f"{doc}-{stance}", "actor": _actor(country, actor_id), "issue": issue, "stance": stance,
            "statement": f"{stance}s {issue}", "evidence": _ev(f"{doc}: {stance}."), "date": published,
            "sentence": 0, "doc_id": doc, "published": published, "url": None, "title": doc}


def test_dates_compatible() -> None:
    assert dates_compatible("2025-08", "2025-08-15")
    assert dates_compatible(None, "2025-08-15")
    assert dates_compatible("2025-08-14", "2025-08-16")
    assert not dates_compatible("2025-08-01", "2025-08-20")
    assert not dates_compatible("2025-07", "2025-08-15")


def test_one_meeting_across_documents_keeps_history() -> None:
    rows = [_meeting("b", "2025-08-12", "unlikely", date="2025-08"),
            _meeting("a", "2025-08-10", "conditional", pre=["key issues prepared"]),
            _meeting("c", "2025-08-20", "postponed")]
    out = consolidate_meetings(rows)
    assert len(out) == 1
    m = out[0]
    assert m["status"] == "postponed"
    assert [h["status"] for h in m["history"]] == ["conditional", "unlikely", "postponed"]
    assert m["first_seen"] == "2025-08-10" and m["last_seen"] == "2025-08-20"
    assert m["preconditions"] == ["key issues prepared"] and m["date"] == "2025-08"
    assert {e["doc_id"] for e in m["evidence"]} == {"a", "b", "c"}
    assert {p["country"] for p in m["participants"]} == {"RUS", "UKR"}


def test_different_levels_parties_or_dates_are_different_meetings() -> None:
    rows = [_meeting("a", "2025-05-10", "held", date="2025-05-16", level="delegations"),
            _meeting("b", "2025-06-02", "held", date="2025-06-02", level="delegations"),
            _meeting("c", "2025-06-02", "held", date="2025-06-02", level="leaders"),
            _meeting("d", "2025-06-02", "planned", parties=("RUS", "USA"))]
    assert len(consolidate_meetings(rows)) == 4


def test_talk_after_a_held_meeting_is_a_new_meeting() -> None:
    rows = [_meeting("a", "2025-05-16", "held", date="2025-05-16"), _meeting("b", "2025-06-10", "proposed")]
    assert len(consolidate_meetings(rows)) == 2


def test_position_thread_hardens_and_softens() -> None:
    rows = [_position("a", "2025-03-01", "accept"), _position("b", "2025-03-05", "condition", actor_id="vladimir-putin"),
            _position("c", "2025-03-09", "reject"), _position("d", "2025-03-12", "accept"),
            _position("e", "2025-03-12", "demand", country="UKR")]
    out = {(p["actor_key"], p["issue"]): p for p in consolidate_positions(rows)}
    rus = out[("RUS", "ceasefire")]
    assert [c["label"] for c in rus["changes"]] == ["hardening", "hardening", "softening"]
    assert rus["stance"] == "accept" and rus["first_seen"] == "2025-03-01" and rus["last_seen"] == "2025-03-12"
    assert len(rus["history"]) == 4 and ("UKR", "ceasefire") in out
    assert stance_change("demand", "claim") is None


def test_status_is_the_latest_reports_most_decisive() -> None:
    # the last report mentions the plan as background and the cancellation as news, in that order or not
    rows = [_meeting("a", "2025-06-10", "planned", date="2025-06-17"),
            {**_meeting("b", "2025-06-17", "cancelled", date="2025-06-17"), "sentence": 0},
            {**_meeting("b", "2025-06-17", "planned", date="2025-06-17"), "id": "b-planned-2", "sentence": 5}]
    (m,) = consolidate_meetings(rows)
    assert m["status"] == "cancelled"
    assert [h["status"] for h in m["history"]] == ["planned", "cancelled", "planned"]  # the history keeps every report
    # an earlier report's outcome does not outrank what the latest report says
    rows = [_meeting("a", "2025-05-01", "conditional"), _meeting("b", "2025-05-08", "proposed")]
    assert consolidate_meetings(rows)[0]["status"] == "proposed"


def test_stance_changes_are_read_between_reports_not_within_one() -> None:
    # one article refuses and, in another sentence, sets a condition: a nuance, not two changes
    rows = [{**_position("a", "2025-04-01", "reject", issue="territory"), "sentence": 1},
            {**_position("a", "2025-04-01", "condition", issue="territory"), "id": "a-c", "sentence": 2},
            {**_position("a", "2025-04-01", "reject", issue="territory"), "id": "a-r2", "sentence": 3},
            _position("b", "2025-04-09", "reject", issue="territory"),
            _position("c", "2025-04-15", "accept", issue="territory")]
    (t,) = consolidate_positions(rows)
    assert [(c["from"], c["to"], c["doc_id"]) for c in t["changes"]] == [("reject", "accept", "c")]
    assert t["changes"][0]["label"] == "softening" and t["stance"] == "accept"
    assert len(t["history"]) == 5  # every statement stays in the history with its evidence


def test_process_default_and_yaml(tmp_path: Path) -> None:
    assert DEFAULT_PROCESS.parties == ("RUS", "UKR") and "TUR" in DEFAULT_PROCESS.mediators
    cfg = tmp_path / "p.yaml"
    cfg.write_text("- name: test-talks\n  title: Test\n  parties: [AAA, BBB]\n  mediators: [CCC]\n  keywords: [x]\n")
    assert load_processes(cfg)[0] == Process("test-talks", "Test", ("AAA", "BBB"), ("CCC",), ("x",))
    assert get_process("test-talks", cfg).members == {"AAA", "BBB", "CCC"}


def test_stage_reads_highest_levels() -> None:
    got = stage([_meeting("a", "2025-01-01", "held", level="delegations"),
                 _meeting("b", "2025-01-02", "conditional", level="leaders"),
                 _meeting("c", "2025-01-03", "cancelled", level="ministers")])
    assert got["highest_held"] == "delegations" and got["highest_proposed"] == "leaders"


def _event(kind: str, published: str, quad: str, intensity: float, polarity: str = "asserted") -> dict[str, Any]:
    return {"id": kind + published, "event_type": kind, "quad": quad, "intensity": intensity, "polarity": polarity,
            "actors": [_actor("RUS")], "recipients": [_actor("UKR")], "date": published, "mode": None,
            "location": {"name": "Lviv"} if kind == "ASSAULT" else None, "evidence": _ev(f"{kind} happened."),
            "doc_id": "a", "published": published}


def test_weekly_indicators_and_stall_index() -> None:
    events = [_event("ASSAULT", "2025-08-05", "material_conflict", -9.0),
              _event("SANCTION", "2025-08-06", "verbal_conflict", -4.0, polarity="negated")]
    meetings = [_meeting("a", "2025-08-05", "postponed", pre=["x"]), _meeting("b", "2025-08-13", "held", date="2025-08-13")]
    rows = weekly_indicators(DEFAULT_PROCESS, events, meetings, [])
    by = {(r["week"], r["dyad"]): r for r in rows}
    w32 = by[("2025-W32", "ALL")]
    assert w32["assaults"] == 1 and w32["assault_places"] == ["Lviv"] and w32["sanctions"] == 0
    assert w32["postponements"] == 1 and w32["new_preconditions"] == 1 and w32["mean_intensity"] == -6.5
    assert w32["quads"] == {"material_conflict": 1, "verbal_conflict": 1}
    assert ("2025-W32", "RUS-UKR") in by
    w33 = by[("2025-W33", "ALL")]
    assert w33["meetings_held"] == 1
    assert 0.0 <= w33["stall_index"] < w32["stall_index"] <= 1.0
    assert stall_index(dict(w33, meetings_held=0, postponements=3)) > w33["stall_index"]


def test_brief_cites_every_statement_and_escapes_html() -> None:
    meetings = [_meeting("a", "2025-08-10", "conditional"), _meeting("b", "2025-08-12", "unlikely")]
    positions = [_position("a", "2025-08-10", "demand", issue="security_guarantees")]
    events = [_event("ASSAULT", "2025-08-11", "material_conflict", -9.0)]
    docs = [{"id": "a", "title": "A <script>", "url": "https://e.org/a?x=1&y=2", "published": "2025-08-10", "source": "E"},
            {"id": "b", "title": "B", "url": "https://e.org/b", "published": "2025-08-12", "source": "E"}]
    md, html = render_brief(DEFAULT_PROCESS, events, meetings, positions, docs)
    assert (md, html) == render_brief(DEFAULT_PROCESS, events, meetings, positions, docs)
    assert "conditional → unlikely" in md and "b says unlikely." in md and "https://e.org/b" in md
    quoted = [line for line in md.splitlines() if "“" in line]
    assert quoted and all("2025-08-1" in line for line in quoted)
    assert "<script>" not in html and "&lt;script&gt;" in html and "x=1&amp;y=2" in html
    later, _ = render_brief(DEFAULT_PROCESS, events, meetings, positions, docs, since="2025-08-12")
    assert "a says conditional." not in later


def test_brief_states_the_current_status_and_cites_the_sentence_it_rests_on() -> None:
    meetings = [_meeting("a", "2025-06-10", "planned", date="2025-06-17"),
                {**_meeting("b", "2025-06-17", "cancelled", date="2025-06-17"), "sentence": 0},
                {**_meeting("b", "2025-06-17", "planned", date="2025-06-17"), "id": "b-p2", "sentence": 4,
                 "evidence": [_ev("b recalls the plan.")]}]
    positions = [_position("a", "2025-06-10", "reject", issue="territory"),
                 _position("b", "2025-06-17", "accept", issue="territory")]
    docs = [{"id": d, "title": d.upper(), "url": f"https://e.org/{d}", "published": p, "source": "E"}
            for d, p in (("a", "2025-06-10"), ("b", "2025-06-17"))]
    md, _ = render_brief(DEFAULT_PROCESS, [], meetings, positions, docs)
    line = next(ln for ln in md.splitlines() if ln.startswith("- leaders (RUS–UKR"))
    assert ": cancelled (reported planned → cancelled → planned)" in line and "b says cancelled." in line
    assert "b recalls the plan." not in line
    pos = next(ln for ln in md.splitlines() if ln.startswith("- RUS on territory"))
    assert "accept (latest change reject→accept, softening, 2025-06-17)" in pos and "b: accept." in pos


def test_consolidated_format_counts_distinct_parties() -> None:
    three = [{**_meeting("a", "2025-05-01", "proposed", parties=("RUS", "UKR", "USA")), "format": "bilateral"},
             {**_meeting("b", "2025-05-03", "planned", parties=("RUS", "UKR", "USA")), "format": "bilateral"}]
    assert consolidate_meetings(three)[0]["format"] == "trilateral"  # a wrong cue never says fewer parties
    implied = [_meeting("a", "2025-05-01", "proposed"), {**_meeting("b", "2025-05-03", "planned"), "format": "trilateral"}]
    assert consolidate_meetings(implied)[0]["format"] == "trilateral"  # "three-way talks" naming two: a side implied
    assert consolidate_meetings([_meeting("a", "2025-05-01", "held")])[0]["format"] == "bilateral"
