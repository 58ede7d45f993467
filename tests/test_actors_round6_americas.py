"""Actors, sixth round, the Americas and the Caribbean: holders of the main offices of the 35 OAS-area
states (vice presidents, foreign, defence, interior and finance ministers, central bank governors, army
chiefs, intelligence chiefs, speakers, chief justices, opposition leaders) and the cabinets of the seven
largest Latin American states. Each category is checked on a sample through `resolve`, by name and by
title + country, at both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations


import pytest

from peacetalks.actors import resolve, show
from peacetalks.actors.kb import DATA
from peacetalks.yaml_tables import read_yaml
from actor_helpers import who as _who

ROUND6 = DATA / "people" / "r6_americas.yaml"


# --------------------------------------------------------------------------- unique offices by title + country

@pytest.mark.parametrize("text,date,expected", [
    ("the Brazilian vice president", "2022-12-31", "hamilton-mourao"),
    ("the Brazilian vice president", "2023-01-01", "geraldo-alckmin"),
    ("Argentina's vice president", "2019-12-09", "gabriela-michetti"),
    ("Ecuador's vice president", "2025-05-24", "maria-jose-pinto"),
    ("the Mexican interior minister", "2021-08-25", "olga-sanchez-cordero"),
    ("the Mexican interior minister", "2021-08-26", "adan-augusto-lopez"),
    ("the Colombian finance minister", "2023-04-25", "jose-antonio-ocampo"),
    ("the Colombian finance minister", "2023-04-26", "ricardo-bonilla"),
    ("Chile's interior minister", "2019-10-27", "andres-chadwick"),
    ("Chile's interior minister", "2019-10-28", "gonzalo-blumel"),
    ("the Argentine central bank governor", "2018-06-13", "federico-sturzenegger"),
    ("the Argentine central bank governor", "2018-06-14", "luis-caputo"),      # role added to his entry
    ("the Peruvian prime minister", "2024-03-05", "alberto-otarola"),
    ("the Peruvian prime minister", "2024-03-06", "gustavo-adrianzen"),
    ("the Peruvian foreign minister", "2019-10-03", "gustavo-meza-cuadra"),
    ("the Brazilian chief justice", "2023-09-27", "rosa-weber"),
    ("the Brazilian chief justice", "2023-09-28", "luis-roberto-barroso"),
    ("the Mexican chief justice", "2023-01-02", "norma-pina"),
    ("the Venezuelan parliament speaker", "2017-01-04", "henry-ramos-allup"),
    ("the Venezuelan parliament speaker", "2017-01-05", "julio-borges"),
    ("the Canadian finance minister", "2015-11-03", "joe-oliver"),
    ("the Canadian finance minister", "2015-11-04", "bill-morneau"),
    ("the US defense secretary", "2019-03-01", "patrick-shanahan"),           # acting holder
    ("Haiti's prime minister", "2017-03-21", "jack-guy-lafontant"),
    ("Haiti's prime minister", "2024-11-11", "alix-didier-fils-aime"),
    ("the Cuban prime minister", "2020-01-01", "manuel-marrero"),
    ("the Uruguayan foreign minister", "2020-07-06", "francisco-bustillo"),
    ("the president of Trinidad and Tobago", "2018-03-19", "paula-mae-weekes"),
    ("the Ecuadorian parliament speaker", "2021-05-13", "cesar-litardo"),
    ("the Ecuadorian parliament speaker", "2021-05-15", "guadalupe-llori"),
    ("Uruguay's defence minister", "2016-08-05", "jorge-menendez-ury"),
    ("the Costa Rican central bank governor", "2022-05-08", "roger-madrigal"),
    ("the chief justice of the Dominican Republic", "2020-01-01", "luis-henry-molina"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- people by name at both ends of a role

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Eduardo Villas Boas", "2019-01-10", "2019-01-11", "BRA", "MIL"),       # army commander
    ("Alexandre Ramagem", "2022-03-30", None, "BRA", "SPY"),                 # then a lawmaker
    ("Alexandre Tombini", "2016-06-08", "2016-06-09", "BRA", "GOV"),         # central bank
    ("Rodrigo Maia", "2021-01-31", None, "BRA", "LEG"),                      # speaker
    ("Luiz Fux", "2022-09-11", None, "BRA", "JUD"),                          # still a justice after
    ("Jonathan Vance", "2021-01-13", "2021-01-14", "CAN", "MIL"),            # chief of the defence staff
    ("Beverley McLachlin", "2017-12-14", "2017-12-15", "CAN", "JUD"),
    ("Rona Ambrose", "2017-05-26", None, "CAN", "LEG"),                      # opposition leader in the Commons
    ("Arturo Zaldivar", "2022-12-31", None, "MEX", "JUD"),
    ("Carlos Urzua", "2019-07-08", "2019-07-09", "MEX", "GOV"),
    ("Nicolas Dujovne", "2019-08-16", "2019-08-17", "ARG", "GOV"),
    ("Gustavo Arribas", "2019-12-09", "2019-12-10", "ARG", "SPY"),           # intelligence (AFI)
    ("Ricardo Lorenzetti", "2018-09-30", None, "ARG", "JUD"),
    ("Eduardo Zapateiro", "2021-01-01", None, "COL", "MIL"),
    ("Guillermo Botero", "2019-11-06", "2019-11-07", "COL", "GOV"),
    ("Rosanna Costa", "2024-01-01", None, "CHL", "GOV"),
    ("Julio Velarde", "2020-01-01", None, "PER", "GOV"),
    ("Maikel Moreno", "2022-04-26", "2022-04-27", "VEN", "JUD"),
    ("Manuel Cristopher Figuera", "2019-04-29", "2019-04-30", "VEN", "SPY"),
    ("Otto Sonnenholzner", "2020-07-06", "2020-07-07", "ECU", "GOV"),
    ("Esteban Lazo", "2020-01-01", None, "CUB", "LEG"),
    ("Mark Golding", "2024-01-01", None, "JAM", "LEG"),
    ("Jocelerme Privert", "2017-02-06", "2017-02-07", "HTI", "GOV"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str | None, country: str,
                                     sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Sergio Moro", "2019-06-01", "BRA", "GOV"),        # justice minister (title `minister`)
    ("Sergio Moro", "2024-01-01", "BRA", "LEG"),        # then a senator
    ("Marina Silva", "2024-01-01", "BRA", "GOV"),
    ("Omar Garcia Harfuch", "2025-01-01", "MEX", "GOV"),
    ("Patricia Bullrich", "2021-01-01", "ARG", "PTY"),  # party leader between her two ministries
    ("Susana Muhamad", "2023-01-01", "COL", "GOV"),
    ("Camila Vallejo", "2023-01-01", "CHL", "GOV"),
    ("Diosdado Cabello", "2025-01-01", "VEN", "GOV"),
    ("Hamilton Mourao", "2024-01-01", "BRA", "LEG"),    # a vice president who took a Senate seat
    ("Erin O'Toole", "2021-06-01", "CAN", "LEG"),
    ("Clara Brugada", "2025-01-01", "MEX", "GOV"),      # Mexico City's head of government (`mayor`)
    ("Tristan Bauer", "2023-12-09", "ARG", "GOV"),
    ("Tristan Bauer", "2023-12-10", "ARG", "ELI"),
    ("Fabio Faria", "2021-01-01", "BRA", "GOV"),
])
def test_cabinet_ministers_and_party_leaders(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


def test_senate_presidents_do_not_take_the_unique_speaker_title() -> None:
    assert resolve("the Brazilian parliament speaker", "2020-01-01").actor_id == "rodrigo-maia"
    assert _who("Davi Alcolumbre", "2020-01-01") == ("davi-alcolumbre", "BRA", "LEG")


def test_a_shared_or_common_surname_alone_names_nobody_new() -> None:
    # Pedro Sanchez stays Spain's prime minister; the Colombian defence minister needs his middle name
    assert resolve("Pedro Sanchez", "2025-06-01").country == "ESP"
    assert resolve("Pedro Arnulfo Sanchez", "2025-06-01").country == "COL"
    assert resolve("Wagner", "2020-01-01").actor_id != "jaques-wagner"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("geraldo-alckmin", date="2024-01-01")
    assert entry is not None and entry["on_date"]["role"] == "vice president"


# --------------------------------------------------------------------------- data hygiene


def test_sixth_round_americas_dates_are_ordered() -> None:
    for raw in read_yaml(ROUND6):
        for role in raw["roles"]:
            assert role[2] is None or str(role[1]) < str(role[2]), (raw["id"], role)
