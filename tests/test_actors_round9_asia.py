"""Actors, ninth round, Asia and the Pacific: the people of the peace processes and conflicts 2014 to today
(Myanmar's junta and the National Unity Government, ethnic armed organisations, ASEAN envoys; the Taliban, the
Republic's last officials and both Doha delegations, the National Resistance Front; the Bangsamoro, MILF,
CPP-NPA-NDF and the government's peace panels; Thailand's southern dialogue), Hong Kong and Macau secretaries,
and the cabinets of the thinnest states (Nepal, Bhutan, the Maldives, Brunei, Timor-Leste, Laos, Cambodia, Sri
Lanka, Papua New Guinea and Bougainville, the Pacific island states). Checked through the public resolve() and
show() API: unique offices by title and country on dates at both ends of a role (start inclusive, end
exclusive), people by name on dates in and after office, and the codes of de facto authorities and armed groups."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from peacetalks.actors.kb import DATA
from peacetalks.yaml_tables import read_yaml
from actor_helpers import who as _who


# --------------------------------------------------------------------------- unique offices by title

@pytest.mark.parametrize("text,date,expected", [
    ("Myanmar's defence minister", "2021-02-01", "mya-tun-oo"),           # the junta's, from the coup
    ("Myanmar's defence minister", "2024-07-31", "mya-tun-oo"),
    ("Myanmar's defence minister", "2024-08-01", "maung-maung-aye"),
    ("the Myanmar prime minister", "2025-07-31", "nyo-saw"),              # after the SAC was dissolved
    ("Myanmar's chief justice", "2016-03-30", "tun-tun-oo"),
    ("the Afghan interior minister", "2021-03-19", "massoud-andarabi"),
    ("the Afghan interior minister", "2021-03-20", "hayatullah-hayat"),
    ("the Afghan interior minister", "2021-06-19", "abdul-sattar-mirzakwal"),
    ("the Afghan foreign minister", "2015-01-29", "salahuddin-rabbani"),
    ("the Afghan defence minister", "2018-12-23", "asadullah-khalid"),
    ("Nepal's chief justice", "2016-07-11", "sushila-karki"),             # role added in place
    ("Nepal's speaker", "2023-01-19", "dev-raj-ghimire"),
    ("Nepal's finance minister", "2025-09-15", "rameshwor-khanal"),
    ("Bhutan's finance minister", "2024-01-27", "namgay-tshering"),
    ("the Maldivian foreign minister", "2016-07-18", "dunya-maumoon"),
    ("the Maldivian foreign minister", "2016-07-19", "mohamed-asim"),
    ("Timor-Leste's foreign minister", "2023-06-30", "adaljiza-magno"),
    ("Timor-Leste's foreign minister", "2023-07-01", "bendito-dos-santos-freitas"),
    ("the Solomon Islands foreign minister", "2020-01-01", "jeremiah-manele"),   # role added in place
    ("Tuvalu's foreign minister", "2019-09-18", "taukelina-finikaso"),
    ("Tuvalu's foreign minister", "2019-09-19", "simon-kofe"),
    ("the Marshall Islands president", "2016-01-11", "casten-nemra"),
    ("the Lao finance minister", "2021-03-21", "somdy-duangdy"),
    ("the South Korean national security adviser", "2024-06-01", "chang-ho-jin"),   # the 2024 gap
    ("the South Korean national security adviser", "2024-09-06", "shin-won-sik"),
    ("Nepal's speaker", "2018-03-09", "onsari-gharti-magar"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Abdul Sattar Mirzakwal", "2021-08-14", "2021-08-15", "AFG", "GOV"),   # the Republic fell
    ("Ahmad Zia Saraj", "2021-08-14", "2021-08-15", "AFG", "SPY"),
    ("Fazl Hadi Muslimyar", "2021-08-14", "2021-08-15", "AFG", "LEG"),
    ("Khalid Payenda", "2021-08-09", "2021-08-10", "AFG", "GOV"),
    ("Abdul Baqi Haqqani", "2022-10-17", "2022-10-18", "AFG", "GOV"),
    ("Frank Chan Fan", "2022-06-30", "2022-07-01", "CHN", "GOV"),           # Hong Kong secretary
    ("Wong Sio Chak", "2024-12-19", "2024-12-20", "CHN", "GOV"),            # Macau secretary
    ("Men Sam An", "2023-08-21", "2023-08-22", "KHM", "GOV"),
    ("Kamal Gunaratne", "2024-09-23", "2024-09-24", "LKA", "GOV"),
    ("John Momis", "2020-09-24", "2020-09-25", "PNG", "GOV"),               # Bougainville
    ("Dev Raj Ghimire", "2025-09-11", "2025-09-12", "NPL", "LEG"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str, country: str, sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Anas Haqqani", "2020-10-01", "AFG", "REB"),          # Taliban negotiator in Doha
    ("Shahabuddin Delawar", "2021-01-01", "AFG", "REB"),
    ("Shahabuddin Delawar", "2022-01-01", "AFG", "GOV"),   # a minister of the Taliban government
    ("Nader Nadery", "2021-01-01", "AFG", "GOV"),          # the Republic's negotiator
    ("Ahmad Massoud", "2023-01-01", "AFG", "REB"),         # National Resistance Front
    ("Yee Mon", "2023-01-01", "MMR", "OPP"),               # NUG defence minister
    ("Win Myat Aye", "2022-01-01", "MMR", "OPP"),          # NLD minister, then NUG: role added in place
    ("Kyaw Moe Tun", "2020-12-01", "MMR", "GOV"),
    ("Kyaw Moe Tun", "2022-01-01", "MMR", "OPP"),
    ("Peng Daxun", "2024-01-01", "MMR", "REB"),
    ("Tin Aung San", "2024-01-01", "MMR", "GOV"),
    ("Murad Ebrahim", "2015-01-01", "PHL", "REB"),         # MILF chairman
    ("Murad Ebrahim", "2020-01-01", "PHL", "GOV"),         # Bangsamoro chief minister
    ("Murad Ebrahim", "2025-06-01", "PHL", "PTY"),
    ("Sammy Gambar", "2025-06-01", "PHL", "GOV"),          # Macacua's nom de guerre
    ("Fidel Agcaoili", "2018-01-01", "PHL", "REB"),        # NDFP panel chair
    ("Teresita Quintos Deles", "2015-01-01", "PHL", "GOV"),
    ("Hipni Mareh", "2022-01-01", "THA", "REB"),           # BRN delegation head
    ("Wanlop Rugsanaoh", "2021-01-01", "THA", "GOV"),
    ("Andrew Leung", "2020-01-01", "CHN", "LEG"),          # Legislative Council president
    ("Ishmael Toroama", "2022-01-01", "PNG", "GOV"),
    ("Mu Sochua", "2022-01-01", "KHM", "OPP"),
    ("Bilal Karimi", "2024-06-01", "AFG", "GOV"),          # Taliban spokesman, then ambassador in Beijing
    ("Thuingaleng Muivah", "2020-01-01", "IND", "REB"),
    ("Egianus Kogoya", "2023-06-01", "IDN", "REB"),
])
def test_people_on_a_date(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- codes of rival authorities

def test_the_nug_does_not_hold_the_states_titles() -> None:
    # NUG ministers are `minister` with OPP, so the state's unique titles stay the junta's
    assert resolve("Myanmar's defence minister", "2023-01-01").actor_id == "mya-tun-oo"
    assert show("yee-mon", date="2023-01-01")["on_date"]["role"] == "minister"


def test_a_regional_head_is_not_the_head_of_state() -> None:
    # Bougainville's and the Bangsamoro's heads carry regional titles: PNG's and the Philippines' stay national
    assert resolve("the Papua New Guinea prime minister", "2022-01-01").actor_id == "james-marape"
    assert resolve("the Philippine president", "2020-01-01").actor_id == "rodrigo-duterte"


def test_roles_added_in_place_to_existing_entries() -> None:
    assert show("soe-win-mmr", date="2022-01-01")["on_date"]["role"] == "commander"   # main role first
    assert show("prak-sokhonn", date="2022-06-01")["on_date"]["role"] == "foreign minister"
    assert resolve("Jeremiah Manele", "2020-01-01").sector == "GOV"
    assert _who("Sushila Karki", "2017-01-01") == ("sushila-karki", "NPL", "JUD")


def test_asean_envoys_name_the_body() -> None:
    assert _who("Alounkeo Kittikhoun", "2024-06-01")[0] == "alounkeo-kittikhoun"
    assert show("othman-hashim", date="2025-06-01")["on_date"]["role"] == "envoy"


# --------------------------------------------------------------------------- data hygiene

R9 = DATA / "people" / "r9_asia.yaml"
FREE_TITLES = {"state administration council member", "election commission chairman", "chief minister",
               "legislative council president", "regional president"}


def test_titles_are_canonical_or_a_stated_free_text() -> None:
    titles = set(read_yaml(DATA / "titles.yaml"))
    used = {str(role[0]) for raw in read_yaml(R9) or [] for role in raw.get("roles") or []}
    assert used - titles <= FREE_TITLES
