"""Actors, seventh round, Africa and the Middle East: the categories the sixth round left (Nigerian state
governors, other cabinet ministers of Nigeria, South Africa, Kenya and Egypt, heads of the African regional
bodies, Burkinabe and South Sudanese defence ministers, Iranian and Israeli commanders, Gulf and Jordanian
speakers, army chiefs and central bank governors). Each category is checked on a sample through the public
resolve() API, by title and country or organisation and by name, on dates at both ends of a role (start
inclusive, end exclusive)."""

from __future__ import annotations


import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- unique offices by title and place

@pytest.mark.parametrize("text,date,expected", [
    ("the ECOWAS Commission president", "2022-07-14", "jean-claude-kassi-brou"),
    ("the ECOWAS Commission president", "2022-07-15", "omar-alieu-touray"),
    ("the AfDB president", "2025-08-31", "akinwumi-adesina"),
    ("the AfDB president", "2025-09-01", "sidi-ould-tah"),
    ("the AfDB president", "2015-08-31", "donald-kaberuka"),
    ("IGAD secretary general", "2019-11-28", "mahboub-maalim"),
    ("IGAD secretary general", "2019-11-29", "workneh-gebeyehu"),
    ("SADC secretary general", "2021-08-31", "stergomena-tax"),
    ("SADC secretary general", "2021-09-01", "elias-magosi"),
    ("EAC secretary general", "2016-04-25", "richard-sezibera"),
    ("EAC secretary general", "2016-04-26", "liberat-mfumukeko"),
    ("the Kenyan defence minister", "2020-01-14", "eugene-wamalwa"),
    ("the Kenyan defence minister", "2022-10-27", "aden-duale"),
    ("the Burkinabe defence minister", "2024-12-07", "kassoum-coulibaly"),
    ("the Burkinabe defence minister", "2024-12-08", "celestin-simpore"),
    ("the South Sudanese defence minister", "2023-03-02", "angelina-teny"),
    ("the South Sudanese defence minister", "2023-03-03", "chol-thon-balok"),
    ("the Saudi central bank governor", "2016-05-06", "fahad-al-mubarak"),
    ("the Saudi central bank governor", "2016-05-07", "ahmed-al-kholifey"),
    ("the Saudi central bank governor", "2021-02-01", "fahad-al-mubarak"),
    ("the Syrian central bank governor", "2025-04-01", "abdulkader-husrieh"),
    ("the Qatari speaker", "2021-10-25", "ahmed-bin-abdullah-al-mahmoud"),
    ("the Qatari speaker", "2021-10-26", "hassan-bin-abdullah-al-ghanim"),
    ("the Omani speaker", "2020-01-01", "khalid-al-maawali"),
    ("the Nigerian central bank governor", "2006-01-01", "charles-soludo"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Godwin Obaseki", "2024-11-11", "2024-11-12", "NGA", "GOV"),       # governor (off-cycle term)
    ("Rotimi Akeredolu", "2023-12-26", "2023-12-27", "NGA", "GOV"),
    ("Emeka Ihedioha", "2020-01-14", "2020-01-15", "NGA", "GOV"),
    ("Willie Obiano", "2022-03-16", "2022-03-17", "NGA", "GOV"),
    ("Lai Mohammed", "2023-05-28", "2023-05-29", "NGA", "GOV"),         # cabinet minister
    ("Betta Edu", "2024-01-07", "2024-01-08", "NGA", "GOV"),
    ("Zweli Mkhize", "2021-08-04", "2021-08-05", "ZAF", "GOV"),
    ("Nathi Mthethwa", "2023-03-05", "2023-03-06", "ZAF", "GOV"),
    ("George Magoha", "2022-10-26", "2022-10-27", "KEN", "GOV"),
    ("Tarek el-Molla", "2024-07-02", "2024-07-03", "EGY", "GOV"),
    ("Amir Ali Hajizadeh", "2025-06-12", "2025-06-13", "IRN", "MIL"),  # IRGC aerospace commander
    ("Mohammad Reza Naqdi", "2016-06-30", "2016-07-01", "IRN", "MIL"),
    ("Amikam Norkin", "2022-04-03", "2022-04-04", "ISR", "MIL"),
    ("Mahmoud Freihat", "2019-06-30", "2019-07-01", "JOR", "MIL"),
    ("Alireza Tangsiri", "2024-01-01", None, "IRN", "MIL"),
    ("Mohammad Kazemi", "2023-01-01", None, "IRN", "SPY"),              # IRGC intelligence organisation
    ("Abdul Amir Yarallah", "2022-01-01", None, "IRQ", "MIL"),
    ("Babajide Sanwo-Olu", "2024-01-01", None, "NGA", "GOV"),
    ("Gwede Mantashe", "2020-01-01", None, "ZAF", "GOV"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str | None, country: str,
                                     sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


# --------------------------------------------------------------------------- conventions of this round

@pytest.mark.parametrize("name,date,role", [
    ("Nyesom Wike", "2020-01-01", "governor"),
    ("Nyesom Wike", "2023-08-21", "minister"),
    ("Godswill Akpabio", "2012-01-01", "governor"),
    ("Godswill Akpabio", "2017-01-01", "lawmaker"),
    ("Godswill Akpabio", "2020-01-01", "minister"),
    ("Godswill Akpabio", "2024-01-01", "senate president"),
])
def test_every_role_of_a_person_is_dated(name: str, date: str, role: str) -> None:
    assert resolve(name, date).role == role


def test_the_head_of_a_regional_body_is_igo_in_office_and_eli_after() -> None:
    assert _who("Akinwumi Adesina", "2020-01-01") == ("akinwumi-adesina", "IGO", "GOV")
    assert _who("Akinwumi Adesina", "2025-09-01") == ("akinwumi-adesina", "NGA", "ELI")
    assert _who("Nkosazana Dlamini-Zuma", "2015-01-01") == ("nkosazana-dlamini-zuma", "IGO", "GOV")
    assert _who("Nkosazana Dlamini-Zuma", "2020-01-01") == ("nkosazana-dlamini-zuma", "ZAF", "GOV")


def test_a_hyphenated_surname_does_not_take_the_other_half() -> None:
    assert resolve("Zuma", "2015-01-01").actor_id == "jacob-zuma"
    assert resolve("Dlamini-Zuma", "2015-01-01").actor_id == "nkosazana-dlamini-zuma"


def test_a_common_word_surname_names_nobody_alone() -> None:
    assert resolve("Edu", "2024-01-01").actor_id is None
    assert resolve("Tau", "2024-01-01").actor_id is None
    assert resolve("Parks Tau", "2024-01-01").actor_id == "parks-tau"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("charles-soludo", date="2006-01-01")
    assert entry is not None and entry["on_date"]["role"] == "central bank governor"


# --------------------------------------------------------------------------- data hygiene

