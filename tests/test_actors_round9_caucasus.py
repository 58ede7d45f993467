"""Actors, ninth round, Europe's and Central Asia's conflicts and thinnest states (people/r9_caucasus.yaml):
the Karabakh, Abkhaz, South Ossetian and Transnistrian de facto leaders (the parent state with sector PRE,
never the state's unique titles), the negotiators, mediators and envoys of the Armenia-Azerbaijan,
Belgrade-Pristina and Cyprus talks, ministers of the Caucasus, Central Asia and the small EU states and
microstates. Each category is checked on a sample through the public resolve() API, by title and country
and by name, on dates at both ends of a role (start inclusive, end exclusive); roles added in place to
people of other files are checked too."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who


# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Kazakh defence minister", "2016-09-12", "imangali-tasmagambetov"),   # role added in place
    ("the Kazakh defence minister", "2016-09-13", "saken-zhasuzakov"),
    ("the Kazakh defence minister", "2018-08-07", "nurlan-yermekbayev"),       # role added in place
    ("the Kazakh defence minister", "2022-01-19", "ruslan-zhaksylykov"),
    ("the Kazakh interior minister", "2019-02-24", "kalmukhanbet-kassymov"),
    ("the Kazakh interior minister", "2019-02-25", "yerlan-turgumbayev"),
    ("the Kyrgyz foreign minister", "2018-04-30", "erlan-abdyldaev"),
    ("the Kyrgyz foreign minister", "2018-05-01", "chingiz-aidarbekov"),
    ("the Tajik defence minister", "2022-01-01", "emomali-sobirzoda"),
    ("the Uzbek defence minister", "2018-01-01", "abdusalom-azizov"),
    ("the Uzbek interior minister", "2020-01-01", "pulat-bobojonov"),
    ("the Mongolian foreign minister", "2017-09-30", "tsend-munkh-orgil"),
    ("the Mongolian foreign minister", "2017-10-01", "damdin-tsogtbaatar"),
    ("the Turkmen parliament speaker", "2020-01-01", "gulshat-mammedova"),
    ("the Georgian finance minister", "2018-01-01", "mamuka-bakhtadze"),       # role added in place
    ("the Georgian finance minister", "2019-01-01", "ivane-machavariani"),
    ("the Georgian defence minister", "2016-01-01", "tinatin-khidasheli"),
    ("the Azerbaijani finance minister", "2020-01-01", "samir-sharifov"),
    ("the Armenian finance minister", "2020-01-01", "atom-janjughazyan"),
    ("the Cypriot defence minister", "2018-02-28", "christoforos-fokaides"),
    ("the Cypriot defence minister", "2018-03-01", "savvas-angelides"),
    ("the Croatian defence minister", "2022-07-15", "ivan-anusic"),
    ("the Latvian interior minister", "2020-01-01", "sandis-girgens"),
    ("the Monaco prime minister", "2024-10-01", "didier-guillaume"),          # role added in place
    ("the Andorran foreign minister", "2018-01-01", "maria-ubach"),
    ("the San Marino finance minister", "2021-01-01", "marco-gatti"),
    ("the Liechtenstein crown prince", "2020-01-01", "hereditary-prince-alois"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- de facto authorities: parent state, PRE

@pytest.mark.parametrize("name,date,country", [
    ("Bako Sahakyan", "2015-01-01", "AZE"),
    ("Arayik Harutyunyan", "2021-01-01", "AZE"),
    ("Samvel Shahramanyan", "2023-12-31", "AZE"),
    ("Raul Khajimba", "2016-01-01", "GEO"),
    ("Aslan Bzhania", "2022-01-01", "GEO"),
    ("Anatoly Bibilov", "2018-01-01", "GEO"),
    ("Alan Gagloev", "2023-01-01", "GEO"),
    ("Vadim Krasnoselsky", "2020-01-01", "MDA"),
    ("Vitaly Ignatiev", "2020-01-01", "MDA"),
    ("Ersin Tatar", "2021-01-01", "CYP"),
])
def test_de_facto_leaders_are_the_parent_state_pre(name: str, date: str, country: str) -> None:
    assert _who(name, date)[1:] == (country, "PRE")


def test_de_facto_leaders_never_hold_the_states_unique_titles() -> None:
    assert resolve("the Azerbaijani president", "2021-01-01").actor_id == "ilham-aliyev"
    assert resolve("the Georgian president", "2022-01-01").actor_id == "salome-zourabichvili"
    assert resolve("the Moldovan president", "2022-01-01").actor_id == "maia-sandu"


def test_a_de_facto_role_has_its_dates() -> None:
    assert _who("Bako Sahakyan", "2020-05-20")[1:] == ("AZE", "PRE")
    assert resolve("Bako Sahakyan", "2020-05-21").actor_id == "bako-sahakyan"
    assert show("arayik-harutyunyan", date="2021-01-01")["on_date"]["role"] == "separatist leader"


# --------------------------------------------------------------------------- negotiators, mediators, envoys

@pytest.mark.parametrize("name,date,country,sector", [
    ("Mher Grigoryan", "2023-01-01", "ARM", "GOV"),          # border commission, deputy prime minister
    ("Shahin Mustafayev", "2023-01-01", "AZE", "GOV"),
    ("Elchin Amirbayov", "2023-01-01", "AZE", "GOV"),
    ("Ruben Rubinyan", "2022-06-01", "ARM", "LEG"),          # Turkey envoy who keeps his seat
    ("Serdar Kilic", "2022-06-01", "TUR", "GOV"),
    ("Andrew Schofer", "2019-01-01", "USA", "GOV"),          # Minsk Group co-chair
    ("Igor Khovaev", "2022-01-01", "RUS", "GOV"),
    ("Stephane Visconti", "2019-01-01", "FRA", "GOV"),
    ("Andrzej Kasprzyk", "2019-01-01", "IGO", "GOV"),        # OSCE: the body's code while in post
    ("Herbert Salber", "2016-01-01", "EUR", "GOV"),
    ("Zurab Abashidze", "2019-01-01", "GEO", "GOV"),
    ("Oleg Serebrian", "2023-01-01", "MDA", "GOV"),
    ("Petar Petkovic", "2023-01-01", "SRB", "GOV"),
    ("Gabriel Escobar", "2023-01-01", "USA", "GOV"),
    ("Andreas Mavroyiannis", "2017-01-01", "CYP", "GOV"),
    ("Ergun Olgun", "2017-01-01", "CYP", "PRE"),             # Turkish Cypriot negotiator
    ("Jane Holl Lute", "2019-01-01", "UNO", "GOV"),
    ("Espen Barth Eide", "2016-01-01", "UNO", "GOV"),         # role added in place
    ("Claus Neukirch", "2020-01-01", "IGO", "GOV"),           # OSCE Mission to Moldova
    ("Stasa Kosarac", "2021-01-01", "BIH", "GOV"),            # Council of Ministers
])
def test_negotiators_and_envoys(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- sectors by name at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Onik Gasparyan", "2021-03-09", "2021-03-10", "ARM", "MIL"),      # chief of the general staff
    ("Najmeddin Sadigov", "2020-12-31", "2021-01-01", "AZE", "MIL"),
    ("Rustam Inoyatov", "2018-01-30", "2018-01-31", "UZB", "SPY"),
    ("Arsen Torosyan", "2021-07-31", "2021-08-01", "ARM", "GOV"),
    ("Andrei Spinu", "2023-02-15", "2023-02-16", "MDA", "GOV"),
    ("Konrad Mizzi", "2019-11-25", "2019-11-26", "MLT", "GOV"),
    ("Paulette Lenert", "2023-11-16", "2023-11-17", "LUX", "GOV"),
    ("Edita Tahiri", "2017-09-08", "2017-09-09", "XKX", "GOV"),
    ("Tinatin Khidasheli", "2016-07-31", "2016-08-01", "GEO", "GOV"),
    ("Claude Meisch", "2024-01-01", None, "LUX", "GOV"),
    ("Saimumin Yatimov", "2022-01-01", None, "TJK", "SPY"),
    ("Daiga Mierina", "2024-01-01", None, "LVA", "LEG"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str | None, country: str,
                                     sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


def test_republika_srpska_posts_keep_the_state_titles_free() -> None:
    assert _who("Radovan Viskovic", "2020-01-01") == ("radovan-viskovic", "BIH", "GOV")
    assert _who("Nenad Stevandic", "2023-01-01") == ("nenad-stevandic", "BIH", "LEG")
    assert resolve("the Bosnian prime minister", "2020-01-01").actor_id == "zoran-tegeltija"


def test_common_surnames_name_nobody_alone() -> None:
    assert resolve("Popov", "2018-01-01").actor_id != "igor-popov"
    assert resolve("Igor Popov", "2018-01-01").actor_id == "igor-popov"
    assert resolve("Martynov", "2018-01-01").actor_id != "aleksandr-martynov"


# --------------------------------------------------------------------------- data hygiene

FREE_TITLES = {"separatist leader", "separatist prime minister", "separatist foreign minister",
               "separatist official", "separatist commander", "regional prime minister",
               "regional parliament president"}


def _round_file() -> list[dict]:
    from peacetalks.actors.kb import DATA
    from peacetalks.yaml_tables import read_yaml
    return read_yaml(DATA / "people" / "r9_caucasus.yaml") or []


def test_titles_are_canonical_or_a_stated_free_text() -> None:
    from peacetalks.actors.kb import DATA
    from peacetalks.yaml_tables import read_yaml
    titles = set(read_yaml(DATA / "titles.yaml"))
    used = {str(role[0]) for raw in _round_file() for role in raw["roles"]}
    assert used - titles <= FREE_TITLES


def test_de_facto_posts_are_pre_and_roles_end_after_they_start() -> None:
    for raw in _round_file():
        for role in raw["roles"]:
            if str(role[0]).startswith("separatist"):
                assert role[3] == "PRE", raw["id"]
            if role[1] and role[2]:
                assert str(role[1]) < str(role[2]), raw["id"]
