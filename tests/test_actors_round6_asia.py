"""Actors, sixth round, Asia and Oceania: breadth by category (heads of state and government, vice
presidents, foreign, defence, interior and finance ministers, central bank governors, military and
intelligence chiefs, speakers, chief justices, opposition and party leaders, cabinet ministers) for
South, South-East, East and Central Asia, Afghanistan, Australia, New Zealand and the Pacific.
Each category is checked on a sample at both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from peacetalks.actors import resolve
from peacetalks.actors.cli import app
from peacetalks.actors.kb import DATA
from peacetalks.yaml_tables import read_yaml
from actor_helpers import who as _who

ASIA = DATA / "people" / "r6_asia.yaml"
# Free-text titles this file uses on purpose (no canonical title fits; see the file's header).
FREE_TITLES = {"party secretary", "cppcc chairman", "foreign secretary", "chief executive", "acting president",
               "nug acting president", "nug prime minister", "nug foreign minister"}


# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Chinese vice president", "2018-03-16", "li-yuanchao"),                 # vice presidents
    ("the Chinese vice president", "2018-03-17", "wang-qishan"),
    ("India's vice president", "2022-08-10", "venkaiah-naidu"),
    ("India's vice president", "2022-08-11", "jagdeep-dhankhar"),
    ("China's finance minister", "2023-10-23", "liu-kun"),                       # finance ministers
    ("China's finance minister", "2023-10-24", "lan-foan"),
    ("the South Korean finance minister", "2018-12-09", "kim-dong-yeon"),
    ("the South Korean finance minister", "2018-12-10", "hong-nam-ki"),
    ("the Pakistani finance minister", "2022-09-26", "miftah-ismail"),
    ("the Pakistani finance minister", "2022-09-28", "ishaq-dar"),
    ("the Thai finance minister", "2019-07-09", "apisak-tantivorawong"),
    ("the Thai finance minister", "2019-07-10", "uttama-savanayana"),
    ("the Philippine finance minister", "2016-06-29", "cesar-purisima"),
    ("the Philippine finance minister", "2016-06-30", "carlos-dominguez-iii"),
    ("the Malaysian defence minister", "2018-05-09", "hishammuddin-hussein"),    # defence ministers
    ("the Malaysian defence minister", "2018-05-21", "mohamad-sabu"),
    ("Vietnam's defence minister", "2021-04-07", "ngo-xuan-lich"),
    ("Vietnam's defence minister", "2021-04-08", "phan-van-giang"),
    ("the New Zealand defence minister", "2017-05-01", "gerry-brownlee"),
    ("the New Zealand defence minister", "2017-05-02", "mark-mitchell-nz"),
    ("Cambodia's interior minister", "2023-08-21", "sar-kheng"),                 # interior ministers
    ("Cambodia's interior minister", "2023-08-22", "sar-sokha"),
    ("North Korea's foreign minister", "2020-01-17", "ri-yong-ho"),              # foreign ministers
    ("North Korea's foreign minister", "2020-01-18", "ri-son-gwon"),
    ("Kazakhstan's foreign minister", "2016-12-27", "erlan-idrissov"),
    ("Kazakhstan's foreign minister", "2016-12-28", "kairat-abdrakhmanov"),
    ("the Taiwanese central bank governor", "2018-02-25", "perng-fai-nan"),      # central banks
    ("the Taiwanese central bank governor", "2018-02-26", "yang-chin-long"),
    ("Indonesia's central bank governor", "2018-05-23", "agus-martowardojo"),
    ("Indonesia's central bank governor", "2018-05-24", "perry-warjiyo"),
    ("South Korea's chief justice", "2017-09-24", "yang-sung-tae"),              # chief justices
    ("South Korea's chief justice", "2017-09-25", "kim-myeong-su"),
    ("Australia's chief justice", "2023-11-05", "susan-kiefel"),
    ("Australia's chief justice", "2023-11-06", "stephen-gageler"),
    ("the Australian parliament speaker", "2022-07-25", "andrew-wallace"),       # speakers
    ("the Australian parliament speaker", "2022-07-26", "milton-dick"),
    ("the Japanese parliament speaker", "2021-10-13", "tadamori-oshima"),
    ("the Cambodian parliament speaker", "2024-06-01", "khuon-sudary"),         # not the Senate's chair
    ("Singapore's president", "2023-09-13", "halimah-yacob"),                    # heads of state
    ("Singapore's president", "2023-09-14", "tharman-shanmugaratnam"),
    ("Sri Lanka's president", "2016-01-01", "maithripala-sirisena"),
    ("the Thai king", "2020-01-01", "maha-vajiralongkorn"),
    ("Tonga's prime minister", "2021-12-26", "pohiva-tuionetoa"),               # heads of government
    ("Tonga's prime minister", "2021-12-27", "siaosi-sovaleni"),
    ("Kyrgyzstan's prime minister", "2024-12-15", "akylbek-japarov"),
    ("Kyrgyzstan's prime minister", "2024-12-16", "adylbek-kasymaliev"),
])
def test_unique_offices_by_title_country_and_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


def test_a_suspended_president_stays_the_president_while_an_acting_one_stands_in() -> None:
    assert resolve("the South Korean president", "2017-01-01").actor_id == "park-geun-hye"
    assert _who("Hwang Kyo-ahn", "2017-01-01") == ("hwang-kyo-ahn", "KOR", "GOV")


# --------------------------------------------------------------------------- sectors by name, in office and after

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Samant Goel", "2023-06-30", "2023-07-01", "IND", "SPY"),          # intelligence chiefs
    ("Mike Burgess", "2024-01-01", None, "AUS", "SPY"),
    ("Angus Campbell", "2024-07-09", "2024-07-10", "AUS", "MIL"),       # chiefs of defence / army staff
    ("Waker-uz-Zaman", "2025-01-01", None, "BGD", "MIL"),
    ("Alexander Gesmundo", "2022-01-01", None, "PHL", "JUD"),           # chief justices
    ("Tadamori Oshima", "2021-10-13", "2021-10-14", "JPN", "LEG"),      # speakers
    ("Woo Won-shik", "2025-01-01", None, "KOR", "LEG"),
    ("Perry Warjiyo", "2020-01-01", None, "IDN", "GOV"),                # central bank governor (GOV)
    ("Smriti Irani", "2024-06-08", "2024-06-09", "IND", "GOV"),         # cabinet ministers
    ("Nitin Gadkari", "2020-01-01", None, "IND", "GOV"),
    ("Ashwini Vaishnaw", "2022-01-01", None, "IND", "GOV"),
    ("Luhut Binsar Pandjaitan", "2024-10-19", "2024-10-20", "IDN", "GOV"),
    ("Sajith Premadasa", "2021-01-01", None, "LKA", "LEG"),             # seated opposition leader
    ("Jacinda Ardern", "2017-09-01", None, "NZL", "LEG"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str | None, country: str, sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Gohar Ali Khan", "2024-01-01", "PAK", "PTY"),      # party chairman before winning a seat
    ("Gohar Ali Khan", "2024-06-01", "PAK", "LEG"),
    ("Halimah Yacob", "2016-01-01", "SGP", "LEG"),       # speaker, then head of state
    ("Halimah Yacob", "2020-01-01", "SGP", "GOV"),
    ("Abdul Ghani Baradar", "2020-06-01", "AFG", "REB"),  # Taliban negotiator, then deputy prime minister
    ("Abdul Ghani Baradar", "2022-01-01", "AFG", "GOV"),
    ("Duwa Lashi La", "2022-01-01", "MMR", "OPP"),       # a rival government in exile is not the state's
    ("Karim Massimov", "2015-01-01", "KAZ", "GOV"),
    ("Karim Massimov", "2020-01-01", "KAZ", "SPY"),
])
def test_people_whose_sector_changes_with_the_post(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


def test_namesakes_are_told_apart_by_who_is_in_office() -> None:
    assert _who("David Johnston", "2014-06-01") == ("david-johnston-senator", "AUS", "GOV")
    assert _who("David Johnston", "2025-01-01") == ("david-johnston-admiral", "AUS", "MIL")


def test_a_common_surname_alone_names_nobody_new() -> None:
    # "Abbott" alone stays Texas's governor; Tony Abbott has surname: null like other shared surnames
    assert resolve("Abbott", "2014-01-01").actor_id != "tony-abbott"
    assert resolve("Tony Abbott", "2014-01-01").actor_id == "tony-abbott"


def test_cli_resolve_finds_the_holder_on_the_line_date() -> None:
    lines = [{"id": "a", "text": "the Indonesian central bank governor", "date": "2020-01-01"},
             {"id": "b", "text": "Taro Kono", "date": "2018-01-01"}]
    res = CliRunner().invoke(app, ["resolve", "-"], input="\n".join(json.dumps(x) for x in lines) + "\n")
    assert res.exit_code == 0, res.output
    out = [json.loads(x) for x in res.output.splitlines()]
    assert [(o["id"], o["actor_id"], o["sector"], o["role"]) for o in out] == [
        ("a", "perry-warjiyo", "GOV", "central bank governor"), ("b", "taro-kono", "GOV", "foreign minister")]


# --------------------------------------------------------------------------- data hygiene


def test_asia_titles_are_canonical_or_a_stated_free_text() -> None:
    titles = set(read_yaml(DATA / "titles.yaml"))
    used = {str(role[0]) for raw in read_yaml(ASIA) or [] for role in raw["roles"]}
    assert used - titles <= FREE_TITLES
