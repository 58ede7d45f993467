"""Actors, ninth round, the Middle East's peace processes and thinnest states: Gaza ceasefire and hostage
talks (Israeli security chiefs and negotiators, Hamas and Islamic Jihad, the Palestinian Authority's
cabinets), Yemen (the Presidential Leadership Council, Houthi leaders), Syria (Assad-era ministers, the
Geneva and Astana delegations, the opposition, SDF/AANES, the caretaker and transitional governments),
Hezbollah, Iraqi Kurdistan's parties, Kuwait, Bahrain, Jordan, Oman, Iran's negotiators and Turkish deputy
ministers. Each category is checked on a sample through the public resolve() API: by title and country,
and by name on dates at both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Syrian interior minister", "2024-12-10", "mohammed-abdul-rahman-syria"),   # caretaker government
    ("the Syrian interior minister", "2025-03-29", "anas-khattab"),
    ("the Syrian finance minister", "2025-03-28", "mohammed-abazeed"),
    ("the Syrian finance minister", "2025-03-29", "mohammed-yisr-barnieh"),
    ("the Kuwaiti interior minister", "2024-01-17", "fahad-yousef-al-sabah"),
    ("Bahrain's finance minister", "2018-01-01", "salman-bin-khalifa-al-khalifa"),
    ("the Iraqi president", "2014-07-23", "jalal-talabani"),
    ("the Iraqi president", "2014-07-24", "fuad-masum"),
    ("the Palestinian president", "2004-11-11", "rawhi-fattouh"),                     # interim, after Arafat
    ("the Palestinian president", "2005-01-15", "mahmoud-abbas"),
    ("the Iranian foreign minister", "1997-08-19", "ali-akbar-velayati"),
    ("the Iranian foreign minister", "2005-08-23", "kamal-kharazi"),
    ("the Jordanian crown prince", "2004-11-27", "hamzah-bin-hussein"),
    ("the Jordanian crown prince", "2010-01-01", "hussein-bin-abdullah"),
    ("the Yemeni foreign minister", "2015-06-01", "riad-yassin"),                    # in exile, before al-Mekhlafi
    ("the Bahraini senate president", "2020-01-01", "ali-bin-saleh-al-saleh"),      # Shura Council
    ("the Bahraini speaker", "2020-01-01", "fouzia-zainal"),                        # the elected house stays its own
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- state posts at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("David Zini", "2026-01-01", None, "ISR", "SPY"),                      # Shin Bet
    ("Jawad Awwad", "2019-04-13", "2019-04-14", "PSE", "GOV"),              # Hamdallah cabinet
    ("Khawla Shakhshir", "2015-07-30", "2015-07-31", "PSE", "GOV"),         # 2015 reshuffle
    ("Atef Abu Saif", "2024-03-30", "2024-03-31", "PSE", "GOV"),            # Shtayyeh cabinet
    ("Rula Maayah", "2024-03-30", "2024-03-31", "PSE", "GOV"),
    ("Amjad Barham", "2025-01-01", None, "PSE", "GOV"),                     # Mustafa cabinet
    ("Ibrahim Melhem", "2024-03-30", "2024-03-31", "PSE", "GOV"),           # spokesman
    ("Sultan al-Arada", "2022-04-07", None, "YEM", "GOV"),                  # Presidential Leadership Council
    ("Othman Mujalli", "2024-01-01", None, "YEM", "GOV"),
    ("Omran al-Zoubi", "2016-07-02", "2016-07-03", "SYR", "GOV"),           # Assad-era ministers
    ("Nizar Yazigi", "2020-08-29", "2020-08-30", "SYR", "GOV"),
    ("Talal al-Barazi", "2021-08-09", "2021-08-10", "SYR", "GOV"),
    ("Bouthaina Shaaban", "2024-12-07", "2024-12-08", "SYR", "GOV"),
    ("Shadi al-Waisi", "2025-03-28", "2025-03-29", "SYR", "GOV"),           # caretaker government
    ("Maher al-Assad", "2024-12-07", "2024-12-08", "SYR", "MIL"),
    ("Mustafa Sayid Qadir", "2019-07-09", "2019-07-10", "IRQ", "GOV"),      # Kurdistan Region
    ("Yavuz Selim Kiran", "2023-05-31", "2023-06-01", "TUR", "GOV"),        # deputy foreign minister
    ("Hamid Baeidinejad", "2020-06-01", "2021-01-01", "IRN", "GOV"),
    ("Madiha Al Shaibaniyah", "2021-01-01", None, "OMN", "GOV"),           # Oman, 2020 cabinet
    ("Said Al Saqri", "2020-08-18", None, "OMN", "GOV"),
])
def test_state_posts_at_both_ends(name: str, last_day: str, end: str | None, country: str,
                                  sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


# --------------------------------------------------------------------------- armed groups and de facto authorities

@pytest.mark.parametrize("name,date,country,sector", [
    ("Ghazi Hamad", "2024-01-01", "PSE", "REB"),             # Hamas
    ("Izzat al-Rishq", "2024-06-01", "PSE", "REB"),
    ("Mohammed Darwish", "2025-01-01", "PSE", "REB"),
    ("Akram al-Ajouri", "2023-05-01", "PSE", "REB"),         # Islamic Jihad
    ("Mohammed Miftah", "2025-10-01", "YEM", "REB"),         # the Houthis' acting premier
    ("Abdulqader al-Murtada", "2023-04-01", "YEM", "REB"),
    ("Hani bin Breik", "2020-01-01", "YEM", "REB"),          # STC
    ("Ilham Ahmed", "2023-01-01", "SYR", "REB"),             # SDF/AANES
    ("Ali Keda", "2021-01-01", "SYR", "REB"),                # HTS's Salvation Government
    ("Haytham Ali Tabatabai", "2024-10-01", "LBN", "REB"),   # Hezbollah
    ("Nasr al-Hariri", "2018-01-01", "SYR", "OPP"),          # negotiation commission
    ("Ahmad Jarba", "2014-01-01", "SYR", "OPP"),
])
def test_non_state_actors(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


def test_de_facto_posts_never_hold_the_state_titles() -> None:
    assert resolve("the Yemeni prime minister", "2025-10-01").actor_id == "salem-bin-breik"
    assert resolve("Mohammed Miftah", "2025-10-01").role == "houthi prime minister"


def test_party_leaders_outside_office() -> None:
    assert _who("Jalal Talabani", "2016-01-01")[1:] == ("IRQ", "PTY")     # PUK leader after the presidency
    assert _who("Masoud Barzani", "2020-01-01")[1:] == ("IRQ", "PTY")     # KDP leader (role added in place)
    assert _who("Lahur Sheikh Jangi", "2021-01-01")[1:] == ("IRQ", "PTY")


def test_roles_added_in_place_to_existing_entries() -> None:
    assert resolve("Samir Mokbel", "2012-06-01").role == "deputy prime minister"
    assert resolve("Hossein Amir-Abdollahian", "2014-01-01").role == "minister"   # deputy foreign minister
    assert resolve("Omer Celik", "2021-01-01").role == "spokesperson"               # AKP spokesman


def test_surnames_shared_with_better_known_people_stay_theirs() -> None:
    assert resolve("Hariri", "2018-01-01").actor_id == "saad-hariri"
    assert resolve("Sharaa", "2025-06-01").actor_id == "ahmed-al-sharaa"
    assert resolve("Odeh", "2020-01-01").actor_id == "ayman-odeh"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("kamal-kharazi", date="2010-01-01")
    assert entry is not None and entry["on_date"]["role"] == "chairman"
