"""Actors, fourth round: the UNK reading of unknown referents, the conventions added this round
(legislators LEG, former members of a body ELI, state media GOV, mercenaries UAF), name forms
(middle names, one-word names), towns, and the knowledge-base categories added."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacetalks.actors import actor_mentions, resolve
from peacetalks.actors.cli import app
from peacetalks.actors.kb import DATA
from peacetalks.yaml_tables import read_yaml


def _cs(text: str, date: str | None = None, context: str | None = None) -> tuple:
    res = resolve(text, date, context)
    return res.country, res.sector


# --------------------------------------------------------------------------- UNK: an actor of unknown sector

@pytest.mark.parametrize("text", ["he", "Someone", "two strangers", "the others", "supporters", "foreigners"])
def test_pronouns_and_indefinite_people_are_actors_of_unknown_sector(text: str) -> None:
    assert _cs(text) == (None, "UNK")


def test_an_unknown_name_is_an_actor_of_unknown_sector_with_the_country_it_can_get() -> None:
    res = resolve("Xqzy Blorf")
    assert (res.actor_id, res.name, res.country, res.sector) == (None, "Xqzy Blorf", None, "UNK")
    assert _cs("Xqzy Blorf", context="Officials in Kenya said") == ("KEN", "UNK")
    assert _cs("Oleksandr Kovalenko") == ("UKR", "UNK")  # the name's shape gives a guessed country


@pytest.mark.parametrize("text", ["yesterday", "Yesterday", "Monday", "March 2022", "puppies", "a demand", "", "---"])
def test_non_actors_stay_null(text: str) -> None:
    res = resolve(text)
    assert (res.country, res.sector, res.actor_id) == (None, None, None)


def test_a_country_alone_keeps_sector_null_and_a_thing_of_it_is_unk() -> None:
    assert _cs("Russia") == ("RUS", None)
    assert _cs("homes in Syria") == ("SYR", "UNK")  # head before the preposition, not an actor word
    assert _cs("trade unions in Denmark") == ("DNK", "LAB")


def test_cli_gives_unk_for_an_unknown_name_and_null_for_junk() -> None:
    lines = "\n".join(json.dumps({"id": str(i), "text": t}) for i, t in enumerate(["Xqzy Blorf", "yesterday"]))
    res = CliRunner().invoke(app, ["resolve", "-"], input=lines + "\n")
    assert res.exit_code == 0, res.output
    out = [json.loads(line) for line in res.output.splitlines()]
    assert [(o["actor_id"], o["sector"]) for o in out] == [(None, "UNK"), (None, None)]


# --------------------------------------------------------------------------- conventions

def test_legislators_are_leg_while_seated_then_eli() -> None:
    assert _cs("Theresa May", "2018-01-01") == ("GBR", "GOV")
    assert _cs("Theresa May", "2021-01-01") == ("GBR", "LEG")  # an MP after leaving office
    assert _cs("Theresa May", "2025-01-01") == ("GBR", "ELI")


def test_parliamentary_opposition_leaders_are_leg_others_opp() -> None:
    assert _cs("Keir Starmer", "2021-06-01") == ("GBR", "LEG")
    assert _cs("Keir Starmer", "2025-01-01") == ("GBR", "GOV")
    assert _cs("Sviatlana Tsikhanouskaya", "2022-01-01") == ("BLR", "OPP")
    assert _cs("Bobi Wine", "2019-01-01") == ("UGA", "LEG")
    assert _cs("Bobi Wine", "2022-01-01") == ("UGA", "OPP")


def test_a_former_member_of_a_body_is_eli() -> None:
    assert _cs("a former FSB officer") == ("RUS", "ELI")
    assert _cs("FSB officers") == ("RUS", "SPY")


def test_state_media_speak_for_the_government() -> None:
    assert _cs("state-owned media outlet") == (None, "GOV")
    assert _cs("Iranian state-run newspaper") == ("IRN", "GOV")
    assert _cs("Iranian newspaper") == ("IRN", "JRN")


def test_rank_nouns_take_the_sector_of_their_modifier() -> None:
    assert _cs("state security officers") == (None, "SPY")
    assert _cs("Russian secret police") == ("RUS", "SPY")
    assert _cs("police officers") == (None, "COP")


def test_mercenaries_are_unaligned_militias_paramilitary() -> None:
    assert _cs("Russian mercenaries") == ("RUS", "UAF")
    assert _cs("Iraqi militiamen") == ("IRQ", "PRM")


def test_experts_are_edu() -> None:
    assert _cs("Russian experts") == ("RUS", "EDU")


# --------------------------------------------------------------------------- name forms and places

def test_middle_names_patronymics_and_initials_still_name_the_person() -> None:
    assert resolve("Valery Vasilyevich Gerasimov", "2022-05-01").actor_id == "valery-gerasimov"
    assert resolve("Sergei Viktorovich Lavrov", "2022-05-01").actor_id == "sergey-lavrov"
    assert resolve("Joseph R. Biden", "2022-05-01").actor_id == "joe-biden"


def test_a_one_word_name_next_to_another_name_is_someone_else() -> None:
    assert resolve("Madonna").actor_id == "madonna"
    assert resolve("John Madonna").actor_id is None
    assert resolve("Mr Lula").actor_id == "luiz-inacio-lula-da-silva"


def test_a_lower_case_surname_beside_an_agent_noun_is_an_ordinary_word() -> None:
    assert resolve("bush pilots").actor_id is None
    assert resolve("putin").actor_id == "vladimir-putin"


def test_towns_of_15000_give_their_country() -> None:
    assert _cs("Bucha") == ("UKR", "CVL")
    assert _cs("Gulu police") == ("UGA", "COP")


def test_an_appositive_title_describes_the_unknown_person_not_its_holder() -> None:
    from peacetalks.nlp import parse

    text = "Juan Perez, the Nigerian finance minister, spoke. Zainab Ahmed did not."
    found = {m.text: m for m in actor_mentions(text, parse(text), dt.date(2022, 5, 1))}
    perez = found["Juan Perez"]
    assert (perez.country, perez.sector, perez.role) == ("NGA", "GOV", "finance minister")
    assert found["Nigerian finance minister"].actor_id is None
    assert found["Zainab Ahmed"].actor_id == "zainab-ahmed"


# --------------------------------------------------------------------------- knowledge base

def test_provincial_chief_ministers_by_date() -> None:
    assert _cs("Qaim Ali Shah", "2015-01-01") == ("PAK", "GOV")
    assert _cs("Qaim Ali Shah", "2017-01-01") == ("PAK", "ELI")
    assert _cs("Vijay Rupani", "2018-01-01") == ("IND", "GOV")


@pytest.mark.parametrize("text,date,expected", [
    ("Balochistan Chief Minister Sanaullah Zehri", "2016-06-01", "sanaullah-zehri"),
    ("Tamil Nadu chief minister", "2018-01-01", None),  # chief ministers are not unique per country
    ("the Kosovo prime minister", "2018-06-01", "ramush-haradinaj"),
    ("Taiwan's premier", "2023-06-01", "chen-chien-jen"),
    ("the Italian finance minister", "2020-06-01", "roberto-gualtieri"),
    ("the Brazilian finance minister", "2020-06-01", "paulo-guedes"),
    ("the South African defence minister", "2016-01-01", "nosiviwe-mapisa-nqakula"),
    ("Montenegro's prime minister", "2021-06-01", "zdravko-krivokapic"),
])
def test_category_holders_by_date(text: str, date: str, expected: str | None) -> None:
    res = resolve(text, date)
    if expected is None:
        assert res.actor_id is None and res.sector == "GOV"
    else:
        assert res.actor_id == expected


@pytest.mark.parametrize("text,country,sector", [
    ("Raia Mutomboki", "COD", "PRM"), ("Boogaloo Boys", "USA", "UAF"), ("Three Percenters", "USA", "UAF"),
    ("Islamic State Somalia Province", "SOM", "REB"), ("Imbonerakure", "BDI", "PRM"),
    ("Trinamool Congress", "IND", "PTY"), ("Srpska Lista", "XKX", "PTY"), ("TSMC", "TWN", "BUS"),
    ("a Kirov-class cruiser", "RUS", "MIL"), ("Type 055 destroyers", "CHN", "MIL"),
])
def test_armed_groups_parties_and_companies(text: str, country: str, sector: str) -> None:
    assert _cs(text) == (country, sector)


def test_entry_ids_are_unique_and_roles_are_well_formed() -> None:
    ids: Counter[str] = Counter()
    files = sorted(DATA.glob("organisations*.yaml")) + sorted((DATA / "people").glob("*.yaml"))
    for path in files:
        for raw in read_yaml(Path(path)) or []:
            ids[raw["id"]] += 1
            for role in raw.get("roles") or []:
                start, end = (role[1], role[2]) if isinstance(role, list) else (role.get("start"), role.get("end"))
                assert start is None or end is None or _d(start) < _d(end), (raw["id"], role)
    assert not [i for i, n in ids.items() if n > 1]


def _d(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
