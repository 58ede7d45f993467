"""Actors, seventh round: officials of international organisations and people of armed groups. Each category
is checked on a sample through the public resolve() API: unique posts by title and body on dates at both ends
of a term (start inclusive, end exclusive), people by name (the body's code while in office, ELI of their own
country after), and armed-group people by the sector of their group."""

from __future__ import annotations


import pytest

from peacetalks.actors import resolve, show
from peacetalks.actors.kb import DATA
from peacetalks.yaml_tables import read_yaml
from actor_helpers import who as _who

ROUND7 = DATA / "people" / "r7_igo.yaml"


# --------------------------------------------------------------------------- unique posts by title and body

@pytest.mark.parametrize("text,date,expected", [
    ("the OSCE secretary general", "2017-06-30", "lamberto-zannier"),
    ("the OSCE secretary general", "2017-07-18", "thomas-greminger"),
    ("the ICJ president", "2018-02-05", "ronny-abraham"),
    ("the ICJ president", "2018-02-06", "abdulqawi-yusuf"),
    ("the ICJ president", "2025-06-01", "iwasawa-yuji"),
    ("the president of the International Court of Justice", "2024-06-01", "nawaf-salam"),
    ("the ICC president", "2018-03-10", "silvia-fernandez-de-gurmendi"),
    ("the ICC president", "2018-03-11", "chile-eboe-osuji"),
    ("the ICC president", "2024-03-11", "tomoko-akane"),
    ("the OIC secretary general", "2016-10-31", "iyad-madani"),
    ("the OIC secretary general", "2016-11-01", "yousef-al-othaimeen"),
    ("the Arab League secretary general", "2015-01-01", "nabil-elaraby"),
    ("the UN General Assembly president", "2016-09-12", "mogens-lykketoft"),
    ("the UN General Assembly president", "2016-09-13", "peter-thomson"),
    ("the UN General Assembly president", "2021-12-01", "abdulla-shahid"),      # in place: a minister too
    ("the UNESCO director-general", "2017-11-14", "irina-bokova"),
    ("the UNESCO director-general", "2017-11-15", "audrey-azoulay"),
    ("the IMO secretary general", "2023-12-31", "kitack-lim"),
    ("the IMO secretary general", "2024-01-01", "arsenio-dominguez"),
    ("the CARICOM secretary general", "2021-08-15", "carla-barnett"),
    ("the Commonwealth secretary general", "2020-01-01", "patricia-scotland"),
    ("the EEAS secretary general", "2022-01-01", "stefano-sannino"),
])
def test_unique_posts_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- officials by name at both ends

@pytest.mark.parametrize("name,last_day,end,code,sector,country_after", [
    ("Jan Eliasson", "2016-12-31", "2017-01-01", "UNO", "GOV", "SWE"),        # deputy secretary-general
    ("Herve Ladsous", "2017-03-31", "2017-04-01", "UNO", "GOV", "FRA"),       # under-secretary-general
    ("Zeid Ra'ad Al Hussein", "2018-08-31", "2018-09-01", "UNO", "GOV", "JOR"),
    ("Lakhdar Brahimi", "2014-05-31", "2014-06-01", "UNO", "GOV", "DZA"),     # Syria envoy
    ("Martin Kobler", "2017-06-21", "2017-06-22", "UNO", "GOV", "DEU"),       # Libya
    ("Volker Perthes", "2023-09-13", "2023-09-14", "UNO", "GOV", "DEU"),      # Sudan
    ("Tor Wennesland", "2024-12-31", "2025-01-01", "UNO", "GOV", "NOR"),      # Middle East peace
    ("Horst Koehler", "2019-05-21", "2019-05-22", "UNO", "GOV", "DEU"),       # Western Sahara
    ("Stefano Del Col", "2022-02-27", "2022-02-28", "UNO", "MIL", "ITA"),     # UNIFIL force commander
    ("Philip Breedlove", "2016-05-03", "2016-05-04", "IGO", "MIL", "USA"),    # SACEUR
    ("Rose Gottemoeller", "2019-10-16", "2019-10-17", "IGO", "GOV", "USA"),   # NATO deputy
    ("Thomas Greminger", "2020-07-18", "2020-07-19", "IGO", "GOV", "CHE"),
    ("Angel Gurria", "2021-05-31", "2021-06-01", "IGO", "GOV", "MEX"),        # OECD
    ("Chile Eboe-Osuji", "2021-03-10", "2021-03-11", "IGO", "JUD", "NGA"),
    ("Kirill Gevorgian", "2024-02-05", "2024-02-06", "UNO", "JUD", "RUS"),    # ICJ judge
])
def test_officials_at_both_ends(name: str, last_day: str, end: str, code: str, sector: str,
                                country_after: str) -> None:
    assert _who(name, last_day)[1:] == (code, sector)
    assert _who(name, end)[1:] == (country_after, "ELI")


