"""Actors, eighth round, the Middle East and South Asia: whole cabinets 2016 to today (every portfolio,
ministers of state), regional cabinets (Kurdistan), Pakistani governors and caretaker chief ministers, the
Houthi and Taliban cabinets, Myanmar's NLD government and junta. Each category is checked on a sample
through the public resolve() API, by title and country and by name, on dates at both ends of a role (start
inclusive, end exclusive)."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who


# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Nepalese vice president", "2023-03-19", "nanda-bahadur-pun"),
    ("the Nepalese vice president", "2023-03-20", "ram-sahaya-yadav"),
    ("the Nepali finance minister", "2024-03-06", "barshaman-pun"),
    ("the Nepali finance minister", "2024-07-15", "bishnu-prasad-paudel"),
    ("Nepal's home minister", "2024-03-06", "rabi-lamichhane"),
    ("Nepal's home minister", "2025-09-07", "ramesh-lekhak"),
    ("the Nepali foreign minister", "2023-03-31", "np-saud"),
    ("the Afghan finance minister", "2022-01-01", "hidayatullah-badri"),
    ("the Palestinian interior minister", "2024-03-31", "ziad-hab-al-rih"),
    ("the Bangladeshi home minister", "2024-08-16", "jahangir-alam-chowdhury"),
    ("the Myanmar finance minister", "2018-05-24", "kyaw-win-finance"),
    ("the Myanmar finance minister", "2021-02-01", "win-shein"),
    ("the Myanmar defence minister", "2020-01-01", "sein-win-defence"),
    ("the Myanmar foreign minister", "2023-02-01", "than-swe"),
    ("the Pakistani finance minister", "2021-03-29", "hammad-azhar"),         # between Shaikh and Tarin
    ("the Pakistani finance minister", "2021-04-16", "shaukat-tarin"),
    ("Pakistan's national security adviser", "2021-05-17", "moeed-yusuf"),
    ("the Iraqi finance minister", "2022-08-16", "ihsan-abdul-jabbar"),       # acting, after Allawi
    ("the Iraqi finance minister", "2022-10-27", "taif-sami"),
    ("the Yemeni finance minister", "2021-01-01", "salem-bin-breik"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- cabinet ministers at both ends

@pytest.mark.parametrize("name,last_day,end,country", [
    ("Adel Fakeih", "2017-11-03", "2017-11-04", "SAU"),
    ("Mutaib bin Abdullah", "2017-11-03", "2017-11-04", "SAU"),
    ("Mohammed Saleh Al-Sada", "2018-11-05", "2018-11-06", "QAT"),
    ("Ghassan Hasbani", "2020-01-20", "2020-01-21", "LBN"),               # Hariri II and III
    ("Marie-Claude Najm", "2021-09-09", "2021-09-10", "LBN"),             # Diab
    ("George Kordahi", "2021-12-02", "2021-12-03", "LBN"),                # resigned
    ("Firass Abiad", "2025-02-07", "2025-02-08", "LBN"),                  # Mikati III
    ("Jabbar al-Luaibi", "2018-10-24", "2018-10-25", "IRQ"),
    ("Ashti Hawrami", "2019-07-09", "2019-07-10", "IRQ"),                 # Kurdistan Region
    ("Alireza Avaei", "2021-08-24", "2021-08-25", "IRN"),
    ("Hamid Sajjadi", "2024-08-20", "2024-08-21", "IRN"),
    ("Orna Barbivai", "2022-12-28", "2022-12-29", "ISR"),
    ("Shafqat Mahmood", "2022-04-09", "2022-04-10", "PAK"),
    ("Obaidul Quader", "2024-08-04", "2024-08-05", "BGD"),
    ("Pe Myint", "2021-01-31", "2021-02-01", "MMR"),
    ("Ajay Mishra Teni", "2024-06-08", "2024-06-09", "IND"),             # minister of state
    ("Saad Sherida al-Kaabi", "2024-01-01", None, "QAT"),
    ("Tarek Mitri", "2025-06-01", None, "LBN"),
    ("Nityanand Rai", "2022-01-01", None, "IND"),
    ("Bimal Rathnayake", "2025-01-01", None, "LKA"),
    ("Kamran Tessori", "2023-01-01", None, "PAK"),                        # governor
    ("Noor Mohammad Saqib", "2023-01-01", None, "AFG"),
])
def test_cabinet_ministers_at_both_ends(name: str, last_day: str, end: str | None, country: str) -> None:
    assert _who(name, last_day)[1:] == (country, "GOV")
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


# --------------------------------------------------------------------------- conventions of this round

@pytest.mark.parametrize("name,date,sector", [
    ("Hind Kabawat", "2024-06-01", "OPP"),        # opposition figure before the transitional government
    ("Hind Kabawat", "2025-06-01", "GOV"),
    ("Raed Saleh", "2020-06-01", "SOC"),          # White Helmets before the ministry
    ("Raed Saleh", "2025-06-01", "GOV"),
    ("Asif Nazrul", "2024-01-01", "EDU"),         # professor before the interim government
    ("Asif Nazrul", "2025-01-01", "GOV"),
    ("Hisham Sharaf", "2020-01-01", "REB"),       # Houthi ministers are REB, never GOV of Yemen
])
def test_sector_before_and_in_office(name: str, date: str, sector: str) -> None:
    assert _who(name, date)[2] == sector


def test_a_sri_lankan_minister_was_out_during_the_2018_crisis() -> None:
    assert _who("Rajitha Senaratne", "2018-11-15")[2] == "ELI"
    assert _who("Rajitha Senaratne", "2019-01-01")[2] == "GOV"


def test_a_houthi_minister_does_not_hold_the_state_title() -> None:
    assert resolve("the Yemeni foreign minister", "2020-01-01").actor_id != "hisham-sharaf"


def test_namesakes_in_one_cabinet_are_told_apart_by_first_name() -> None:
    assert resolve("Amir Peretz", "2020-06-01").actor_id == "amir-peretz"
    assert resolve("Rafi Peretz", "2020-06-01").actor_id == "rafi-peretz"
    assert resolve("the Israeli defence minister", "2007-01-01").actor_id == "amir-peretz"


def test_roles_added_in_place_to_existing_entries() -> None:
    assert resolve("Khalid bin Salman", "2018-01-01").role == "ambassador"
    assert resolve("Ghassan Salame", "2025-03-01").role == "minister"
    assert resolve("Mohsin Naqvi", "2023-06-01").role == "governor"          # caretaker chief minister
    assert resolve("Amir Ohana", "2020-06-01").role == "minister"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("tarek-mitri", date="2013-06-01")
    assert entry is not None and entry["on_date"]["role"] == "envoy"
