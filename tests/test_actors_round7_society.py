"""Actors, seventh round, people outside government worldwide (business, media, religion, academia,
activists and dissidents, trade unions, NGO heads, public figures, criminals, whistleblowers). Each
category is checked on a sample through the public resolve() API, by name and by title and country, on
dates at both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations


import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- one sector for a whole public life

@pytest.mark.parametrize("name,country,sector", [
    ("Satya Nadella", "USA", "BUS"),
    ("Bernard Arnault", "FRA", "BUS"),
    ("Aliko Dangote", "NGA", "BUS"),
    ("Ren Zhengfei", "CHN", "BUS"),
    ("Mikhail Fridman", "RUS", "BUS"),
    ("Rupert Murdoch", "USA", "JRN"),
    ("Lyse Doucet", "GBR", "JRN"),
    ("Khadija Ismayilova", "AZE", "JRN"),
    ("Pierbattista Pizzaballa", "ITA", "REL"),
    ("Naser Makarem Shirazi", "IRN", "REL"),
    ("Enoch Adeboye", "NGA", "REL"),
    ("John Mearsheimer", "USA", "EDU"),
    ("Sergei Karaganov", "RUS", "EDU"),
    ("Nasrin Sotoudeh", "IRN", "OPP"),
    ("Loujain al-Hathloul", "SAU", "OPP"),
    ("Jose Daniel Ferrer", "CUB", "OPP"),
    ("Kailash Satyarthi", "IND", "SOC"),
    ("Zwelinzima Vavi", "ZAF", "LAB"),
    ("Oleksandr Usyk", "UKR", "CVL"),
    ("Salman Rushdie", "GBR", "CVL"),
    ("Matteo Messina Denaro", "ITA", "CRM"),
    ("Maksim Yakubets", "RUS", "CRM"),
    ("Chelsea Manning", "USA", "OPP"),                    # whistleblower
])
def test_sector_outside_any_office(name: str, country: str, sector: str) -> None:
    assert _who(name, "2022-06-01")[1:] == (country, sector)


# --------------------------------------------------------------------------- dated roles at both ends

@pytest.mark.parametrize("name,before,start,country,sector_before,sector_in", [
    ("Shawn Fain", "2023-03-25", "2023-03-26", "USA", "LAB", "LAB"),           # UAW president
    ("Fran Drescher", "2021-08-31", "2021-09-01", "USA", "CVL", "LAB"),        # actress, then union head
    ("Sam Bankman-Fried", "2023-11-01", "2023-11-02", "USA", "BUS", "CRM"),    # convicted
    ("Guo Wengui", "2024-07-15", "2024-07-16", "CHN", "BUS", "CRM"),
    ("Salil Shetty", "2010-06-30", "2010-07-01", "IND", "OPP", "OPP"),         # Amnesty: NGO while in post
])
def test_role_starts(name: str, before: str, start: str, country: str, sector_before: str,
                     sector_in: str) -> None:
    assert _who(name, before)[1:] == (country, sector_before)
    assert _who(name, start)[2] == sector_in


def test_an_ngo_post_gives_the_organisation_code_while_held() -> None:
    assert _who("Salil Shetty", "2015-01-01")[1:] == ("NGO", "OPP")
    assert _who("Salil Shetty", "2018-08-01")[1:] == ("IND", "OPP")   # after the post: own country
    assert _who("Joanne Liu", "2019-09-30")[1:] == ("NGO", "MED")       # MSF president
    assert _who("Joanne Liu", "2019-10-01")[1:] == ("CAN", "MED")


@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Michael Bloomberg", "2013-12-31", "2014-01-01", "USA", "GOV"),        # mayor of New York
    ("Michael McFaul", "2014-02-25", "2014-02-26", "USA", "GOV"),           # ambassador to Russia
    ("Fiona Hill", "2019-06-30", "2019-07-01", "USA", "GOV"),               # White House aide
    ("Arnold Schwarzenegger", "2011-01-02", "2011-01-03", "USA", "GOV"),    # governor
])
def test_a_state_post_makes_an_ex_official(name: str, last_day: str, end: str, country: str,
                                           sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Richard Trumka", "2021-08-04", "2021-08-05", "USA", "LAB"),
    ("Patriarch Neophyte", "2024-03-12", "2024-03-13", "BGR", "REL"),
    ("Claudine Gay", "2024-01-01", "2024-01-02", "USA", "EDU"),
    ("Pat Gelsinger", "2024-11-30", "2024-12-01", "USA", "BUS"),
])
def test_a_post_outside_the_state_keeps_its_sector(name: str, last_day: str, end: str, country: str,
                                                   sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    assert _who(name, end)[1:] == (country, sector)          # never ELI


def test_a_convicted_former_minister() -> None:
    assert _who("Genaro Garcia Luna", "2010-01-01")[1:] == ("MEX", "GOV")
    assert _who("Genaro Garcia Luna", "2020-01-01")[1:] == ("MEX", "ELI")
    assert _who("Genaro Garcia Luna", "2023-02-21")[1:] == ("MEX", "CRM")


def test_roles_of_a_politician_turned_executive() -> None:
    assert _who("Nick Clegg", "2012-01-01")[1:] == ("GBR", "GOV")
    assert _who("Nick Clegg", "2018-10-21")[1:] == ("GBR", "ELI")
    assert _who("Nick Clegg", "2018-10-22")[1:] == ("GBR", "BUS")


# --------------------------------------------------------------------------- titles by date

@pytest.mark.parametrize("text,date,expected", [
    ("the Amnesty International secretary general", "2018-07-31", "salil-shetty"),
    ("the Amnesty International secretary general", "2018-08-01", "kumi-naidoo"),
    ("the British foreign secretary", "2008-01-01", "david-miliband"),
])
def test_unique_posts_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- names, aliases, surnames

@pytest.mark.parametrize("text,expected", [
    ("Pony Ma", "ma-huateng"),
    ("Cardinal Zen", "joseph-zen"),
    ("Sadhguru", "jaggi-vasudev"),
    ("Miles Guo", "guo-wengui"),
    ("Marcola", "marcos-camacho"),
    ("Dimon", "jamie-dimon"),
    ("Sviatlana Aleksiyevich", "svetlana-alexievich"),
])
def test_aliases_and_surnames(text: str, expected: str) -> None:
    assert resolve(text, "2024-09-01").actor_id == expected


def test_a_shared_surname_stays_with_the_office_holder() -> None:
    # Boris Pistorius (German defence minister) keeps "Pistorius"; Oscar Pistorius needs his full name.
    assert resolve("Pistorius", "2024-01-01").actor_id == "boris-pistorius"
    assert resolve("Oscar Pistorius", "2024-01-01").actor_id == "oscar-pistorius"
    assert resolve("Slim", "2024-01-01").actor_id is None      # a word, not Carlos Slim alone


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("shawn-fain", date="2024-01-01")
    assert entry is not None and entry["on_date"]["role"] == "union leader"


# --------------------------------------------------------------------------- data hygiene

