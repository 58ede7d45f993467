"""Actors, fifth round: knowledge-base breadth by category (heads of state and government and foreign
ministers of more states; interior and defence ministers, central bank governors, military and
intelligence chiefs, chief justices and speakers; subnational executives; party leaders, journalists,
religious leaders and heads of international bodies). Each category is checked on a sample, with
dated roles at both ends (start inclusive, end exclusive)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from peacetalks.actors import resolve, show
from peacetalks.actors.cli import app
from peacetalks.actors.kb import DATA
from peacetalks.yaml_tables import read_yaml

ROUND5 = sorted((DATA / "people").glob("r5_*.yaml"))


def _who(text: str, date: str) -> tuple:
    res = resolve(text, date)
    return res.actor_id, res.country, res.sector


# --------------------------------------------------------------------------- 1. heads and foreign ministers

@pytest.mark.parametrize("text,date,expected", [
    ("the Swiss president", "2015-12-31", "simonetta-sommaruga"),       # the presidency rotates yearly
    ("the Swiss president", "2016-01-01", "johann-schneider-ammann"),
    ("Fiji's prime minister", "2022-12-23", "frank-bainimarama"),
    ("Fiji's prime minister", "2022-12-24", "sitiveni-rabuka"),
    ("the Swedish foreign minister", "2016-03-01", "margot-wallstrom"),
    ("the Norwegian foreign minister", "2017-10-19", "borge-brende"),
    ("the Norwegian foreign minister", "2017-10-20", "ine-eriksen-soreide"),
    ("Kenya's foreign minister", "2019-06-01", "monica-juma"),
    ("the Syrian foreign minister", "2018-01-01", "walid-muallem"),
])
def test_heads_and_foreign_ministers_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


def test_a_head_of_government_is_gov_in_office_and_eli_after() -> None:
    assert _who("Gaston Browne", "2020-01-01") == ("gaston-browne", "ATG", "GOV")
    assert _who("Joseph Muscat", "2020-01-12") == ("joseph-muscat", "MLT", "GOV")
    assert _who("Joseph Muscat", "2020-01-13") == ("joseph-muscat", "MLT", "ELI")
    assert resolve("Muscat", "2018-01-01").actor_id is None  # Oman's capital, not the Maltese surname


# --------------------------------------------------------------------------- 2. security, money, courts, parliaments

@pytest.mark.parametrize("text,date,expected", [
    ("the Turkish central bank governor", "2021-03-19", "naci-agbal"),
    ("the Turkish central bank governor", "2021-03-20", "sahap-kavcioglu"),
    ("the French interior minister", "2020-07-05", "christophe-castaner"),
    ("the French interior minister", "2020-07-06", "gerald-darmanin"),
    ("India's chief justice", "2022-11-08", "uu-lalit"),
    ("India's chief justice", "2022-11-09", "dy-chandrachud"),
    ("the chief justice of Pakistan", "2020-06-01", "gulzar-ahmed"),
    ("the British parliament speaker", "2019-11-03", "john-bercow"),
    ("the British parliament speaker", "2019-11-04", "lindsay-hoyle"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


@pytest.mark.parametrize("name,last_day,end,sector", [
    ("Tukur Buratai", "2021-01-25", "2021-01-26", "MIL"),         # army chief
    ("Faiz Hameed", "2021-11-19", "2021-11-20", "SPY"),           # intelligence chief
    ("Esther Hayut", "2023-10-15", "2023-10-16", "JUD"),          # supreme court president
    ("Andrew Bailey", "2024-01-01", None, "GOV"),                 # central bank governor (GOV)
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str | None, sector: str) -> None:
    assert _who(name, last_day)[2] == sector
    if end:
        assert _who(name, end)[2] == "ELI"


def test_a_generic_chief_justice_keeps_the_sector_without_a_holder() -> None:
    res = resolve("chief justice", "2020-01-01")
    assert (res.actor_id, res.sector) == (None, "JUD")


# --------------------------------------------------------------------------- 3. subnational executives

@pytest.mark.parametrize("name,date,country,sector", [
    ("Glenn Youngkin", "2026-01-16", "USA", "GOV"), ("Glenn Youngkin", "2026-01-17", "USA", "ELI"),
    ("Gladys Berejiklian", "2021-10-04", "AUS", "GOV"), ("Gladys Berejiklian", "2021-10-05", "AUS", "ELI"),
    ("Markus Soder", "2020-01-01", "DEU", "GOV"), ("Doug Ford", "2020-01-01", "CAN", "GOV"),
    ("Mayor Sadiq Khan", "2020-01-01", "GBR", "GOV"),
    ("Yevgeny Savchenko", "2020-09-21", "RUS", "GOV"), ("Yevgeny Savchenko", "2020-09-22", "RUS", "ELI"),
    ("Bodo Ramelow", "2020-02-10", "DEU", "ELI"), ("Bodo Ramelow", "2020-03-04", "DEU", "GOV"),  # a month out
])
def test_governors_premiers_and_mayors_are_gov_of_their_country(name: str, date: str, country: str,
                                                                 sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- 4. parties, press, religion, IGOs

@pytest.mark.parametrize("name,date,country,sector", [
    ("Jagmeet Singh", "2018-06-01", "CAN", "PTY"),      # party leader without a seat
    ("Jagmeet Singh", "2020-01-01", "CAN", "LEG"),      # then seated
    ("Eric Zemmour", "2020-01-01", "FRA", "JRN"),       # before founding his party
    ("Eric Zemmour", "2022-01-01", "FRA", "PTY"),
    ("Tucker Carlson", "2023-01-01", "USA", "JRN"),
    ("Maria Ressa", "2021-10-08", "PHL", "JRN"),
    ("Justin Welby", "2025-01-05", "GBR", "REL"),
    ("Justin Welby", "2025-01-06", "GBR", "REL"),       # a former archbishop stays REL, never ELI
    ("Pope Benedict XVI", "2012-01-01", "VAT", "REL"),
    ("Ali al-Sistani", "2020-01-01", "IRQ", "REL"),
    ("Henrietta Fore", "2022-01-31", "UNO", "GOV"),     # UNICEF head: the body's code while in office
    ("Henrietta Fore", "2022-02-01", "USA", "ELI"),
    ("Jurgen Stock", "2024-11-06", "IGO", "COP"),       # Interpol
    ("Luis Almagro", "2020-01-01", "IGO", "GOV"),       # OAS
])
def test_party_press_religious_and_igo_people(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("hans-grundberg", date="2023-01-01")
    assert entry is not None and entry["on_date"]["role"] == "envoy"


def test_cli_resolve_finds_the_holder_on_the_line_date() -> None:
    lines = [{"id": "a", "text": "Fiji's prime minister", "date": "2023-01-01"},
             {"id": "b", "text": "Chief Justice Roberts", "date": "2024-01-01"}]
    res = CliRunner().invoke(app, ["resolve", "-"], input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.output.splitlines()]
    assert [(o["id"], o["actor_id"], o["sector"]) for o in out] == [
        ("a", "sitiveni-rabuka", "GOV"), ("b", "john-roberts", "JUD")]


# --------------------------------------------------------------------------- data hygiene

def _norm(name: object) -> str:
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9 ]", "", text.lower().replace("-", " ")).strip()


def test_fifth_round_people_repeat_no_name_of_another_entry() -> None:
    owner: dict[str, str] = {}
    files = sorted(DATA.glob("organisations*.yaml")) + sorted((DATA / "people").glob("*.yaml"))
    clashes = []
    for path in files:
        for raw in read_yaml(Path(path)) or []:
            for name in [raw["name"], *(raw.get("aliases") or [])]:
                key = _norm(name)
                other = owner.setdefault(key, raw["id"])
                if other != raw["id"] and (path in ROUND5 or _file_of(other) in ROUND5):
                    clashes.append((name, other, raw["id"]))
    assert ROUND5 and not clashes


def _file_of(entry_id: str) -> Path | None:
    for path in ROUND5:
        if any(raw["id"] == entry_id for raw in read_yaml(path) or []):
            return path
    return None