def test_roles_added_in_place_to_people_of_other_files() -> None:
    assert _who("Sigrid Kaag", "2024-06-01")[1:] == ("UNO", "GOV")         # Gaza coordinator after office
    assert _who("Sigrid Kaag", "2023-06-01")[1:] == ("NLD", "GOV")
    assert _who("Agustin Carstens", "2020-01-01")[1:] == ("IGO", "GOV")    # BIS, after Banxico
    assert _who("Agustin Carstens", "2015-01-01")[1:] == ("MEX", "GOV")
    assert _who("Sam Kutesa", "2015-01-01")[1:] == ("UNO", "LEG")          # General Assembly president
    assert _who("Sam Kutesa", "2016-01-01")[1:] == ("UGA", "GOV")
    assert resolve("NATO Military Committee chairman", "2025-06-01").country == "IGO"
    entry = show("kristalina-georgieva", date="2018-01-01")
    assert entry is not None and entry["on_date"]["role"] == "chairman"    # World Bank CEO before the IMF


def test_spokespeople_without_dates_keep_their_body() -> None:
    assert _who("Stephane Dujarric", "2024-01-01") == ("stephane-dujarric", "UNO", "GOV")
    assert _who("Ravina Shamdasani", "2024-01-01") == ("ravina-shamdasani", "UNO", "GOV")
    assert _who("Tarik Jasarevic", "2020-04-01") == ("tarik-jasarevic", "UNO", "MED")   # WHO


# --------------------------------------------------------------------------- armed groups

@pytest.mark.parametrize("name,date,country,sector", [
    ("Abu Bakr al-Baghdadi", "2015-01-01", "IRQ", "REB"),
    ("Ayman al-Zawahiri", "2020-01-01", "EGY", "REB"),
    ("Abu Mahdi al-Muhandis", "2019-01-01", "IRQ", "PRM"),
    ("Qais al-Khazali", "2024-01-01", "IRQ", "PRM"),
    ("Khalid Batarfi", "2022-01-01", "YEM", "REB"),          # a Saudi leading AQAP: the role is Yemeni
    ("Ahmed al-Mismari", "2020-01-01", "LBY", "MIL"),
    ("Abdelmalek Droukdel", "2019-01-01", "DZA", "REB"),
    ("Ali Dhere", "2023-01-01", "SOM", "REB"),
    ("Lawrence Kanyuka", "2025-02-01", "COD", "REB"),
    ("Abdelrahim Dagalo", "2024-01-01", "SDN", "PRM"),
    ("Twan Mrat Naing", "2024-01-01", "MMR", "REB"),
    ("Timochenko", "2016-01-01", "COL", "REB"),
    ("Timochenko", "2020-01-01", "COL", "PTY"),           # party leader after the peace deal
    ("Ivan Mordisco", "2024-01-01", "COL", "REB"),
    ("El Chapo", "2016-01-01", "MEX", "CRM"),
    ("El Mencho", "2023-01-01", "MEX", "CRM"),
    ("Noor Wali Mehsud", "2023-01-01", "PAK", "REB"),
    ("Hashem Safieddine", "2024-09-30", "LBN", "REB"),
    ("Abu Obeida", "2023-11-01", "PSE", "REB"),
    ("Dmitry Utkin", "2023-01-01", "RUS", "PRM"),
])
def test_armed_group_people(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


def test_an_insurgent_leader_is_not_the_countrys_leader() -> None:
    """Armed-group heads carry `rebel leader`, never a country's unique `leader` title."""
    assert _who("Akhtar Mansour", "2016-01-01")[1:] == ("AFG", "REB")
    assert show("akhtar-mansour", date="2016-01-01")["on_date"]["role"] == "rebel leader"
    assert resolve("the Afghan leader", "2016-01-01").actor_id != "akhtar-mansour"


# --------------------------------------------------------------------------- data hygiene


def test_every_role_names_a_known_body_or_code() -> None:
    slugs = {raw["id"] for path in DATA.glob("organisations*.yaml") for raw in read_yaml(path) or []}
    for raw in read_yaml(ROUND7) or []:
        for role in raw.get("roles") or []:
            where = role[4] if len(role) > 4 else None
            assert where is None or where.isupper() or where in slugs, (raw["id"], where)
