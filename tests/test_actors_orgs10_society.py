"""Actors, tenth round, organisations by category: civil society, labour and business bodies
(organisations_society.yaml). Human-rights, humanitarian and medical NGOs, election monitors and
anti-corruption groups; trade unions and union federations; farmers' organisations, business associations
and employers' federations; student unions and named protest movements. Each category is checked on a
sample through the public resolve() API (name, alias, acronym) and in running text (actor_mentions)."""

from __future__ import annotations

import datetime as dt

import pytest

from peacetalks.actors import actor_mentions
from peacetalks.actors.kb import DATA
from peacetalks.nlp import parse
from actor_helpers import name_clashes, who

DAY = "2024-03-01"
FILE = DATA / "organisations_society.yaml"


@pytest.mark.parametrize("text,country,sector", [
    # (1) international NGOs: NGO; medical ones MED, as MSF
    ("Freedom House", "NGO", "SOC"),
    ("FIDH", "NGO", "SOC"),                                  # acronym
    ("International Federation for Human Rights", "NGO", "SOC"),
    ("Mercy Corps", "NGO", "SOC"),
    ("Doctors of the World", "NGO", "MED"),                  # English alias of Medecins du Monde
    ("Physicians for Human Rights", "NGO", "MED"),
    ("Carter Center", "NGO", "SOC"),                         # election observers
    # (1) national groups: the state they work on
    ("B'Tselem", "ISR", "SOC"),
    ("Syrian Observatory for Human Rights", "SYR", "SOC"),
    ("SOHR", "SYR", "SOC"),
    ("White Helmets", "SYR", "SOC"),                         # alias of Syria Civil Defence
    ("Al-Haq", "PSE", "SOC"),
    ("HRANA", "IRN", "SOC"),
    ("Human Rights Commission of Pakistan", "PAK", "SOC"),  # an NGO despite its name
    ("Anti-Corruption Foundation", "RUS", "SOC"),            # anti-corruption groups SOC
    ("FBK", "RUS", "SOC"),
    ("OPORA", "UKR", "SOC"),                                 # election monitor
    ("Viasna", "BLR", "SOC"),
    ("Sudan Doctors Network", "SDN", "MED"),
    ("Foro Penal", "VEN", "SOC"),
    ("ACLU", "USA", "SOC"),
    # (2) unions: LAB, doctors' and teachers' unions included
    ("ITUC", "NGO", "LAB"),
    ("AFL-CIO", "USA", "LAB"),
    ("Teamsters", "USA", "LAB"),
    ("UAW", "USA", "LAB"),
    ("TUC", "GBR", "LAB"),
    ("British Medical Association", "GBR", "LAB"),
    ("CGT", "FRA", "LAB"),                                   # the French CGT owns the bare acronym
    ("CGT Argentina", "ARG", "LAB"),
    ("DGB", "DEU", "LAB"),
    ("ver.di", "DEU", "LAB"),
    ("Solidarnosc", "POL", "LAB"),
    ("Histadrut", "ISR", "LAB"),
    ("UGTT", "TUN", "LAB"),
    ("COSATU", "ZAF", "LAB"),
    ("NLC", "NGA", "LAB"),
    ("KCTU", "KOR", "LAB"),
    ("Korean Medical Association", "KOR", "LAB"),
    ("Central Unitaria de Trabajadores de Chile", "CHL", "LAB"),
    # (3) farmers AGR, business associations and employers BUS
    ("FNSEA", "FRA", "AGR"),
    ("Samyukt Kisan Morcha", "IND", "AGR"),
    ("Landless Workers' Movement", "BRA", "AGR"),
    ("Via Campesina", "NGO", "AGR"),
    ("MEDEF", "FRA", "BUS"),
    ("Keidanren", "JPN", "BUS"),
    ("Confederation of British Industry", "GBR", "BUS"),
    ("Fedecamaras", "VEN", "BUS"),
    # (4) students EDU; movements against a government OPP, for a cause SOC
    ("Students for Justice in Palestine", "USA", "EDU"),
    ("ABVP", "IND", "EDU"),
    ("Otpor", "SRB", "OPP"),
    ("Gilets Jaunes", "FRA", "OPP"),
    ("April 6 Youth Movement", "EGY", "OPP"),
    ("Extinction Rebellion", "NGO", "SOC"),
    ("Just Stop Oil", "GBR", "SOC"),
    ("Pashtun Tahafuz Movement", "PAK", "OPP"),
    ("PTM", "PAK", "OPP"),
    # second pass: peace mediators, more national groups, unions and employers
    ("Crisis Management Initiative", "NGO", "SOC"),
    ("Euro-Med Monitor", "NGO", "SOC"),
    ("Kharkiv Human Rights Protection Group", "UKR", "SOC"),
    ("NUPENG", "NGA", "LAB"),
    ("National Union of Journalists", "GBR", "LAB"),
    ("Keizai Doyukai", "JPN", "BUS"),
    ("Federation of Pakistan Chambers of Commerce and Industry", "PAK", "BUS"),
    ("Hong Kong Federation of Students", "CHN", "EDU"),
])
def test_a_body_resolves_to_its_country_and_sector(text: str, country: str, sector: str) -> None:
    actor_id, got_country, got_sector = who(text, DAY)
    assert actor_id is not None
    assert (got_country, got_sector) == (country, sector)


