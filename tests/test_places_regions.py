"""Places: regions of other countries (regions.yaml), regional/state/city adjectives, and the
document focus chosen country first."""

from __future__ import annotations

import pytest

from peacetalks.places import lookup, resolve_document
from peacetalks.records import PlaceMention


def places(text: str, demonyms: bool = False) -> list[PlaceMention]:
    return resolve_document({"id": "t", "text": text}, demonyms=demonyms)


def one(found: list[PlaceMention], text: str) -> PlaceMention:
    hits = [p for p in found if p.text == text]
    assert len(hits) == 1, (text, found)
    return hits[0]


@pytest.mark.parametrize("text, name, country, lat, lon", [
    ("Wildfires spread across Sardinia on Monday.", "Sardinia", "ITA", 40.1, 9.0),
    ("Voters in Saxony backed the far right.", "Saxony", "DEU", 51.0, 13.3),
    ("Separatists in Flanders want more autonomy.", "Flanders", "BEL", 51.0, 4.2),
    ("Factories in Guangdong reopened.", "Guangdong", "CHN", 23.4, 113.5),
    ("Gunmen attacked a village in Zamfara.", "Zamfara", "NGA", 12.1, 6.2),
    ("Troops were sent to Mindanao.", "Mindanao", "PHL", 7.5, 125.0),
])
def test_regions_of_other_countries_are_located(text: str, name: str, country: str, lat: float, lon: float) -> None:
    p = one(places(text), name)
    assert (p.country, p.lat is not None) == (country, True)
    assert abs(p.lat - lat) < 1.0 and abs(p.lon - lon) < 1.0


def test_a_region_beats_a_small_same_named_town_abroad() -> None:
    """"Tuscany" is the Italian region, not a Calgary neighbourhood; "Laguna" the Philippine
    province unless the document says it is in the USA."""
    assert one(places("Tourists flocked to Tuscany this summer."), "Tuscany").country == "ITA"
    laguna = one(places("The mayor of Calamba, Laguna, opened the games in the Philippines."), "Laguna")
    assert laguna.country == "PHL" and laguna.feature == "admin1"
    entry = lookup("Osun State")
    assert entry is not None and entry.country == "NGA"


def test_names_that_are_ordinary_words_need_the_models_tag() -> None:
    # "Java" (the language) and "Marche" are in the table with match: false.
    assert not [p for p in places("She writes Java code for a living.") if p.text == "Java"]


@pytest.mark.parametrize("text, adjective, name, country", [
    ("Kurdish fighters held the town.", "Kurdish", "Kurdistan", None),
    ("A Basque separatist group disbanded.", "Basque", "Basque Country", "ESP"),
    ("Flemish nationalists gained seats.", "Flemish", "Flanders", "BEL"),
    ("Ohioan voters went to the polls.", "Ohioan", "Ohio", "USA"),
    ("Quebecois politicians objected.", "Quebecois", "Quebec", "CAN"),
    ("Parisian cafes were full.", "Parisian", "Paris", "FRA"),
    ("Palestinian officials met the envoy.", "Palestinian", None, "PSE"),
])
def test_regional_state_and_city_adjectives(text: str, adjective: str, name: str | None, country: str | None) -> None:
    p = one(places(text, demonyms=True), adjective)
    assert p.demonym and p.country == country and p.lat is not None
    if name is not None:
        assert p.name == name
    assert not [q for q in places(text) if q.demonym], "never without demonyms=True"


def test_focus_country_is_chosen_before_the_focus_city() -> None:
    """Three mentions of a London district (a house model's name) do not outweigh five places in
    Virginia: an unknown facility goes to the focus city of the country the article is about."""
    text = ("The Norbury model sells fast. The Norbury has three bedrooms. The Norbury is the largest. "
            "The Norbury has a garden. Buyers come from Manassas, Centreville, Fairfax and Leesburg "
            "in Virginia. Residents swim at the Cedar Ridge Community Center.")
    center = one(places(text), "Cedar Ridge Community Center")
    assert (center.country, center.admin1, center.geonameid) == ("USA", "Virginia", None)
    assert center.confidence <= 0.2, "a guess, which event locations skip"


def test_region_names_that_are_first_names_need_the_models_tag() -> None:
    assert not places("Brittany Higgins said she was assaulted. Brittany said more.")


def test_same_named_regions_follow_the_documents_country() -> None:
    ukr = one(places("Hospitals in Galicia, near Lviv, took in refugees from Kharkiv."), "Galicia")
    esp = one(places("Galicia voted in regional elections in Spain."), "Galicia")
    assert (ukr.country, esp.country) == ("UKR", "ESP")
