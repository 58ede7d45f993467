"""Actors, ninth round, people outside government worldwide (people/r9_society.yaml): party and
opposition leaders of the most populous states, dissidents, political prisoners and human-rights
defenders, NGO heads, journalists and media heads, business people and oligarchs, religious leaders and
Sant'Egidio mediators, union leaders, university heads. Each category is checked on a sample through the
public resolve() API, by name and by title and country, on dates at both ends of a role (start inclusive,
end exclusive)."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- one sector for a whole public life

@pytest.mark.parametrize("name,country,sector", [
    ("Prashant Kishor", "IND", "PTY"),                    # party leader outside any legislature
    ("Valdemar Costa Neto", "BRA", "PTY"),
    ("Boris Nadezhdin", "RUS", "OPP"),                    # opposition figures outside the legislature
    ("Tendai Biti", "ZWE", "OPP"),
    ("Gulbahar Haitiwaji", "CHN", "OPP"),                 # dissidents and political prisoners
    ("Sepideh Gholian", "IRN", "OPP"),
    ("Ahmed Douma", "EGY", "OPP"),
    ("Oleksandra Romantsova", "UKR", "OPP"),
    ("Yan Rachinsky", "RUS", "SOC"),                      # Memorial
    ("Christopher Lockyear", "GBR", "MED"),               # MSF
    ("Alessandra Galloni", "ITA", "JRN"),                 # news agency head
    ("Steve Rosenberg", "GBR", "JRN"),
    ("Ronen Bergman", "ISR", "JRN"),
    ("Dan Gertler", "ISR", "BUS"),                        # sanctions lists
    ("Mikhail Gutseriev", "RUS", "BUS"),
    ("Yasir Al-Rumayyan", "SAU", "BUS"),
    ("Hikmat al-Hijri", "SYR", "REL"),                    # Druze spiritual leader
    ("Marco Impagliazzo", "ITA", "REL"),                  # Sant'Egidio
    ("Claudio Gugerotti", "ITA", "REL"),
    ("Arnon Bar-David", "ISR", "LAB"),                    # Histadrut
    ("Viktor Sadovnichy", "RUS", "EDU"),
])
def test_sector_outside_any_office(name: str, country: str, sector: str) -> None:
    assert _who(name, "2023-06-01")[1:] == (country, sector)


# --------------------------------------------------------------------------- dated roles at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector_in,sector_after", [
    ("Bernd Riexinger", "2017-10-23", "2017-10-24", "DEU", "PTY", "LEG"),  # party leader, then seated
    ("Richard Di Natale", "2020-02-03", "2020-02-04", "AUS", "LEG", "ELI"),
    ("Sitaram Yechury", "2024-09-11", "2024-09-12", "IND", "PTY", "PTY"),  # a party post is no office
    ("Christian Jacob", "2022-06-21", "2022-06-22", "FRA", "LEG", "PTY"),  # lost his seat, kept the party
    ("Mikhail Kasyanov", "2004-02-23", "2004-02-24", "RUS", "GOV", "OPP"),  # prime minister, then opposition
    ("Alexei Kudrin", "2022-11-29", "2022-11-30", "RUS", "GOV", "ELI"),     # Accounts Chamber
    ("Ivanka Trump", "2021-01-19", "2021-01-20", "USA", "GOV", "ELI"),      # White House adviser
    ("Ella Pamfilova", "2016-03-27", "2016-03-28", "RUS", "GOV", "GOV"),    # ombudsman, then election chief
    ("Andrea Riccardi", "2013-04-27", "2013-04-28", "ITA", "GOV", "REL"),   # minister, then Sant'Egidio
    ("Fawzia Koofi", "2021-08-14", "2021-08-15", "AFG", "GOV", "OPP"),      # Doha negotiator, then exile
    ("Miguel Uribe Turbay", "2025-08-10", "2025-08-11", "COL", "LEG", "ELI"),
])
def test_roles_at_both_ends(name: str, last_day: str, end: str, country: str, sector_in: str,
                            sector_after: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector_in)
    assert _who(name, end)[1:] == (country, sector_after)


def test_a_role_starts_on_its_first_day() -> None:
    assert _who("Kaesang Pangarep", "2023-09-24")[1:] == ("IDN", "BUS")
    assert _who("Kaesang Pangarep", "2023-09-25")[1:] == ("IDN", "PTY")
    assert _who("Alexei Likhachev", "2016-10-05")[1:] == ("RUS", "BUS")     # Rosatom
    assert _who("Jagan Chapagain", "2020-02-01")[1:] == ("IGO", "MED")      # IFRC: the body's code
    assert _who("Jagan Chapagain", "2020-01-31")[1:] == ("NPL", "MED")


# --------------------------------------------------------------------------- titles by date

@pytest.mark.parametrize("text,date,expected", [
    ("the Russian prime minister", "2003-01-01", "mikhail-kasyanov"),
    ("the Russian finance minister", "2005-01-01", "alexei-kudrin"),
    ("the Palestinian prime minister", "2010-01-01", "salam-fayyad"),
    ("the Yemeni parliament speaker", "2022-01-01", "sultan-al-barakani"),
    ("the Serbian foreign minister", "2010-01-01", "vuk-jeremic"),
    ("the Peruvian president", "2008-01-01", "alan-garcia"),
    ("the Malawian president", "2013-01-01", "joyce-banda"),
    ("the Senegalese president", "2005-01-01", "abdoulaye-wade"),
])
def test_unique_posts_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- names, aliases, surnames

@pytest.mark.parametrize("text,expected", [
    ("Igor Strelkov", "igor-girkin"),
    ("Mother Mushroom", "nguyen-ngoc-nhu-quynh"),
    ("Sultan of Sokoto", "muhammadu-saad-abubakar"),
    ("Habib Rizieq", "rizieq-shihab"),
    ("Yevgeny Roizman", "evgeny-roizman"),
    ("Kudrin", "alexei-kudrin"),
    ("Giuliani", "rudy-giuliani"),
])
def test_aliases_and_surnames(text: str, expected: str) -> None:
    assert resolve(text, "2024-09-01").actor_id == expected


def test_namesakes_keep_the_surname_they_had() -> None:
    # A family member or namesake added here never takes a surname another entry answered to.
    assert resolve("Trump", "2019-01-01").actor_id == "donald-trump"
    assert resolve("Ivanka Trump", "2019-01-01").actor_id == "ivanka-trump"
    assert resolve("Witkoff", "2025-06-01").actor_id == "steve-witkoff"
    assert resolve("Tshisekedi", "2020-01-01").actor_id == "felix-tshisekedi"
    assert _who("Donald Trump Jr.", "2022-01-01") == ("donald-trump-jr", "USA", "BUS")


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("noureddine-taboubi", date="2020-01-01")
    assert entry is not None and entry["on_date"]["role"] == "union leader"
