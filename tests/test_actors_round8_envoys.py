"""Actors, eighth round: envoys, negotiators and diplomats (people/r8_envoys.yaml). Each category is checked on a
sample through the public resolve() API: unique offices by title and country on dates at both ends of a term
(start inclusive, end exclusive), ambassadors, envoys and spokespeople by name (GOV in post, ELI after; a body's
code while in a post of an international body), and roles added in place to people of other files."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who


# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the British national security adviser", "2017-04-03", "mark-lyall-grant"),
    ("the British national security adviser", "2017-04-04", "mark-sedwill"),
    ("the British national security adviser", "2022-09-05", "stephen-lovegrove"),
    ("the British national security adviser", "2022-09-06", "tim-barrow"),
    ("the British national security adviser", "2024-10-31", "tim-barrow"),
    ("the British national security adviser", "2024-11-01", "jonathan-powell"),
    ("the IAEA director general", "2019-12-02", "cornel-feruta"),            # acting, after Amano
    ("the IAEA director general", "2019-12-03", "rafael-grossi"),
    ("the Ukrainian president", "1994-07-18", "leonid-kravchuk"),            # earlier offices of Minsk envoys
    ("the Ukrainian president", "1994-07-19", "leonid-kuchma"),
    ("the Finnish president", "2000-02-29", "martti-ahtisaari"),
    ("the South African president", "2008-09-24", "thabo-mbeki"),
    ("the Nigerian president", "2007-05-28", "olusegun-obasanjo"),
    ("the Ethiopian foreign minister", "2005-01-01", "seyoum-mesfin"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- diplomats and envoys at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Vitaly Churkin", "2017-02-19", "2017-02-20", "RUS", "GOV"),            # UN ambassador until his death
    ("Vladislav Surkov", "2020-02-17", "2020-02-18", "RUS", "GOV"),          # Kremlin curator of the Donbas
    ("Leonid Kravchuk", "2022-05-09", "2022-05-10", "UKR", "GOV"),           # Trilateral Contact Group
    ("Marie Yovanovitch", "2019-05-19", "2019-05-20", "USA", "GOV"),         # Kyiv
    ("Jon Huntsman", "2019-10-03", "2019-10-04", "USA", "GOV"),              # Moscow
    ("Robert Malley", "2023-06-28", "2023-06-29", "USA", "GOV"),             # Iran envoy
    ("Roger Carstens", "2025-01-19", "2025-01-20", "USA", "GOV"),            # hostage envoy
    ("Christoph Heusgen", "2021-06-30", "2021-07-01", "DEU", "GOV"),         # UN
    ("Steffen Hebestreit", "2025-05-05", "2025-05-06", "DEU", "GOV"),        # government spokesperson
    ("Kim Darroch", "2019-12-30", "2019-12-31", "GBR", "GOV"),               # Washington
    ("Cui Tiankai", "2021-06-22", "2021-06-23", "CHN", "GOV"),               # Washington
    ("Syed Akbaruddin", "2020-04-30", "2020-05-01", "IND", "GOV"),           # UN
    ("Andrey Karlov", "2016-12-18", "2016-12-19", "RUS", "GOV"),             # Ankara
])
def test_diplomats_at_both_ends(name: str, last_day: str, end: str, country: str, sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,last_day,end,code,country_after", [
    ("Leila Zerrougui", "2020-12-31", "2021-01-01", "UNO", "DZA"),           # MONUSCO
    ("Nicholas Haysom", "2024-02-29", "2024-03-01", "UNO", "ZAF"),           # UNMISS
    ("Heidi Tagliavini", "2015-06-21", "2015-06-22", "IGO", "CHE"),          # OSCE, Minsk contact group
    ("Martin Sajdik", "2019-12-31", "2020-01-01", "IGO", "AUT"),
    ("Maja Kocijancic", "2019-11-30", "2019-12-01", "EUR", "SVN"),           # EEAS spokesperson
])
def test_officials_of_bodies_at_both_ends(name: str, last_day: str, end: str, code: str,
                                         country_after: str) -> None:
    assert _who(name, last_day)[1:] == (code, "GOV")
    assert _who(name, end)[1:] == (country_after, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Sergey Kislyak", "2018-01-01", "RUS", "LEG"),                          # senator after Washington
    ("Boris Gryzlov", "2023-01-01", "RUS", "GOV"),                           # ambassador to Belarus
    ("Max Baucus", "2013-01-01", "USA", "LEG"),
    ("Max Baucus", "2015-01-01", "USA", "GOV"),
    ("Tom Barrack", "2024-01-01", "USA", "BUS"),                             # before the post
    ("Tom Barrack", "2025-06-01", "USA", "GOV"),
    ("Stefan Kornelius", "2024-01-01", "DEU", "JRN"),
    ("Stefan Kornelius", "2025-06-01", "DEU", "GOV"),
    ("Avichay Adraee", "2024-01-01", "ISR", "MIL"),                          # IDF spokespeople are MIL
    ("Sher Mohammad Abbas Stanekzai", "2018-01-01", "AFG", "REB"),           # Taliban negotiator in Doha
    ("Sher Mohammad Abbas Stanekzai", "2022-01-01", "AFG", "GOV"),
    ("Thabo Mbeki", "2015-01-01", "IGO", "GOV"),                             # AU panel on Sudan
    ("Katarina Mathernova", "2024-01-01", "EUR", "GOV"),                     # EU ambassador in Kyiv
    ("Leonid Kuchma", "2016-01-01", "UKR", "GOV"),
    ("Leonid Kuchma", "2019-01-01", "UKR", "ELI"),                           # between his two Minsk terms
    ("Mikhail Ulyanov", "2022-01-01", "RUS", "GOV"),
    ("Tatyana Moskalkova", "2023-01-01", "RUS", "GOV"),                      # human rights commissioner
    ("Tatyana Moskalkova", "2015-01-01", "RUS", "LEG"),
])
def test_people_on_dates(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


def test_surnames_and_titled_names() -> None:
    assert _who("Churkin", "2016-01-01")[0] == "vitaly-churkin"
    assert _who("Russian Ambassador Anatoly Antonov", "2020-01-01") == ("anatoly-antonov", "RUS", "GOV")
    assert _who("Antonov", "2020-01-01")[0] != "anatoly-antonov"         # the aircraft maker stays itself
    assert show("olly-robbins", date="2018-06-01")["on_date"]["role"] == "negotiator"


def test_roles_added_in_place_to_people_of_other_files() -> None:
    assert _who("Terry Branstad", "2018-01-01")[1:] == ("USA", "GOV")      # ambassador in Beijing
    assert _who("Terry Branstad", "2020-10-04")[1:] == ("USA", "ELI")
    assert _who("Jeffrey Feltman", "2021-06-01")[1:] == ("USA", "GOV")     # Horn of Africa envoy
    assert _who("Jean-Yves Le Drian", "2024-01-01")[1:] == ("FRA", "GOV")  # envoy to Lebanon
    assert _who("Li Hui", "2015-01-01")[1:] == ("CHN", "GOV")              # ambassador in Moscow
    assert _who("Kelly Craft", "2018-01-01")[1:] == ("USA", "GOV")         # ambassador to Canada
    assert _who("Rahm Emanuel", "2023-01-01")[1:] == ("USA", "GOV")        # ambassador in Tokyo
    assert _who("Rahm Emanuel", "2020-01-01")[1:] == ("USA", "ELI")
    assert show("richard-grenell", date="2025-03-01")["on_date"]["role"] == "envoy"
    assert show("robert-obrien", date="2019-01-01")["on_date"]["role"] == "envoy"
