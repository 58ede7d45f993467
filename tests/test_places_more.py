"""Places: opt-in demonym references, UK counties, facilities and organisations-as-places."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peacetalks.pipeline import InputDocument, analyse
from peacetalks.places import resolve_document
from peacetalks.places.cli import app
from peacetalks.records import PlaceMention


def places(text: str, demonyms: bool = False) -> list[PlaceMention]:
    return resolve_document({"id": "t", "text": text}, demonyms=demonyms)


def by_text(found: list[PlaceMention], text: str) -> list[PlaceMention]:
    return [p for p in found if p.text == text]


def test_demonyms_are_opt_in_and_flagged() -> None:
    text = "Russian troops shelled the town, and the European Commission said Venezuelan officials agreed."
    assert not [p for p in places(text) if p.demonym], "off by default: adjectives are not toponyms"
    found = places(text, demonyms=True)
    russian, = by_text(found, "Russian")
    assert (russian.country, russian.feature, russian.demonym) == ("RUS", "country", True)
    assert russian.lat is not None and russian.confidence < 1.0
    assert by_text(found, "Venezuelan")[0].country == "VEN"
    assert by_text(found, "European")[0].name == "Europe"
    adjectives = ("Russian", "Venezuelan", "European")
    assert all(not p.demonym for p in found if p.text not in adjectives)
    assert [(p.start, p.end) for p in found] == sorted((p.start, p.end) for p in found)


@pytest.mark.parametrize("text", [
    "She speaks Russian and French fluently.",
    "The Russians arrived on Monday.",
    "Ohaneze Ndigbo, the Pan-Igbo group, said an Igbo politician was arrested.",
])
def test_languages_peoples_and_ethnic_groups_are_not_demonym_places(text: str) -> None:
    assert not [p for p in places(text, demonyms=True) if p.demonym]


def test_demonyms_never_overlap_real_places() -> None:
    text = "Russia's army and the Russian navy moved toward the Persian Gulf."
    found = places(text, demonyms=True)
    assert [p.text for p in found if p.demonym] == ["Russian"]
    assert by_text(found, "Persian Gulf") and not by_text(found, "Persian")
    for a, b in zip(found, found[1:]):
        assert a.end <= b.start


def _cli_places(*args: str, text: str = "Ukrainian drones hit a depot in Kursk.") -> list[dict]:
    line = json.dumps({"id": "a", "text": text}) + "\n"
    result = CliRunner().invoke(app, ["resolve", *args, "-"], input=line)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["places"]


def test_cli_resolve_includes_flagged_demonyms_by_default() -> None:
    """GeoWebNews counts adjectival modifiers as toponyms, so the geoparser command returns them,
    flagged; ``--demonyms`` (the former opt-in) is a no-op alias."""
    for found in (_cli_places(), _cli_places("--demonyms")):
        assert [(p["text"], p["country"], p["demonym"]) for p in found] == [
            ("Ukrainian", "UKR", True), ("Kursk", "RUS", False)]
        assert all("demonym" in p for p in found), "the flag is always written"


def test_cli_resolve_no_demonyms_leaves_adjectives_out() -> None:
    found = _cli_places("--no-demonyms")
    assert [p["text"] for p in found] == ["Kursk"] and not found[0]["demonym"]


def test_pipeline_places_stay_toponyms_only() -> None:
    analysis = analyse(InputDocument(id="x", text="Russian strikes hit Lviv."), stages=("places",))
    assert [p.text for p in analysis.places] == ["Lviv"]


@pytest.mark.parametrize("text, name", [
    ("The championship returns to Hampshire in May.", "Hampshire"),
    ("Flooding closed roads across Surrey and West Sussex.", "Surrey"),
    ("Police in Norfolk appealed for witnesses.", "Norfolk"),
])
def test_uk_counties(text: str, name: str) -> None:
    p, = by_text(places(text), name)
    assert p.country == "GBR" and p.admin1 == "England"
    assert 50 < p.lat < 56 and -4 < p.lon < 2


def test_town_names_inside_facility_names_are_not_the_town() -> None:
    found = places("The service was held at St George\u2019s Chapel at Windsor Castle in England.")
    assert not by_text(found, "George"), "not George, South Africa"
    assert all(p.country != "ZAF" for p in found)


def test_organisations_named_after_buildings_are_placed_in_the_document_focus() -> None:
    text = "The Blue Jays played at the Rogers Centre in Toronto, then flew home to Toronto."
    centre, = by_text(places(text), "Rogers Centre")
    assert centre.country == "CAN" and centre.feature == "other" and centre.confidence <= 0.2
    uni = places("She studied at Washington University in St. Louis, Missouri, and St. Louis is home.")
    assert not by_text(uni, "University")
    assert uni and all(p.country == "USA" for p in uni)


def test_generic_words_are_not_towns() -> None:
    found = places("The University said the Wedding would go ahead.")
    assert not found, found


def test_small_towns_of_the_country_the_document_is_about() -> None:
    text = "Flooding in England closed roads in Gloucester and Cheltenham, and Tewkesbury was cut off."
    town, = by_text(places(text), "Tewkesbury")
    assert town.country == "GBR" and town.feature == "city"
    assert not by_text(places("Tewkesbury was cut off."), "Tewkesbury"), "no context: below the matcher's floor"


@pytest.mark.parametrize("name, oblast", [("Kupiansk", "Kharkiv Oblast"), ("Izyum", "Kharkiv Oblast"),
                                          ("Chasiv Yar", "Donetsk Oblast"), ("Huliaipole", "Zaporizhzhia Oblast")])
def test_frontline_towns(name: str, oblast: str) -> None:
    p, = by_text(places(f"Russian forces shelled {name} overnight, officials said."), name)
    assert p.country == "UKR" and p.admin1 == oblast


def test_subdivisions_written_with_their_type() -> None:
    p, = by_text(places("The governor of Sokoto State met farmers in Nigeria."), "Sokoto State")
    assert p.feature == "admin1" and p.country == "NGA" and p.lat is not None


def test_seats_of_power_inside_the_white_house() -> None:
    found = places("The president met his adviser in the Oval Office on Monday.")
    office, = by_text(found, "Oval Office")
    assert office.name == "White House" and office.country == "USA"


def test_control_characters_keep_texts_and_offsets_exact() -> None:
    text = "Talks\x00 in Geneva\x1f and Kyiv\x00 ended."
    found = places(text)
    assert [p.name for p in found] == ["Geneva", "Kyiv"]
    for p in found:
        assert text[p.start:p.end] == p.text
