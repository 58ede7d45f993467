"""Actors, seventh round, the Americas and Europe: the categories the sixth round left (EU commissioners of three
Commissions, European Parliament group leaders and EU agency heads; Canadian federal ministers; US cabinet-level
officials, agency heads and White House staff; regional presidents of Germany, Spain, Italy and France and big-city
mayors; UK devolved first ministers, metro mayors and shadow cabinet members; Andorra's episcopal co-prince and
Holy See officials; US army and combatant commanders; Ecuador's and Bolivia's foreign ministers and Chile's chief
justices). Each category is checked on a sample through the public resolve() API, by title and country and by
name, on dates at both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations


import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Canadian foreign minister", "2015-11-04", "stephane-dion"),
    ("the Canadian foreign minister", "2017-01-09", "stephane-dion"),
    ("the Canadian foreign minister", "2017-01-10", "chrystia-freeland"),
    ("the White House chief of staff", "2017-07-30", "reince-priebus"),
    ("the White House chief of staff", "2019-01-02", "mick-mulvaney"),
    ("the White House chief of staff", "2020-03-31", "mark-meadows"),
    ("the US chief of staff", "2023-02-07", "ron-klain"),
    ("the US chief of staff", "2023-02-08", "jeff-zients"),
    ("the US chief of staff", "2025-06-01", "susie-wiles"),
    ("the Canadian chief of staff", "2015-11-04", "katie-telford"),
    ("the Bolivian foreign minister", "2018-08-01", "diego-pary"),
    ("the Bolivian foreign minister", "2020-11-09", "rogelio-mayta"),
    ("the Ecuadorian foreign minister", "2018-06-01", "jose-valencia-ecuador"),
    ("Ecuador's foreign minister", "2020-03-01", "luis-gallegos"),
    ("the Chilean chief justice", "2019-12-31", "haroldo-brito"),
    ("the Chilean chief justice", "2020-01-01", "guillermo-silva-chile"),
    ("the Hungarian foreign minister", "2014-06-06", "tibor-navracsics"),      # before Szijjarto
    ("the Estonian prime minister", "2014-03-25", "andrus-ansip"),
    ("the French defence minister", "2010-11-13", "herve-morin"),
    ("the French defence minister", "2010-11-14", "alain-juppe"),
    ("the Italian interior minister", "2011-11-15", "roberto-maroni"),
    ("the US interior minister", "2017-07-31", "elaine-duke"),          # acting homeland security secretary
    ("the Jamaican finance minister", "2024-06-30", "nigel-clarke"),
    ("the Jamaican finance minister", "2024-07-01", "fayval-williams"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends of a role

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Margrethe Vestager", "2024-11-30", "2024-12-01", "EUR/DNK", "GOV"),  # commissioner: the Commission's code,
    ("Pierre Moscovici", "2019-11-30", "2019-12-01", "EUR/FRA", "GOV"),    # then an elite of the home country
    ("Thierry Breton", "2024-09-15", "2024-09-16", "EUR/FRA", "GOV"),
    ("Phil Hogan", "2020-08-26", "2020-08-27", "EUR/IRL", "GOV"),
    ("Gina Haspel", "2021-01-19", "2021-01-20", "USA", "SPY"),             # CIA director
    ("James Clapper", "2017-01-19", "2017-01-20", "USA", "SPY"),
    ("Paul Nakasone", "2024-02-01", "2024-02-02", "USA", "SPY"),            # NSA director
    ("Kenneth McKenzie", "2022-03-31", "2022-04-01", "USA", "MIL"),         # CENTCOM
    ("Christopher Krebs", "2020-11-17", "2020-11-18", "USA", "GOV"),        # CISA director
    ("Sean Spicer", "2017-07-20", "2017-07-21", "USA", "GOV"),              # press secretary
    ("Navdeep Bains", "2021-01-11", "2021-01-12", "CAN", "GOV"),
    ("Brenda Lucki", "2023-03-16", "2023-03-17", "CAN", "COP"),             # RCMP commissioner
    ("Inigo Urkullu", "2024-06-21", "2024-06-22", "ESP", "GOV"),            # regional president (`governor`)
    ("Thomas Kemmerich", "2020-03-03", "2020-03-04", "DEU", "GOV"),
    ("Jean-Claude Gaudin", "2020-07-03", "2020-07-04", "FRA", "GOV"),       # mayor
    ("Vaughan Gething", "2024-08-05", "2024-08-06", "GBR", "GOV"),          # devolved first minister
    ("Andy Street", "2024-05-05", "2024-05-06", "GBR", "GOV"),              # metro mayor
    ("Haroldo Brito", "2019-12-31", "2020-01-01", "CHL", "JUD"),
    ("Kimberly Cheatle", "2024-07-22", "2024-07-23", "USA", "COP"),        # Secret Service director
    ("Jerome Adams", "2021-01-19", "2021-01-20", "USA", "GOV"),            # surgeon general
    ("Hunter Tootoo", "2016-05-30", "2016-05-31", "CAN", "GOV"),
    ("Ricardo Martinez Menanteau", "2022-03-08", "2022-03-09", "CHL", "MIL"),   # army commander-in-chief
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str, country: str, sector: str) -> None:
    during, _, after = country.partition("/")      # "EUR/DNK": the body's code in office, the home country after
    assert _who(name, last_day)[1:] == (during, sector)
    assert _who(name, end)[1:] == (after or during, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Manfred Weber", "2020-01-01", "EUR", "LEG"),          # group leader in the European Parliament
    ("Valerie Hayer", "2024-06-01", "EUR", "LEG"),
    ("Fabrice Leggeri", "2020-01-01", "EUR", "COP"),        # Frontex: the agency's sector
    ("Fabrice Leggeri", "2025-01-01", "EUR", "LEG"),        # then an MEP
    ("Jody Wilson-Raybould", "2020-01-01", "CAN", "LEG"),   # out of cabinet, still seated
    ("Emily Thornberry", "2018-01-01", "GBR", "LEG"),       # shadow cabinet: a seated opposition MP
    ("Douglas Ross", "2022-01-01", "GBR", "LEG"),
    ("Zack Polanski", "2025-10-01", "GBR", "PTY"),          # party leader without a seat
    ("Richard Tice", "2023-01-01", "GBR", "PTY"),
    ("Richard Tice", "2024-07-04", "GBR", "LEG"),
    ("Matteo Bruni", "2020-01-01", "VAT", "REL"),            # Holy See spokesman
    ("Joan-Enric Vives", "2020-01-01", "AND", "GOV"),        # episcopal co-prince of Andorra
    ("Robert F. Kennedy Jr.", "2024-01-01", "USA", "OPP"),  # before office: activist
    ("Robert F. Kennedy Jr.", "2025-02-13", "USA", "GOV"),
])
def test_sectors_on_a_date(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- conventions of this round

def test_a_commissioner_is_the_commission_in_office_and_elite_of_the_home_country_after() -> None:
    assert _who("Andrus Ansip", "2014-01-01") == ("andrus-ansip", "EST", "GOV")      # prime minister
    assert _who("Andrus Ansip", "2016-01-01") == ("andrus-ansip", "EUR", "GOV")      # commissioner
    assert _who("Andrus Ansip", "2025-01-01") == ("andrus-ansip", "EST", "ELI")


def test_surnames_shared_with_common_words_name_nobody_alone() -> None:
    assert resolve("Price", "2017-03-01").actor_id != "tom-price"
    assert resolve("Tom Price", "2017-03-01").actor_id == "tom-price"
    assert resolve("Vestager", "2020-01-01").actor_id == "margrethe-vestager"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("mick-mulvaney", date="2019-06-01")
    assert entry is not None and entry["on_date"]["role"] == "chief of staff"


# --------------------------------------------------------------------------- data hygiene

