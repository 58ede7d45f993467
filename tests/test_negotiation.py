"""The negotiation stage: meetings and positions read from text (seed article and our own sentences)."""

from __future__ import annotations

import pytest

from peacetalks.negotiation import annotate
from peacetalks.negotiation.evaluate import evaluate
from peacetalks.nlp import parse
from peacetalks.pipeline import Analysis, InputDocument, analyse
from peacetalks.records import ActorMention, Meeting

SEED_PUBLISHED = "2025-08-10"


def _countries(m: Meeting) -> set[str]:
    return {p.country for p in m.participants if p.country}


def _run(text: str, published: str = "2025-05-01", stages: tuple[str, ...] = ("negotiation",)) -> Analysis:
    return analyse(InputDocument(id="t", text=text, published=published), stages)


@pytest.fixture(scope="module")
def seed(seed_text: str) -> Analysis:
    return analyse(InputDocument(id="seed", text=seed_text, published=SEED_PUBLISHED))


@pytest.mark.shared
def test_seed_putin_zelensky_meeting_is_conditional(seed: Analysis) -> None:
    found = [m for m in seed.meetings if m.level == "leaders" and _countries(m) == {"RUS", "UKR"}
             and m.status == "conditional"]
    assert found, seed.meetings
    assert any("key issues" in p and "prepared" in p for p in found[0].preconditions)
    ev = found[0].evidence[0]
    assert seed.text[ev.start:ev.end] == ev.text


@pytest.mark.shared
def test_seed_meeting_unlikely_in_august(seed: Analysis) -> None:
    found = [m for m in seed.meetings if m.level == "leaders" and _countries(m) == {"RUS", "UKR"}
             and m.status == "unlikely"]
    assert found and (found[0].date or "").startswith("2025-08")


@pytest.mark.shared
def test_seed_trilateral_summit_proposed_by_trump(seed: Analysis) -> None:
    found = [m for m in seed.meetings if _countries(m) == {"USA", "RUS", "UKR"}]
    assert found
    m = found[0]
    assert (m.level, m.format, m.status) == ("leaders", "trilateral", "proposed")
    assert m.proposer is not None and m.proposer.country == "USA" and "Trump" in m.proposer.text


@pytest.mark.shared
def test_seed_sequence_of_rising_levels(seed: Analysis) -> None:
    seq = sorted((m for m in seed.meetings if m.order is not None), key=lambda m: m.order or 0)
    assert [m.level for m in seq] == ["working_groups", "delegations", "leaders"]
    assert [m.order for m in seq] == [1, 2, 3]
    assert all(_countries(m) == {"RUS", "UKR"} for m in seq)


@pytest.mark.shared
@pytest.mark.parametrize("issue,stance,words", [
    ("security_guarantees", "demand", "Istanbul security guarantees"),
    ("peacekeepers", "reject", "peacekeeping"),
    ("legitimacy", "claim", "illegitimate"),
])
def test_seed_positions(seed: Analysis, issue: str, stance: str, words: str) -> None:
    found = [p for p in seed.positions if (p.issue, p.stance) == (issue, stance)]
    assert found, seed.positions
    assert found[0].actor.country == "RUS"
    assert words in found[0].statement
    assert seed.text[found[0].evidence.start:found[0].evidence.end] == found[0].evidence.text


def test_call_is_a_held_envoy_meeting() -> None:
    a = _run("Witkoff spoke with Putin on Thursday.", published="2025-03-15")
    assert len(a.meetings) == 1
    m = a.meetings[0]
    assert (m.level, m.status, m.format) == ("envoys", "held", "bilateral")
    assert _countries(m) == {"USA", "RUS"}
    assert m.date == "2025-03-13"


def test_such_a_meeting_refers_back_to_same_speaker() -> None:
    a = _run("Lavrov said a summit between Putin and Zelensky was possible. "
             "Trump and Erdogan spoke by phone on Monday. Lavrov later said such a meeting was unlikely.")
    later = [m for m in a.meetings if m.status == "unlikely"]
    assert later and _countries(later[0]) == {"RUS", "UKR"} and later[0].level == "leaders"


@pytest.mark.parametrize("text,status", [
    ("Putin and Trump will meet in Budapest next month.", "planned"),
    ("The summit between Putin and Trump in Budapest has been postponed.", "postponed"),
    ("The White House called off the planned summit between Trump and Putin.", "cancelled"),
    ("Kyiv proposed a new round of talks with Moscow.", "proposed"),
    ("Russian and Ukrainian delegations held talks in Istanbul on Friday.", "held"),
])
def test_meeting_status(text: str, status: str) -> None:
    a = _run(text)
    assert [m.status for m in a.meetings] == [status]
    assert len(_countries(a.meetings[0])) == 2


def test_no_meeting_in_plain_violence() -> None:
    assert _run("Russian drones struck Kyiv overnight, killing two people.").meetings == []


def test_actor_stage_mentions_are_used() -> None:
    text = "The Eastern delegation met the Western delegation in Geneva."
    doc = parse(text)
    a = Analysis(doc_id="x", text=text, doc=doc)
    a.actors = [ActorMention("Eastern delegation", 4, 22, country="AAA", sector="GOV"),
                ActorMention("Western delegation", 32, 50, country="BBB", sector="GOV")]
    annotate(a)
    assert len(a.meetings) == 1
    assert _countries(a.meetings[0]) == {"AAA", "BBB"} and a.meetings[0].level == "delegations"
    assert a.meetings[0].place is not None and a.meetings[0].place.text == "Geneva"


@pytest.mark.parametrize("text,country,issue,stance", [
    ("Moscow said it would accept a ceasefire only if sanctions are lifted.", "RUS", "sanctions", "condition"),
    ("Britain and France are ready to send peacekeepers.", "FRA", "peacekeepers", "accept"),
    ("Kyiv rejected any plan that would require it to cede territory.", "UKR", "territory", "reject"),
])
def test_positions(text: str, country: str, issue: str, stance: str) -> None:
    got = {(p.actor.country, p.issue, p.stance) for p in _run(text).positions}
    assert (country, issue, stance) in got


def test_dev_set_meets_targets_on_dev_half() -> None:
    result = evaluate(half="dev", stages=("negotiation",))
    assert result["n"] >= 20
    for kind in ("meetings", "positions"):
        assert result[kind]["recall"] >= 0.75, result[kind]
        assert result[kind]["precision"] >= 0.80, result[kind]


def test_an_alliance_s_own_summit_does_not_take_in_the_speaker() -> None:
    """"its summit" (NATO's) is not a meeting between NATO and the Kremlin spokesman who
    commented on it: a possessive "its" implies no second side."""
    from peacetalks import code

    text = ("Kremlin spokesman Dmitry Peskov said NATO was becoming an instrument of confrontation "
            "and that its summit would not help peace.")
    result = code(text, published="2025-06-20")
    for meeting in result.meetings:
        assert "Peskov" not in " ".join(p.text for p in meeting.participants)


def test_an_apposition_gives_no_level_to_the_meeting() -> None:
    """"the head of the presidential office" describes the participant: it does not make his
    meeting with officials a leaders' meeting."""
    from peacetalks import code

    text = ("Andriy Yermak, the head of Ukraine's presidential office, met British, French and German "
            "officials on Wednesday.")
    meetings = code(text, published="2025-04-23").meetings
    assert meetings and all(m.level != "leaders" for m in meetings)
    ranked = code("Witkoff, the US special envoy, met Putin in St Petersburg.", published="2025-04-23").meetings
    assert [m.level for m in ranked] == ["envoys"]
