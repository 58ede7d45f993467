"""Actors, eighth round, East and South-East Asia and Oceania: the layer below the sixth and seventh rounds
(cabinet ministers of every portfolio, ministers of state, presidential secretaries-general and spokespeople,
shadow ministers and opposition MPs) of Taiwan, China, Japan, South Korea, North Korea, Indonesia, Vietnam,
Thailand, the Philippines, Malaysia, Singapore, Cambodia, Laos, Australia, New Zealand, Papua New Guinea and
Fiji. Each category is checked on a sample through the public resolve() and show() API, by title and country
and by name, on dates at both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who


# --------------------------------------------------------------------------- unique offices by title

@pytest.mark.parametrize("text,date,expected", [
    ("Taiwan's national security adviser", "2024-05-19", "wellington-koo"),     # role added in place
    ("Taiwan's national security adviser", "2024-05-20", "joseph-wu"),
    ("the Taiwanese interior minister", "2016-05-20", "yeh-jiunn-rong"),
    ("the Taiwanese interior minister", "2018-07-16", "hsu-kuo-yung"),
    ("the Taiwanese chief of staff", "2024-05-20", "pan-men-an"),              # Presidential Office SG
    ("Fiji's finance minister", "2022-12-23", "aiyaz-sayed-khaiyum"),
    ("Fiji's finance minister", "2022-12-24", "biman-prasad"),
    ("the Lao defence minister", "2020-01-01", "chansamone-chanyalath"),
    ("Papua New Guinea's foreign minister", "2019-05-31", "rimbink-pato"),
    ("the Australian prime minister", "2013-06-27", "kevin-rudd"),
    ("the Australian prime minister", "2013-06-26", "julia-gillard"),
    ("the Japanese prime minister", "2007-09-25", "shinzo-abe"),             # first term added in place
    ("the Japanese prime minister", "2007-09-26", "yasuo-fukuda"),
    ("the Japanese prime minister", "2009-09-15", "taro-aso"),
    ("the North Korean leader", "2011-12-16", "kim-jong-il"),
    ("the Chinese president", "2013-03-13", "hu-jintao"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Chen Shih-chung", "2022-06-30", "2022-07-01", "TWN", "GOV"),       # health minister
    ("Ho Pei-shan", "2024-10-31", "2024-11-01", "TWN", "GOV"),           # labour minister
    ("Zhong Shan", "2020-12-25", "2020-12-26", "CHN", "GOV"),            # commerce minister
    ("Fu Zhenghua", "2020-04-28", "2020-04-29", "CHN", "GOV"),           # justice minister
    ("Masako Mori", "2020-09-15", "2020-09-16", "JPN", "GOV"),           # justice minister
    ("Isshu Sugawara", "2019-10-24", "2019-10-25", "JPN", "GOV"),
    ("Lee Chang-yang", "2023-11-30", "2023-12-01", "KOR", "GOV"),        # trade and industry (month)
    ("Johnny G. Plate", "2023-05-16", "2023-05-17", "IDN", "GOV"),
    ("Nadiem Makarim", "2024-10-19", "2024-10-20", "IDN", "GOV"),        # an earlier round's entry, same cabinet end
    ("Muhadjir Effendy", "2024-10-19", "2024-10-20", "IDN", "GOV"),
    ("Truong Minh Tuan", "2018-06-30", "2018-07-01", "VNM", "GOV"),
    ("Chalermchai Sri-on", "2023-08-31", "2023-09-01", "THA", "GOV"),
    ("Susan Ople", "2023-08-21", "2023-08-22", "PHL", "GOV"),
    ("Teresa Kok", "2020-02-23", "2020-02-24", "MYS", "GOV"),
    ("S. Iswaran", "2024-01-17", "2024-01-18", "SGP", "GOV"),
    ("Kelly O'Dwyer", "2019-05-28", "2019-05-29", "AUS", "GOV"),
    ("Fiona Nash", "2017-10-26", "2017-10-27", "AUS", "GOV"),
    ("Stuart Nash", "2023-03-27", "2023-03-28", "NZL", "GOV"),
    ("Kiri Allan", "2023-07-23", "2023-07-24", "NZL", "GOV"),
    ("Park Soon-ae", "2022-08-07", "2022-08-08", "KOR", "GOV"),       # education minister
    ("Kim Eui-kyeom", "2019-03-28", "2019-03-29", "KOR", "GOV"),      # presidential spokesperson
    ("Judy Taguiwalo", "2017-08-15", "2017-08-16", "PHL", "GOV"),     # rejected by the Commission on Appointments
    ("Salleh Said Keruak", "2018-05-09", "2018-05-10", "MYS", "GOV"),
    ("Julia Gillard", "2013-06-26", "2013-06-27", "AUS", "GOV"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str, country: str, sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Michaelia Cash", "2022-05-22", "AUS", "GOV"),       # minister, then a senator on the opposition benches
    ("Michaelia Cash", "2022-05-23", "AUS", "LEG"),
    ("Angus Taylor", "2024-01-01", "AUS", "LEG"),         # shadow treasurer: lawmaker role added in place
    ("David Littleproud", "2023-01-01", "AUS", "LEG"),    # Nationals leader in opposition
    ("Brendan O'Connor", "2023-01-01", "AUS", "GOV"),
    ("Brendan O'Connor", "2025-06-01", "AUS", "ELI"),     # retired at the 2025 election
    ("Shane Jones", "2022-01-01", "NZL", "ELI"),          # out of parliament 2020-2023
    ("Shane Jones", "2024-01-01", "NZL", "GOV"),
    ("Thamanat Prompow", "2022-01-01", "THA", "LEG"),     # sacked deputy minister who kept his seat
    ("Jamus Lim", "2024-01-01", "SGP", "LEG"),
    ("Kim Yong-chol", "2015-01-01", "PRK", "SPY"),        # reconnaissance bureau chief
    ("Kim Yong-chol", "2018-06-01", "PRK", "GOV"),        # negotiator with the US
    ("Hiroshi Hase", "2023-01-01", "JPN", "GOV"),         # governor of Ishikawa after the cabinet
    ("Ko Min-jung", "2021-01-01", "KOR", "LEG"),          # spokesperson, then a lawmaker
    ("Kevin Rudd", "2024-01-01", "AUS", "GOV"),           # ambassador in Washington
    ("Kevin Rudd", "2016-01-01", "AUS", "ELI"),
    ("Jacqui Lambie", "2018-06-01", "AUS", "ELI"),        # between her two Senate terms
    ("Jacqui Lambie", "2020-01-01", "AUS", "LEG"),
    ("Chen Chu", "2019-01-01", "TWN", "GOV"),             # Presidential Office secretary-general
    ("Thanathorn Juangroongruangkit", "2019-01-01", "THA", "PTY"),
    ("Thanathorn Juangroongruangkit", "2021-01-01", "THA", "OPP"),   # after his party was dissolved
    ("Kazuo Shii", "2025-01-01", "JPN", "LEG"),           # party chair until 2024, still in the Diet
    ("Takuya Hirai", "2021-01-01", "JPN", "GOV"),         # digital minister
])
def test_people_on_a_date(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- names and roles

def test_other_names_of_the_same_person() -> None:
    assert resolve("Karen Kuo", "2025-01-01").actor_id == "kuo-ya-hui"
    assert resolve("Cak Imin", "2025-01-01").actor_id == "muhaimin-iskandar"
    assert resolve("Đào Ngọc Dung", "2020-01-01").actor_id == "dao-ngoc-dung"   # accents by the name skeleton
    assert resolve("Abdullah Badawi", "2020-01-01").actor_id == "abdullah-ahmad-badawi"   # not Jordan's king


def test_roles_added_in_place_to_existing_entries() -> None:
    assert show("yoko-kamikawa", date="2018-01-01")["on_date"]["role"] == "minister"   # justice minister
    assert show("sara-duterte", date="2023-01-01")["on_date"]["role"] == "vice president"   # main role first
    assert _who("Muhammad Herindra", "2022-01-01") == ("muhammad-herindra", "IDN", "GOV")  # deputy defence minister


def test_a_common_surname_names_nobody_alone() -> None:
    # "Lee", "Price", "Ahmad" alone are too common (or a patronymic) to be these ministers
    assert resolve("Desmond Lee", "2024-01-01").actor_id == "desmond-lee"
    assert resolve("Price", "2020-01-01").actor_id not in ("melissa-price", "jacinta-nampijinpa-price")
    assert resolve("Ahmad", "2024-01-01").actor_id is None


def test_a_given_name_written_last_is_not_a_surname() -> None:
    # East Asian names put the family name first: the last word alone names nobody
    assert resolve("Wentao", "2022-01-01").actor_id is None
    assert resolve("Wang Wentao", "2022-01-01").actor_id == "wang-wentao"
