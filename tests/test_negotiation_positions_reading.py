"""Position readings a reader of the sample briefing found wrong (issue 5, round 4).

Each rule is checked on sentences of our own in news style, through the public pipeline
(``peacetalks.pipeline.analyse``): who holds a stance, on which issue, and which stance.
"""

from __future__ import annotations

import pytest

from peacetalks.pipeline import InputDocument, analyse


def _stances(text: str) -> set[tuple[str, str, str]]:
    a = analyse(InputDocument(id="t", text=text, published="2025-06-12"))
    return {(p.actor.country or "", p.issue, p.stance) for p in a.positions}


def test_opinion_on_a_quoted_phrase_is_not_a_stance_of_the_opiner() -> None:
    found = _stances("Peskov said Moscow's goal was a settlement that reflected the new territorial realities, "
                     "wording Kyiv describes as a demand to surrender land.")
    assert found == {("RUS", "territory", "demand")}


def test_place_of_an_unrelated_thing_is_no_territory_stance() -> None:
    assert not _stances("Ukrainian officials said Russia had postponed accepting a shipment of grain, "
                        "which was waiting in trucks at the border.")


def test_blocked_measure_is_not_its_owners_refusal_and_gas_guarantees_are_no_security_guarantees() -> None:
    assert not _stances("The bloc's new sanctions package stayed blocked on Wednesday after Hungary sought "
                        "guarantees on oil transit, officials said.")


def test_a_blocking_party_named_as_agent_still_rejects() -> None:
    assert ("HUN", "sanctions", "reject") in _stances("The new sanctions package was blocked by Hungary.")


@pytest.mark.parametrize("text", [
    "The European Commission proposed a 19th package of sanctions on Russia on Friday.",
    "The European Commission proposed an 18th package of sanctions against Russia, including a lower price cap on oil.",
])
def test_proposing_ones_own_sanctions_is_an_act_not_a_position(text: str) -> None:
    assert not {s for s in _stances(text) if s[1] == "sanctions"}


def test_security_guarantees_still_found() -> None:
    assert ("UKR", "security_guarantees", "demand") in _stances(
        "Sybiha said Ukraine would ask allies for guarantees of its security.")


def test_reporters_own_appeal_joined_to_the_reported_clause() -> None:
    assert _stances("Zelensky said Moscow had stalled the talks and called for tougher sanctions.") == {
        ("UKR", "sanctions", "demand")}


@pytest.mark.parametrize("text,holder", [
    ("The Kremlin refused to accept a 30-day truce, Ukrainian officials said.", "RUS"),
    ("Putin declined to agree to an immediate ceasefire.", "RUS"),
])
def test_refusing_to_accept_is_a_rejection(text: str, holder: str) -> None:
    assert (holder, "ceasefire", "reject") in _stances(text)
    assert (holder, "ceasefire", "accept") not in _stances(text)


def test_negated_agreement_without_the_issue_is_a_condition() -> None:
    assert _stances("Sybiha said Kyiv would not sign any deal without security guarantees from its allies.") == {
        ("UKR", "security_guarantees", "condition")}


@pytest.mark.parametrize("text", [
    "Macron said the truce must cover land, sea and air.",  # the truce's domain, no territory
    "Lavrov said Moscow would hand over the documents after the exchange.",  # no land handed over
    "Senate leaders said the sanctions bill would not come to a vote this month.",  # no election
    "Kyiv said the strike was an attack sanctioned by the Russian leadership.",  # authorised, no sanction
])
def test_issue_words_in_another_sense(text: str) -> None:
    found = _stances(text)
    assert not {s for s in found if s[1] in ("territory", "elections", "sanctions")}


def test_handing_over_a_place_stays_territory() -> None:
    assert ("RUS", "territory", "reject") in _stances("Putin's aide said Moscow had no plans to hand over the plant.")


def test_verdict_on_a_thing_is_the_speakers() -> None:
    found = _stances('"Any stationing of NATO troops in Ukraine is unacceptable," Peskov said.')
    assert found == {("RUS", "peacekeepers", "reject")}


def test_lifting_a_limit_on_weapons_accepts_them() -> None:
    found = _stances("Germany will no longer impose restrictions on the range of weapons it sends to Kyiv, Merz said.")
    assert found == {("DEU", "military_aid", "accept")}


def test_terms_of_a_rejected_settlement_are_the_rejecters_stance() -> None:
    assert _stances("Zelensky rejected any agreement that would recognise Russia's claim to Crimea.") == {
        ("UKR", "territory", "reject")}


def test_clause_opening_once_is_a_condition() -> None:
    found = _stances("The Dutch prime minister said the Netherlands would be ready to contribute to a reassurance "
                     "force once a ceasefire was agreed.")
    assert found == {("NLD", "peacekeepers", "condition"), ("NLD", "ceasefire", "condition")}


@pytest.mark.parametrize("text", [
    '"Moscow has to feel the price of refusing a truce," the Ukrainian minister said.',
    "Kyiv accused Moscow of rejecting a ceasefire proposal.",
    "Warsaw blamed the Kremlin for refusing a ceasefire.",
])
def test_a_stance_laid_at_anothers_door_is_not_the_speakers(text: str) -> None:
    """The gerund after "the cost of", "accused X of", "blamed X for" states what someone else does:
    neither the speaker's stance nor, read as an accusation, a stance we can attribute."""
    assert not {s for s in _stances(text) if s[1] == "ceasefire"}


def test_illegitimate_said_of_a_measure_rejects_it_and_makes_no_legitimacy_claim() -> None:
    found = _stances("The Kremlin called the new tariffs illegitimate.")
    assert ("RUS", "sanctions", "reject") in found
    assert not {s for s in found if s[1] == "legitimacy"}


def test_illegitimate_said_of_a_leader_stays_a_legitimacy_claim() -> None:
    assert ("RUS", "legitimacy", "claim") in _stances("The Kremlin considers the Ukrainian president illegitimate.")


@pytest.mark.parametrize("text", [
    "Russia demanded that Ukraine pull its forces out of four regions as a condition for a ceasefire.",
    "The Russian side demanded that Kyiv withdraw from the regions it holds as a precondition for a truce, an official said.",
])
def test_a_condition_inside_a_demanded_clause_is_the_demanders(text: str) -> None:
    found = _stances(text)
    assert ("RUS", "ceasefire", "condition") in found
    assert ("UKR", "ceasefire", "condition") not in found


def test_an_acceptance_laid_on_another_party_is_a_demand_of_who_lays_it() -> None:
    found = _stances("Moscow insists that Kyiv must recognise the annexation of the four regions.")
    assert ("RUS", "territory", "demand") in found
    assert not {s for s in found if s[0] == "UKR"}
    assert ("UKR", "ceasefire", "accept") in _stances("Zelensky said Ukraine must accept a ceasefire.")
