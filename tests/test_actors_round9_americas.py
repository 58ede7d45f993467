"""Actors, ninth round, the Americas: the people of the peace processes (Colombia's FARC and ELN talks, the
FARC dissidents, Venezuela's Mexico and Barbados talks, Haiti's transition and gangs) and the states that were
thinnest (Central America, the Dominican Republic, Cuba, Bolivia, the small Caribbean states). Each category is
checked on a sample through the public resolve() API, by title and country and by name, on dates at both ends of
a role (start inclusive, end exclusive); the conventions of the file header (rebels REB, gangs CRM, Haiti's council
members never the unique president, Guaidó-era figures OPP) are checked on their own."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Venezuelan foreign minister", "2021-08-01", "felix-plasencia"),
    ("the Venezuelan foreign minister", "2022-07-31", "felix-plasencia"),
    ("the Venezuelan foreign minister", "2022-08-01", "carlos-faria-tortosa"),
    ("the Venezuelan finance minister", "2017-10-25", "ramon-lobo"),
    ("the Venezuelan finance minister", "2017-10-26", "simon-zerpa"),
    ("the Haitian foreign minister", "2019-01-01", "bocchit-edmond"),
    ("the Haitian foreign minister", "2024-06-11", "jean-victor-geneus"),
    ("the Haitian foreign minister", "2024-06-12", "dominique-dupuy"),
    ("the Haitian prime minister", "2024-05-01", "michel-patrick-boisvert"),
    ("the Guyanese attorney general", "2021-01-01", "anil-nandlall"),
    ("the Nicaraguan foreign minister", "2016-01-01", "samuel-santos-lopez"),
    ("the Nicaraguan foreign minister", "2019-01-01", "denis-moncada"),
    ("the Honduran defence minister", "2022-01-26", "fredy-diaz-zelaya"),
    ("the Honduran defence minister", "2022-01-27", "jose-manuel-zelaya-minister"),
    ("the Guatemalan defence minister", "2021-01-01", "henry-reyes-chigua"),
    ("the Salvadoran foreign minister", "2020-01-01", "alexandra-hill-tinoco"),
    ("the Salvadoran attorney general", "2022-01-01", "rodolfo-delgado"),
    ("the Dominican interior minister", "2024-08-15", "jesus-vasquez-martinez"),
    ("the Dominican interior minister", "2024-08-16", "faride-raful"),
    ("the Dominican defence minister", "2018-01-01", "ruben-paulino-sem"),
    ("the Bolivian interior minister", "2015-03-01", "hugo-moldiz"),
    ("the Bolivian defence minister", "2018-01-01", "javier-zavaleta"),
    ("the Barbadian prime minister", "2015-01-01", "freundel-stuart"),
    ("the Barbadian foreign minister", "2020-01-01", "jerome-walcott"),
    ("the Belizean foreign minister", "2015-01-01", "wilfred-elrington"),
    ("the Bahamian foreign minister", "2019-01-01", "darren-henfield"),
    ("the Trinidadian attorney general", "2022-03-15", "faris-al-rawi"),
    ("the Trinidadian attorney general", "2022-03-16", "reginald-armour"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends of a role

@pytest.mark.parametrize("name,last_day,end,country", [
    ("Frank Pearl", "2016-11-23", "2016-11-24", "COL"),            # Havana government panel
    ("Juan Camilo Restrepo Salazar", "2017-12-31", "2018-01-01", "COL"),  # ELN talks 2017
    ("Gustavo Bell", "2018-08-06", "2018-08-07", "COL"),
    ("Juan Camilo Restrepo Gómez", "2022-08-06", "2022-08-07", "COL"),  # high commissioner for peace
    ("Michel Patrick Boisvert", "2024-06-11", "2024-06-12", "HTI"),
    ("Bocchit Edmond", "2020-03-03", "2020-03-04", "HTI"),
    ("Smith Augustin", "2026-02-06", "2026-02-07", "HTI"),         # presidential council member
    ("Alejandro Gil Fernández", "2024-01-31", "2024-02-01", "CUB"),
    ("Rubén Paulino Sem", "2020-08-15", "2020-08-16", "DOM"),
    ("Janaina Tewaney", "2024-06-30", "2024-07-01", "PAN"),
    ("Mark Brantley", "2022-08-05", "2022-08-06", "KNA"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str, country: str) -> None:
    assert _who(name, last_day)[1:] == (country, "GOV")
    assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Pablo Catatumbo", "2015-01-01", "COL", "REB"),       # FARC negotiator in Havana
    ("Pablo Catatumbo", "2020-01-01", "COL", "LEG"),       # Comunes senator
    ("Carlos Antonio Lozada", "2019-06-01", "COL", "LEG"), # the same man as Julián Gallo
    ("Romaña", "2020-01-01", "COL", "REB"),                # Segunda Marquetalia
    ("Gentil Duarte", "2021-01-01", "COL", "REB"),         # EMC
    ("Chiquito Malo", "2023-01-01", "COL", "CRM"),         # Clan del Golfo, coded like the group
    ("Aureliano Carbonell", "2023-01-01", "COL", "REB"),   # ELN delegation
    ("Vera Grabe", "2024-01-01", "COL", "GOV"),            # the government's ELN delegation head
    ("Dag Nylander", "2021-09-01", "NOR", "GOV"),          # guarantor state's envoy
    ("Patricia Linares", "2019-01-01", "COL", "JUD"),      # JEP
    ("Gerardo Blyde", "2023-10-17", "VEN", "OPP"),         # Barbados agreement, opposition side
    ("Gustavo Tarre", "2020-01-01", "VEN", "OPP"),         # Guaidó's OAS representative: never GOV
    ("Nicolás Maduro Guerra", "2022-01-01", "VEN", "LEG"),
    ("Izo", "2024-05-01", "HTI", "CRM"),                   # gang leaders
    ("Barbecue", "2024-05-01", "HTI", "CRM"),
    ("Godfrey Otunge", "2024-09-01", "KEN", "COP"),        # Kenyan-led mission commander
    ("Medardo Mairena", "2020-01-01", "NIC", "OPP"),
    ("Mel Zelaya", "2023-01-01", "HND", "PTY"),
    ("Michael Pintard", "2023-01-01", "BHS", "LEG"),       # opposition leader in the House
    ("Mauricio Oliva", "2021-01-01", "HND", "LEG"),        # speaker, then a deputy
    ("Tibisay Lucena", "2018-01-01", "VEN", "GOV"),        # electoral council president
    ("Henrique Capriles", "2012-01-01", "VEN", "GOV"),     # Miranda governor (role added in place)
    ("Henrique Capriles", "2020-01-01", "VEN", "OPP"),     # then an opposition figure, not ELI
    ("Mauricio Oliva", "2026-01-25", "HND", "ELI"),
])
def test_sectors_on_a_date(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- conventions of this round

def test_council_members_never_take_the_unique_presidency() -> None:
    assert resolve("the Haitian president", "2024-06-01").actor_id == "edgard-leblanc-fils"
    assert _who("Emmanuel Vertilaire", "2024-06-01") == ("emmanuel-vertilaire", "HTI", "GOV")


def test_rebel_negotiators_do_not_take_the_governments_side() -> None:
    assert resolve("the Colombian president", "2015-01-01").actor_id == "juan-manuel-santos"
    assert _who("Pastor Alape", "2015-01-01") == ("pastor-alape", "COL", "REB")


def test_a_name_of_a_town_alone_stays_the_town() -> None:
    # "alias Calarcá" is written in full; the Colombian town alone is not the EMBF commander.
    assert resolve("Calarcá", "2024-01-01").actor_id is None


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("dag-nylander", date="2016-01-01")
    assert entry is not None and entry["on_date"]["role"] == "envoy"
