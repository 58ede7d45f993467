"""Round-5 meeting readings a reader of the sample corpus checks: a gathering's host, a bloc's
own meeting, the format from distinct parties, tense of relative time and time frames, trips
to several capitals, commentators and holders of talks, hosts, a plural "they". Everything
goes through the public pipeline (``analyse``) on sentences written for these tests, plus one
bundled sample article."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from peacetalks.pipeline import InputDocument, analyse
from peacetalks.records import Meeting

_STAGES = ("actors", "places", "negotiation")


def _run(text: str, published: str = "2025-06-17", doc_id: str = "round5") -> list[Meeting]:
    return analyse(InputDocument(id=doc_id, text=text, published=published), _STAGES).meetings


def _countries(m: Meeting) -> frozenset[str]:
    return frozenset(p.country or "" for p in m.participants)


def _readings(meetings: list[Meeting]) -> set[tuple[frozenset[str], str, str]]:
    return {(_countries(m), m.level, m.status) for m in meetings}


# ------------------------------------------------------------- gatherings and blocs

def test_host_of_a_named_gathering_is_no_meeting_and_no_status() -> None:
    text = ("A planned meeting between Donald Trump and Volodymyr Zelensky at the Group of Seven summit in "
            "Canada was cancelled. Canadian Prime Minister Mark Carney, who hosted the summit, announced new "
            "military aid for Ukraine.")
    meetings = _run(text)
    assert [(m.sentence, m.status) for m in meetings] == [(0, "cancelled")]


def test_sample_article_host_sentence_adds_no_planned_meeting() -> None:
    path = resources.files("peacetalks") / "data" / "sample" / "articles.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    art = next(r for r in rows if "who hosted the summit" in r["text"])
    doc = InputDocument(id=art["id"], text=art["text"], published=art.get("published"))
    meetings = analyse(doc, _STAGES).meetings
    host_sentence = [m for m in meetings if any("hosted the summit" in e.text for e in m.evidence)]
    assert host_sentence == []


def test_a_later_summit_of_two_named_parties_is_still_a_meeting() -> None:
    text = ("Leaders gathered for the NATO summit in The Hague. The summit between Trump and Zelensky on the "
            "sidelines lasted an hour.")
    assert (frozenset({"USA", "UKR"}), "leaders", "held") in _readings(_run(text))


def test_bloc_internal_meeting_is_not_a_meeting_of_the_process() -> None:
    assert _run("EU foreign ministers approved the package at a meeting in Brussels.", "2025-05-20") == []


def test_bloc_meeting_with_another_party_stays() -> None:
    meetings = _run("EU foreign ministers met Sybiha in Brussels on Monday.", "2025-05-20")
    assert [(_countries(m), m.format) for m in meetings] == [(frozenset({"EUR", "UKR"}), "bilateral")]


# ------------------------------------------------------------------------ format

@pytest.mark.parametrize("text,fmt", [
    ("Putin and the Kremlin's envoy met Witkoff in St Petersburg on Friday.", "bilateral"),
    ("Lavrov held bilateral talks with Fidan and Rubio in Antalya on Friday.", "trilateral"),
    ("Kallas and EU foreign ministers met Sybiha in Brussels on Monday.", "bilateral"),
])
def test_format_counts_distinct_parties(text: str, fmt: str) -> None:
    meetings = _run(text, "2025-05-16")
    assert meetings and meetings[0].format == fmt
    n = len(_countries(meetings[0]))
    assert fmt == ("bilateral" if n <= 2 else "trilateral" if n == 3 else "multilateral")


# ------------------------------------------------------------- tense and frames

@pytest.mark.parametrize("text,status", [
    ("Erdogan spoke to Putin by phone later on Sunday.", "held"),
    ("Erdogan will speak to Putin by phone later on Sunday.", "planned"),
    ("The announcement followed a phone call between Trump and Putin.", "held"),
    ("Ahead of the talks between Russia and Ukraine, Rubio will meet Fidan.", "planned"),
    ("A strike killed two soldiers on Sunday, a day before talks between Russia and Ukraine in Istanbul.",
     "planned"),
])
def test_status_from_tense_and_time_frames(text: str, status: str) -> None:
    found = {m.status for m in _run(text, "2025-05-11") if _countries(m) in (
        frozenset({"TUR", "RUS"}), frozenset({"USA", "RUS"}), frozenset({"RUS", "UKR"}))}
    assert found == {status}


def test_before_a_meeting_with_a_past_verb_gives_it_no_planned_status() -> None:
    text = "Before the direct talks between Russia and Ukraine, Rubio met the Ukrainian delegation."
    talks = [m for m in _run(text, "2025-05-16") if _countries(m) == frozenset({"RUS", "UKR"})]
    assert talks and all(m.status != "planned" for m in talks)


def test_participle_clause_takes_the_main_verb_tense() -> None:
    meetings = _run("Speaking during a visit to Kyiv, Rubio said the United States wanted peace.", "2025-04-03")
    assert [(set(_countries(m)), m.status, m.channel) for m in meetings] == [({"USA", "UKR"}, "held", "visit")]


# ------------------------------------------------------------------------ trips

def test_trip_to_two_capitals_is_two_bilateral_visits() -> None:
    meetings = _run("Finnish President Alexander Stubb travelled to Kyiv and Warsaw this week.", "2025-09-04")
    assert {_countries(m) for m in meetings} == {frozenset({"FIN", "UKR"}), frozenset({"FIN", "POL"})}
    assert all(m.format == "bilateral" and m.channel == "visit" for m in meetings)
    assert len({m.id for m in meetings}) == 2


# ------------------------------------------------------- who takes part, who not

def test_so_called_talks_are_no_call() -> None:
    text = ("Russian and Ukrainian delegations held talks on Friday. Sybiha said the strike came hours after "
            "Russia's so-called peace talks and called on partners to act.")
    assert all(m.channel != "call" for m in _run(text, "2025-05-17"))


def test_outside_commentator_is_no_side_of_a_partys_talks() -> None:
    text = "Russian drones struck Ukraine overnight. Kallas said Moscow's proposal of talks was an attempt to buy time."
    assert _readings(_run(text, "2025-05-12")) == {(frozenset({"RUS", "UKR"}), "unspecified", "proposed")}


def test_a_side_commenting_on_the_other_sides_proposal_stands_for_its_state() -> None:
    meetings = _run("Peskov said Ukraine's proposal of a summit before the end of June was not realistic.", "2025-06-04")
    assert [_countries(m) for m in meetings] == [frozenset({"UKR", "RUS"})]
    assert all(p.actor_id is None for p in meetings[0].participants)


def test_talks_with_a_list_have_a_holder() -> None:
    meetings = _run("Starmer said that talks with France and Ukraine on a peace plan were continuing.", "2025-03-02")
    assert {_countries(m) for m in meetings} == {frozenset({"GBR", "FRA", "UKR"})}


def test_a_host_is_no_party_of_the_meeting_it_hosts() -> None:
    text = ("Trump spoke to Erdogan by phone on Sunday. Putin proposed talks with Ukraine in Istanbul, and "
            "Erdogan said Turkey was ready to host the negotiations.")
    assert _readings(_run(text, "2025-05-11")) == {
        (frozenset({"USA", "TUR"}), "leaders", "held"), (frozenset({"RUS", "UKR"}), "unspecified", "proposed")}


def test_sentence_opening_they_is_the_listed_leaders() -> None:
    text = "Macron, Merz and Starmer met Zelensky in Kyiv on Saturday. They later held a joint call with Trump."
    call = [m for m in _run(text, "2025-05-10") if m.channel == "call"]
    assert [(_countries(m), m.level, m.status, m.format) for m in call] == [
        (frozenset({"FRA", "DEU", "GBR", "USA"}), "leaders", "held", "multilateral")]


def test_relative_clause_subject_gives_the_level() -> None:
    meetings = _run("European leaders, who also joined a call with Trump, said they would prepare sanctions.", "2025-05-19")
    assert [(m.level, m.channel, m.status) for m in meetings] == [("leaders", "call", "held")]
