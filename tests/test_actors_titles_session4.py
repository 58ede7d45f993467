"""Titles read through a national body, the upper house's head, monarchs and treasurers (issue 3, session 4).

All through the public ``resolve`` API, on dates inside and outside the roles.
"""

from __future__ import annotations

import pytest

from peacetalks.actors.resolver import resolve


@pytest.mark.parametrize("text,date,expected", [
    ("the Russian parliament speaker", "2020-06-01", "vyacheslav-volodin"),
    ("the speaker of the Russian parliament", "2020-06-01", "vyacheslav-volodin"),
    ("the Ukrainian parliament speaker", "2020-06-01", "dmytro-razumkov"),
    ("the Ukrainian parliament speaker", "2023-06-01", "ruslan-stefanchuk"),
])
def test_a_speaker_of_a_national_parliament_is_the_countrys_speaker(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


def test_a_companys_president_is_not_the_head_of_state() -> None:
    res = resolve("the Gazprom president", "2020-06-01")
    assert res.actor_id is None and res.sector == "BUS" and res.country == "RUS"


@pytest.mark.parametrize("text,date,expected", [
    ("the Spanish senate president", "2020-06-01", "LEG"),
    ("the Italian speaker", "2020-06-01", "LEG"),
])
def test_upper_and_lower_house_heads_are_legislators(text: str, date: str, expected: str) -> None:
    res = resolve(text, date)
    assert res.actor_id is not None and res.sector == expected


def test_senate_president_and_speaker_name_different_people() -> None:
    senate = resolve("the Italian senate president", "2023-06-01").actor_id
    speaker = resolve("the Italian speaker", "2023-06-01").actor_id
    assert senate and speaker and senate != speaker


@pytest.mark.parametrize("text,date,country", [
    ("Japan's emperor", "2020-06-01", "JPN"),
    ("the Luxembourg grand duke", "2020-06-01", "LUX"),
    ("the Australian treasurer", "2023-06-01", "AUS"),
])
def test_monarch_and_treasurer_variants_find_the_holder(text: str, date: str, country: str) -> None:
    res = resolve(text, date)
    assert res.actor_id is not None and res.country == country and res.sector == "GOV"


def test_dominican_alone_is_the_dominican_republic() -> None:
    assert resolve("the Dominican president", "2022-01-01").country == "DOM"
    assert resolve("Dominica", "2022-01-01").country == "DMA"