@pytest.mark.parametrize("text,expected", [
    ("CITU", "florin-citu"),       # Indian CITU left out: the acronym is a Romanian prime minister's name
    ("KNUT", "knut"),
])
def test_left_out_and_kept_acronyms(text: str, expected: str) -> None:
    assert who(text, DAY)[0] == expected


@pytest.mark.parametrize("text", ["CUT", "NUM", "ZCTU", "NFU"])
def test_acronyms_shared_by_two_states_bodies_name_none_of_them(text: str) -> None:
    actor_id, country, _ = who(text, DAY)
    assert actor_id is None and country is None


@pytest.mark.parametrize("text,expected", [
    ("Trades Union Congress", (None, None, "LAB")),       # also Ghana's and others' name: no entry owns it
    ("Nigeria Labour Congress", ("nlc", "NGA", "LAB")),
    ("Zimbabwe Congress of Trade Unions", ("zctu-zimbabwe", "ZWE", "LAB")),
    ("Nigerian Labour Congress", ("nlc", "NGA", "LAB")),
])
def test_generic_union_names(text: str, expected: tuple) -> None:
    assert who(text, DAY) == expected


@pytest.mark.parametrize("text,name,country,sector", [
    ("The Histadrut called a general strike on Monday.", "Histadrut", "ISR", "LAB"),
    ("Israeli rights group B'Tselem said soldiers demolished 12 homes.", "B'Tselem", "ISR", "SOC"),
    ("Members of COSATU marched to Parliament in Cape Town.", "COSATU", "ZAF", "LAB"),
    ("The NLC threatened an indefinite strike over fuel prices.", "NLC", "NGA", "LAB"),
    ("Farmers led by the Samyukt Kisan Morcha blocked highways.", "Samyukt Kisan Morcha", "IND", "AGR"),
    ("The Sudan Doctors Network said 40 civilians were killed.", "Sudan Doctors Network", "SDN", "MED"),
    ("MEDEF, the employers' federation, welcomed the decision.", "MEDEF", "FRA", "BUS"),
    ("The Yellow Vests protested in Paris again.", "Yellow Vests", "FRA", "OPP"),
])
def test_a_body_in_running_text_gets_its_country_and_sector(text: str, name: str, country: str,
                                                             sector: str) -> None:
    found = [(m.country, m.sector) for m in actor_mentions(text, parse(text), dt.date(2024, 3, 1))
             if name in m.text]
    assert found == [(country, sector)]


def test_no_name_of_the_file_repeats_another_entry() -> None:
    assert not name_clashes(FILE)
