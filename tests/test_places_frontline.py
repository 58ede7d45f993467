"""Places: the table of Ukrainian frontline towns and villages (places_frontline.yaml).

The first group checks the table itself; the second checks that the places stage resolves its
names, which needs the table to be listed in ``gazetteer.OUR_TABLES``."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest

from peacetalks.places import gazetteer, lookup, resolve_document
from peacetalks.places.gazetteer import normalise
from peacetalks.records import PlaceMention
from peacetalks.yaml_tables import read_yaml

TABLE = "places_frontline.yaml"
REQUIRED = {"name", "feature", "country", "admin1", "lat", "lon", "population"}
OPTIONAL = {"aliases", "match"}
# The regional centre(s) each admin1 of the table is checked against (a place lies within 200 km).
CENTRES = {
    "Kyiv Oblast": ("Kyiv",), "Chernihiv Oblast": ("Chernihiv",), "Sumy Oblast": ("Sumy",),
    "Kharkiv Oblast": ("Kharkiv",), "Luhansk Oblast": ("Luhansk", "Sievierodonetsk"),
    "Donetsk Oblast": ("Donetsk", "Kramatorsk"), "Dnipropetrovsk Oblast": ("Dnipro",),
    "Zaporizhzhia Oblast": ("Zaporizhzhia",), "Kherson Oblast": ("Kherson",), "Mykolaiv Oblast": ("Mykolaiv",),
    "Odesa Oblast": ("Odesa",), "Autonomous Republic of Crimea": ("Simferopol",), "Lviv Oblast": ("Lviv",),
    "Khmelnytskyi Oblast": ("Khmelnytskyi",), "Kirovohrad Oblast": ("Kropyvnytskyi",),
    "Zakarpattia Oblast": ("Uzhhorod",),
}


def rows_of(name: str) -> list[dict[str, Any]]:
    return read_yaml(Path(gazetteer.DATA) / name)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return rows_of(TABLE)


def keys_of(row: dict[str, Any]) -> list[str]:
    return [normalise(n) for n in (row["name"], *row.get("aliases", []))]


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(a))


# --------------------------------------------------------------------------- the table


def test_rows_follow_the_places_schema(rows: list[dict[str, Any]]) -> None:
    assert 120 <= len(rows) <= 250
    for row in rows:
        assert REQUIRED <= row.keys() and row.keys() <= REQUIRED | OPTIONAL, row
        assert (row["feature"], row["country"]) == ("city", "UKR"), row
        assert isinstance(row["population"], int) and row["population"] > 0, row
        assert row.get("match", False) is False, "match is only ever written to turn matching off"
        aliases = row.get("aliases", [])
        assert isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases), row
        assert all(n.isascii() for n in (row["name"], *aliases)), row


def test_coordinates_are_in_ukraine_and_rounded(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        lat, lon = row["lat"], row["lon"]
        assert 44.3 <= lat <= 52.4 and 22.1 <= lon <= 40.3, row["name"]
        assert round(lat, 2) == lat and round(lon, 2) == lon, row["name"]


def test_admin1_is_a_division_named_in_places_yaml(rows: list[dict[str, Any]]) -> None:
    divisions = {r.get("admin1") or r["name"] for r in rows_of("places.yaml")
                 if r.get("country") == "UKR" and r["feature"] == "admin1"}
    assert {"Donetsk Oblast", "Kharkiv Oblast", "Autonomous Republic of Crimea"} <= divisions
    for row in rows:
        assert row["admin1"] in divisions, row["name"]
        assert row["admin1"] in CENTRES, row["admin1"]


def test_no_name_or_alias_twice(rows: list[dict[str, Any]]) -> None:
    seen: dict[str, str] = {}
    for row in rows:
        for key in keys_of(row):
            assert key not in seen, f"{key!r} in {row['name']} and {seen[key]}"
            seen[key] = row["name"]


def test_nothing_repeats_places_yaml_or_a_geonames_town(rows: list[dict[str, Any]]) -> None:
    """A name of places.yaml is never repeated; an alias may be only by a row that is never phrase
    matched (Niu-York's "New York"). No name or alias is GeoNames' own name of a Ukrainian town."""
    ours = {key for r in rows_of("places.yaml") for key in keys_of(r)}
    towns = {normalise(c["name"]) for c in gazetteer._load_cities().values() if c["countrycode"] == "UA"}
    for row in rows:
        name, *aliases = keys_of(row)
        assert name not in ours, f"{row['name']} is already in places.yaml"
        if row.get("match", True):
            assert not ours.intersection(aliases), f"{row['name']}: an alias is already in places.yaml"
        for key in (name, *aliases):
            assert key not in towns, f"{row['name']}: {key!r} is GeoNames' name of a Ukrainian town"


def test_places_lie_near_their_regional_centre(rows: list[dict[str, Any]]) -> None:
    for row in rows:
        centres = [lookup(name, "UKR") for name in CENTRES[row["admin1"]]]
        assert all(c is not None and c.lat is not None for c in centres), row["admin1"]
        nearest = min(km(row["lat"], row["lon"], c.lat, c.lon) for c in centres)
        assert nearest <= 200, f"{row['name']} is {nearest:.0f} km from the centre of {row['admin1']}"


# --------------------------------------------------------------------------- resolution
# These pass once the table is listed in gazetteer.OUR_TABLES.


def places(text: str) -> list[PlaceMention]:
    return resolve_document({"id": "t", "text": text})


def test_the_table_is_registered() -> None:
    assert TABLE in gazetteer.OUR_TABLES


@pytest.mark.parametrize("text, mention, name, admin1", [
    ("Shelling hit Borodianka overnight.", "Borodianka", "Borodianka", "Kyiv Oblast"),
    ("Russian troops withdrew from Borodyanka at the end of March.", "Borodyanka", "Borodianka", "Kyiv Oblast"),
    ("Ukrainian brigades retook Klishchiivka, south of Bakhmut.", "Klishchiivka", "Klishchiivka", "Donetsk Oblast"),
    ("Marines held a small foothold in Krynky across the river.", "Krynky", "Krynky", "Kherson Oblast"),
    ("A drone hit an oil depot near Dzhankoi.", "Dzhankoi", "Dzhankoi", "Autonomous Republic of Crimea"),
])
def test_frontline_names_resolve_in_ukraine(rows: list[dict[str, Any]], text: str, mention: str,
                                            name: str, admin1: str) -> None:
    hits = [p for p in places(text) if p.text == mention]
    assert len(hits) == 1, hits
    p = hits[0]
    assert (p.name, p.country, p.admin1, p.feature) == (name, "UKR", admin1, "city")
    row, = [r for r in rows if r["name"] == name]
    assert abs(p.lat - row["lat"]) < 0.05 and abs(p.lon - row["lon"]) < 0.05


def test_a_former_name_finds_the_renamed_town() -> None:
    found = lookup("Stakhanov", "UKR")
    assert found is not None and (found.name, found.admin1) == ("Kadiivka", "Luhansk Oblast")


def test_new_york_stays_in_the_united_states() -> None:
    """Niu-York (Donetsk Oblast) is in the table with match: false; the city in the news is New York."""
    p, = [p for p in places("The president flew to New York for the UN General Assembly.") if p.text == "New York"]
    assert p.country == "USA"


def test_names_several_villages_share_are_left_out(rows: list[dict[str, Any]]) -> None:
    # "Andriivka" was a Kyiv Oblast village in the 2022 news and a Donetsk Oblast one in 2023: one row
    # would put half of its mentions hundreds of km away.
    names = {normalise(n) for row in rows for n in (row["name"], *row.get("aliases", []))}
    assert not names & {"andriivka", "bohdanivka", "orlivka", "stepove"}


def test_the_actor_stage_leaves_a_frontline_town_to_the_places_stage() -> None:
    from peacetalks.actors import actor_mentions
    from peacetalks.nlp import parse

    text = "Rescuers worked through the night in Borodyanka after the strike."
    assert "Borodyanka" not in {m.text for m in actor_mentions(text, parse(text), None)}
