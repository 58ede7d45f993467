"""Actors, eighth round, Africa: the next layer of government (whole cabinets, deputy prime ministers,
government spokespeople, ruling-party secretaries-general, parliamentary opposition leaders, UN
ambassadors, interior/finance/defence ministers missing so far), country by country. Each category is
checked on a sample through the public resolve() API, by title and country and by name, on dates at
both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve
from actor_helpers import who as _who


# --------------------------------------------------------------------------- unique offices by title and place

@pytest.mark.parametrize("text,date,expected", [
    ("the Ugandan interior minister", "2021-06-21", "kahinda-otafiire"),
    ("the Congolese interior minister", "2023-03-22", "daniel-aselo-okito"),
    ("the Congolese interior minister", "2023-03-23", "peter-kazadi"),
    ("the DRC finance minister", "2021-04-12", "nicolas-kazadi"),
    ("the Congolese defence minister", "2020-01-01", "aime-ngoy-mukena"),
    ("the Senegalese interior minister", "2024-03-05", "antoine-felix-diome"),
    ("the Senegalese interior minister", "2024-03-06", "mouhamadou-makhtar-cisse"),
    ("the Senegalese interior minister", "2025-09-06", "mouhamadou-bamba-cisse"),
    ("Senegal's finance minister", "2024-04-05", "cheikh-diba"),
    ("the Nigerian interior minister", "2019-08-21", "rauf-aregbesola"),
    ("the Zambian interior minister", "2022-01-01", "jack-mwiimbu"),
    ("the Zambian defence minister", "2022-01-01", "ambrose-lufuma"),
    ("the Zimbabwean interior minister", "2018-01-01", "obert-mpofu"),
    ("the Sudanese finance minister", "2020-07-08", "ibrahim-elbadawi"),
    ("the Sudanese defence minister", "2019-09-08", "jamal-omar"),
    ("the Namibian finance minister", "2025-03-21", "ericah-shafudah"),
    ("the Namibian finance minister", "2025-03-20", "ipumbu-shiimi"),
    ("the Libyan foreign minister", "2018-01-01", "mohamed-siala"),
    ("the Tunisian defence minister", "2024-08-25", "khaled-sehili"),
    ("the Tunisian interior minister", "2022-01-01", "taoufik-charfeddine"),
    ("the Ethiopian defence minister", "2018-10-15", "motuma-mekassa"),
    ("the Ethiopian defence minister", "2018-10-16", "aisha-mohammed-ethiopia"),
    ("the Tanzanian defence minister", "2023-01-01", "innocent-bashungwa"),
    ("the South African interior minister", "2017-10-16", "hlengiwe-mkhize"),   # reshuffle of 2017-10-17
    ("the South African interior minister", "2017-10-17", "ayanda-dlodlo"),
    ("the South African interior minister", "2018-02-27", "malusi-gigaba"),
    ("the Beninese foreign minister", "2021-05-25", "shegun-adjadi-bakari"),
    ("the Burkinabe finance minister", "2022-10-25", "aboubakar-nacanabo"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Janet Museveni", "2024-01-01", None, "UGA", "GOV"),               # cabinet minister
    ("Elly Tumwine", "2021-06-20", "2021-06-21", "UGA", "GOV"),
    ("Kirunda Kivejinja", "2020-12-18", "2020-12-19", "UGA", "GOV"),     # deputy prime minister
    ("Rashid Echesa", "2019-02-28", "2019-03-01", "KEN", "GOV"),
    ("Aisha Jumwa", "2024-07-10", "2024-07-11", "KEN", "GOV"),
    ("Jackson Mthembu", "2021-01-20", "2021-01-21", "ZAF", "GOV"),
    ("Bathabile Dlamini", "2019-05-29", "2019-05-30", "ZAF", "GOV"),
    ("Sabo Nanono", "2021-08-31", "2021-09-01", "NGA", "GOV"),
    ("Emeka Nwajiuba", "2022-05-15", "2022-05-16", "NGA", "GOV"),
    ("Nevine Gamea", "2022-08-12", "2022-08-13", "EGY", "GOV"),
    ("Perrance Shiri", "2020-07-28", "2020-07-29", "ZWE", "GOV"),
    ("Ghita Mezzour", "2024-10-22", "2024-10-23", "MAR", "GOV"),
    ("Moulay Hafid Elalamy", "2021-10-06", "2021-10-07", "MAR", "GOV"),
    ("Hamza Baloul", "2021-10-24", "2021-10-25", "SDN", "GOV"),       # information minister, spokesperson
    ("Lambert Mende", "2019-08-25", "2019-08-26", "COD", "GOV"),
    ("Kwaku Agyeman-Manu", "2024-02-13", "2024-02-14", "GHA", "GOV"),
    ("Haruna Iddrisu", "2020-01-01", None, "GHA", "LEG"),              # minority leader, seated
    ("Mathias Mpuuga", "2022-01-01", None, "UGA", "LEG"),
    ("Richard Todwong", "2023-01-01", None, "UGA", "PTY"),             # ruling party secretary general
    ("Révérien Ndikuriyo", "2022-01-01", None, "BDI", "PTY"),
    ("Nizar Baraka", "2020-01-01", None, "MAR", "PTY"),                # party leader before office
    ("Omar Hilale", "2020-01-01", None, "MAR", "GOV"),                 # UN ambassador
    ("Anass Doukkali", "2019-10-08", "2019-10-09", "MAR", "GOV"),
    ("Tatenda Mavetera", "2024-01-01", None, "ZWE", "GOV"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str | None, country: str,
                                     sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("text,date,expected,role", [
    ("Patrick Muyaya", "2023-01-01", "patrick-muyaya", "spokesperson"),
    ("Mustapha Baitas", "2022-01-01", "mustapha-baitas", "spokesperson"),
    ("René Emmanuel Sadi", "2020-01-01", "rene-emmanuel-sadi", "spokesperson"),
    ("Kahinda Otafiire", "2020-01-01", "kahinda-otafiire", "minister"),
    ("Kahinda Otafiire", "2021-06-21", "kahinda-otafiire", "interior minister"),
    ("Khaled Abdel Ghaffar", "2024-07-03", "khaled-abdel-ghaffar", "deputy prime minister"),
])
def test_roles_on_date(text: str, date: str, expected: str, role: str) -> None:
    res = resolve(text, date)
    assert (res.actor_id, res.role) == (expected, role)


def test_a_minister_sharing_a_leaders_surname_does_not_take_it() -> None:
    # surname: null on the minister keeps the bare surname for the better-known holder
    assert resolve("Museveni", "2020-01-01").actor_id == "yoweri-museveni"
    assert resolve("Morsi", "2013-01-01").actor_id == "mohamed-morsi"


def test_kirsty_coventry_moves_from_zimbabwes_cabinet_to_the_ioc() -> None:
    assert _who("Kirsty Coventry", "2025-06-22")[1:] == ("ZWE", "GOV")
    assert _who("Kirsty Coventry", "2025-06-23")[2] == "SOC"
