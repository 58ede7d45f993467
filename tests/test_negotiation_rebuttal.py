"""Round-2 position rules: rebutting a claim on legitimacy, a threat of a party's own
measure, a quotation whose reporter is named where it closes, and a sentence-opening "he"
that continues the previous sentence's subject. Through the public pipeline."""

from __future__ import annotations

import pytest

from peacetalks.pipeline import InputDocument, analyse


def _positions(text: str) -> set[tuple[str, str, str]]:
    a = analyse(InputDocument(id="rebuttal", text=text, published="2025-06-19"), ("actors", "places", "negotiation"))
    return {(p.actor.country or "", p.issue, p.stance) for p in a.positions}


@pytest.mark.parametrize("text", [
    "Sybiha rejected the claim that Zelensky is illegitimate.",
    "Kyiv dismissed Moscow's claims that the Ukrainian president is not legitimate.",
])
def test_dismissing_a_legitimacy_claim_is_a_rejection(text: str) -> None:
    assert ("UKR", "legitimacy", "reject") in _positions(text)


def test_dismissing_a_claim_on_another_issue_is_no_position() -> None:
    """Only claim-type issues (``rebuttal_issues``) make a dismissal a stance."""
    assert ("UKR", "sanctions", "reject") not in _positions("Zelensky dismissed the Kremlin's claim that sanctions are illegal.")


def test_lies_about_legitimacy_in_a_quotation_closed_later() -> None:
    text = ('Putin said Zelensky is illegitimate. "Putin\'s lies about legitimacy are an excuse to avoid peace. '
            'Elections are impossible under martial law," Sybiha wrote.')
    found = _positions(text)
    assert ("UKR", "legitimacy", "reject") in found  # the rebutter, named where the quotation closes
    assert ("RUS", "legitimacy", "claim") in found


def test_quotation_without_a_reporter_in_its_paragraph_has_no_holder() -> None:
    text = '"Lies about legitimacy will not stop us. We will keep fighting."\n\nThe minister later spoke in Kyiv.'
    assert not any(issue == "legitimacy" for _, issue, _ in _positions(text))


def test_threat_of_a_party_s_own_sanctions() -> None:
    assert _positions("The remarks amounted to a threat of new British sanctions against Russian banks.") \
        == {("GBR", "sanctions", "condition")}


def test_sentence_opening_he_continues_the_previous_subject() -> None:
    """"Trump criticised Putin. He said ...": the topic (Trump), not the latest name (Putin)."""
    text = ("Trump criticised Putin over the latest strikes. He said new sanctions on Russian banks were possible "
            "if the attacks went on.")
    assert _positions(text) == {("USA", "sanctions", "condition")}


def test_he_after_two_subjects_is_left_to_the_latest_name() -> None:
    """Two people as subjects before: the rule does not guess."""
    text = "Trump and Zelensky met Putin's envoy. He said sanctions were possible."
    assert ("USA", "sanctions", "condition") not in _positions(text)
