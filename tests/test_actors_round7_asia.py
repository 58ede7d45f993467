"""Actors, seventh round, Asia and Oceania: the gaps of the sixth round by category (Chinese Politburo and
Central Military Commission, foreign ministry spokespeople, Hong Kong and Macau, SCO and ADB heads, cabinets of
Japan, Korea, Taiwan, the Philippines, Malaysia, Thailand and Vietnam, military chiefs, Philippine senators,
Taliban ministers, Maldivian and Sri Lankan ministers). Each category is checked on a sample through the
public resolve() API, by title and country or organisation and by name, on dates at both ends of a role
(start inclusive, end exclusive)."""

from __future__ import annotations


import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- unique offices by title

@pytest.mark.parametrize("text,date,expected", [
    ("the ADB president", "2020-01-16", "takehiko-nakao"),
    ("the ADB president", "2020-01-17", "masatsugu-asakawa"),
    ("ADB President", "2025-02-24", "masato-kanda"),
    ("the SCO secretary general", "2018-12-31", "rashid-alimov"),
    ("the SCO secretary general", "2019-01-01", "vladimir-norov"),
    ("the SCO secretary general", "2024-06-01", "zhang-ming-sco"),
    ("Japan's national security adviser", "2019-09-12", "shotaro-yachi"),
    ("Japan's national security adviser", "2019-09-13", "shigeru-kitamura"),
    ("the South Korean chief of staff", "2019-01-07", "im-jong-seok"),
    ("the South Korean chief of staff", "2019-01-08", "noh-young-min"),
    ("the South Korean chief of staff", "2025-06-04", "kang-hoon-sik"),
    ("the Korean interior minister", "2020-01-01", "chin-young"),
    ("the Maldivian defence minister", "2023-11-16", "mariya-didi"),
    ("the Maldivian defence minister", "2023-11-17", "ghassan-maumoon"),
    ("the Maldivian finance minister", "2020-01-01", "ibrahim-ameer"),
    ("the Sri Lankan interior minister", "2023-01-01", "tiran-alles"),
    ("the Thai defence minister", "2024-09-03", "phumtham-wechayachai"),
    ("Taiwan's national security adviser", "2025-01-01", "joseph-wu"),       # role added in place
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Liu Yunshan", "2017-10-24", "2017-10-25", "CHN", "GOV"),          # Politburo Standing Committee
    ("Yang Xiaodu", "2022-10-22", "2022-10-23", "CHN", "GOV"),          # Politburo member
    ("Miao Hua", "2024-11-27", "2024-11-28", "CHN", "MIL"),             # Central Military Commission
    ("Lin Xiangyang", "2025-10-16", "2025-10-17", "CHN", "MIL"),        # Eastern Theatre commander
    ("Lu Kang", "2019-06-30", "2019-07-01", "CHN", "GOV"),              # foreign ministry spokesperson
    ("Leung Chun-ying", "2017-06-30", None, "CHN", "GOV"),              # Hong Kong chief executive
    ("Fernando Chui", "2019-12-19", "2019-12-20", "CHN", "GOV"),        # Macau chief executive
    ("Teresa Cheng", "2022-06-30", "2022-07-01", "CHN", "GOV"),         # Hong Kong secretary for justice
    ("Stephen Lo", "2019-11-18", "2019-11-19", "CHN", "COP"),           # Hong Kong police commissioner
    ("Keizo Takemi", "2024-09-30", "2024-10-01", "JPN", "GOV"),         # cabinet minister
    ("Yoshihide Yoshida", "2025-07-31", "2025-08-01", "JPN", "MIL"),    # Joint Staff chief
    ("Lee Sun-jin", "2017-07-31", "2017-08-01", "KOR", "MIL"),          # JCS chairman
    ("Lee Byung-ho", "2017-05-31", "2017-06-01", "KOR", "SPY"),         # NIS director
    ("Shih Jun-ji", "2019-01-13", "2019-01-14", "TWN", "GOV"),          # vice premier
    ("Cirilito Sobejana", "2021-07-30", "2021-07-31", "PHL", "MIL"),    # AFP chief of staff
    ("Grace Poe", "2025-06-29", "2025-06-30", "PHL", "LEG"),            # senator
    ("Antonio Trillanes", "2019-06-29", "2019-06-30", "PHL", "LEG"),
    ("Maszlee Malik", "2020-01-02", "2020-01-03", "MYS", "GOV"),        # cabinet minister
    ("Wissanu Krea-ngam", "2023-08-31", "2023-09-01", "THA", "GOV"),    # deputy prime minister
    ("Vu Duc Dam", "2023-01-04", "2023-01-05", "VNM", "GOV"),
    ("Khalil Haqqani", "2024-12-10", "2024-12-11", "AFG", "GOV"),       # Taliban acting minister
    ("Kevin Short", "2022-05-31", "2022-06-01", "NZL", "MIL"),          # chief of defence force
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str | None, country: str,
                                     sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Manny Pacquiao", "2015-01-01", "PHL", "CVL"),        # before his first office: the entry's sector
    ("Manny Pacquiao", "2020-01-01", "PHL", "LEG"),
    ("Ronald dela Rosa", "2017-01-01", "PHL", "COP"),      # police chief before the Senate
    ("Ronald dela Rosa", "2020-01-01", "PHL", "LEG"),
    ("Sonny Angara", "2025-01-01", "PHL", "GOV"),          # left the Senate for the cabinet
    ("Lee Ju-ho", "2025-05-10", "KOR", "GOV"),             # acting president
    ("Sam Hou-fai", "2025-06-01", "CHN", "GOV"),
])
def test_people_on_a_date(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- conventions of this round

def test_a_distinctive_senator_surname_names_the_senator() -> None:
    assert resolve("Lacson", "2020-01-01").actor_id == "panfilo-lacson"
    assert resolve("Drilon", "2015-01-01").actor_id == "franklin-drilon"


def test_a_shared_surname_names_nobody_alone() -> None:
    # three Villars and two Tulfos: only the full name reads as one of them
    assert resolve("Villar", "2023-01-01").actor_id is None
    assert resolve("Camille Villar", "2025-07-01").actor_id == "camille-villar"


def test_names_written_another_way() -> None:
    assert resolve("Ho Iat Seng", "2020-01-01").actor_id == "ho-iat-seng"
    assert resolve("CY Leung", "2015-01-01").actor_id == "leung-chun-ying"
    assert resolve("Chinese foreign ministry spokesperson Hua Chunying", "2020-01-01").actor_id == "hua-chunying"


def test_roles_added_in_place_to_existing_entries() -> None:
    assert show("carrie-lam", date="2015-01-01")["on_date"]["role"] == "minister"   # chief secretary
    assert _who("John Lee Ka-chiu", "2019-01-01") == ("john-lee-hk", "CHN", "GOV")  # security secretary
    assert _who("Carlito Galvez", "2018-06-01") == ("carlito-galvez-jr", "PHL", "MIL")


# --------------------------------------------------------------------------- data hygiene

