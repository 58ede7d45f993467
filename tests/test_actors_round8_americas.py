"""Actors, eighth round, the Americas: the layer below the heads of government - cabinet ministers of every
portfolio 2016- of Chile, Colombia, Peru, Venezuela, Ecuador, Bolivia, Paraguay, Uruguay, Central America and the
Caribbean, the gaps of Argentina, Mexico and Brazil, spokespeople and ambassadors, Guaidó's parallel officials
(opposition, never the government), US deputy, under and assistant secretaries and US ambassadors to Israel and
Turkey. Each category is checked on a sample through the public resolve() API, by title and country and by name,
on dates at both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who


# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Bolivian defence minister", "2020-11-07", "fernando-lopez-julio"),
    ("the Bolivian defence minister", "2020-11-09", "edmundo-novillo"),
    ("the Bolivian finance minister", "2017-06-24", "mario-guillen"),
    ("the Bolivian finance minister", "2019-01-22", "mario-guillen"),
    ("the Bolivian finance minister", "2019-01-23", "luis-arce"),
    ("Bolivia's foreign minister", "2024-03-01", "celinda-sosa"),
    ("the Ecuadorian interior minister", "2020-11-23", "maria-paula-romo"),
    ("the Ecuadorian defence minister", "2019-01-01", "oswaldo-jarrin"),
    ("the Peruvian finance minister", "2019-01-01", "carlos-oliva-peru"),
    ("the Peruvian finance minister", "2022-02-01", "oscar-graham"),
    ("the Peruvian finance minister", "2022-08-04", "oscar-graham"),
    ("the Peruvian finance minister", "2022-08-05", "kurt-burneo"),
    ("the Paraguayan finance minister", "2024-01-01", "carlos-fernandez-valdovinos"),
    ("the Paraguayan interior minister", "2024-01-01", "enrique-riera"),
    ("the Cuban interior minister", "2022-01-01", "lazaro-alberto-alvarez-casas"),
    ("the Guatemalan finance minister", "2024-01-13", "alvaro-gonzalez-ricci"),
    ("the Guatemalan finance minister", "2024-01-14", "jonathan-menkos"),
    ("the Salvadoran defence minister", "2020-01-01", "rene-merino-monroy"),
    ("the Panamanian finance minister", "2019-06-30", "dulcidio-de-la-guardia"),
    ("the Panamanian finance minister", "2019-07-01", "hector-alexander"),
    ("the Panamanian finance minister", "2024-07-01", "felipe-chapman"),
    ("the Dominican finance minister", "2018-01-01", "donald-guerrero"),
    ("the Jamaican finance minister", "2018-03-25", "audley-shaw"),
    ("the Jamaican finance minister", "2018-03-26", "nigel-clarke"),
    ("the Jamaican interior minister", "2017-01-01", "robert-montague"),
    ("the Trinidadian finance minister", "2020-01-01", "colm-imbert"),
    ("the Guyanese finance minister", "2018-01-01", "winston-jordan"),
    ("the Guyanese finance minister", "2021-01-01", "ashni-singh"),
    ("the Guyanese foreign minister", "2019-06-01", "karen-cummings"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends of a role

@pytest.mark.parametrize("name,last_day,end,country", [
    ("Gloria Hutt", "2022-03-10", "2022-03-11", "CHL"),            # Piñera's transport minister
    ("Karla Rubilar", "2022-03-10", "2022-03-11", "CHL"),          # spokeswoman, then social development
    ("Antonia Orellana", "2026-03-10", "2026-03-11", "CHL"),
    ("Jonathan Malagón", "2022-08-06", "2022-08-07", "COL"),
    ("Patricia Ariza", "2023-02-26", "2023-02-27", "COL"),
    ("Manuel Quevedo", "2020-04-26", "2020-04-27", "VEN"),         # oil minister
    ("Pablo Mieres", "2025-02-28", "2025-03-01", "URY"),
    ("Marina Arismendi", "2020-02-29", "2020-03-01", "URY"),
    ("Sarney Filho", "2018-04-05", "2018-04-06", "BRA"),
    ("Flávia Arruda", "2022-03-30", "2022-03-31", "BRA"),
    ("Colm Imbert", "2025-04-30", "2025-05-01", "TTO"),
    ("Jesús Ramírez Cuevas", "2024-09-30", "2024-10-01", "MEX"),   # presidential spokesman
    ("Robert Work", "2017-07-13", "2017-07-14", "USA"),            # deputy secretary of defense
    ("Colin Kahl", "2023-06-30", "2023-07-01", "USA"),             # under secretary of defense
    ("Wess Mitchell", "2019-02-14", "2019-02-15", "USA"),          # assistant secretary of state
    ("Thomas Nides", "2023-06-30", "2023-07-01", "USA"),           # ambassador to Israel
    ("John Bass", "2019-12-31", "2020-01-01", "USA"),              # Turkey, then Afghanistan
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str, country: str) -> None:
    assert _who(name, last_day)[1:] == (country, "GOV")
    assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Carlos Vecchio", "2020-06-01", "VEN", "OPP"),        # Guaidó's envoy in Washington: opposition, not government
    ("Samuel Moncada", "2020-06-01", "VEN", "GOV"),        # the government's UN ambassador
    ("Elbridge Colby", "2025-06-01", "USA", "GOV"),
    ("Jeff Flake", "2023-01-01", "USA", "GOV"),            # ambassador to Turkey (role added in place)
    ("Jeff Flake", "2020-01-01", "USA", "ELI"),
    ("Jack Lew", "2024-01-01", "USA", "GOV"),              # ambassador to Israel
    ("Victoria Nuland", "2015-01-01", "USA", "GOV"),       # assistant secretary for Europe
    ("Alvaro Elizalde", "2014-06-01", "CHL", "GOV"),       # Bachelet's spokesman
    ("Alicia Arango", "2019-01-01", "COL", "GOV"),         # labour minister before the interior
    ("Luis Caputo", "2017-06-01", "ARG", "GOV"),           # Macri's finance minister
    ("Andrei Rodrigues", "2024-01-01", "BRA", "COP"),      # Federal Police director
    ("Julio César Avilés", "2020-01-01", "NIC", "MIL"),    # army commander
    ("Augusto Aras", "2021-01-01", "BRA", "JUD"),          # prosecutor general
    ("Augusto Aras", "2023-09-27", "BRA", "ELI"),
    ("Francisco Barbosa", "2022-01-01", "COL", "JUD"),
    ("Carlos Del Toro", "2022-01-01", "USA", "MIL"),       # service secretaries: MIL, as the Army's in usa.yaml
    ("Mark Esper", "2018-06-01", "USA", "MIL"),            # Army secretary before defence secretary
    ("Mark Esper", "2020-01-01", "USA", "GOV"),
])
def test_sectors_on_a_date(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- conventions of this round

def test_guaido_officials_never_take_the_governments_offices() -> None:
    assert resolve("the Venezuelan foreign minister", "2020-06-01").actor_id == "jorge-arreaza"
    assert resolve("the Venezuelan president", "2020-06-01").actor_id == "nicolas-maduro"


def test_surnames_shared_with_common_words_name_nobody_alone() -> None:
    assert resolve("Hale", "2019-01-01").actor_id != "david-hale"
    assert resolve("Work", "2016-01-01").actor_id != "robert-work"
    assert resolve("David Hale", "2019-01-01").actor_id == "david-hale"
    assert resolve("Kritenbrink", "2022-01-01").actor_id == "daniel-kritenbrink"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("jesus-ramirez-cuevas", date="2020-01-01")
    assert entry is not None and entry["on_date"]["role"] == "spokesperson"
    entry = show("cecilia-perez-jara", date="2019-01-01")
    assert entry is not None and entry["on_date"]["role"] == "spokesperson"
