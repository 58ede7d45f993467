"""Actors, ninth round, Africa's peace processes and thinnest states: Sudan since 2019 (the Sovereign
Council, army and RSF commanders, civilian coalitions, the Juba agreement, the RSF-led parallel
government), South Sudan, Ethiopia and Eritrea, DRC-Rwanda-M23 and Burundi, Somalia's member states,
Mozambique, Cameroon, the Central African Republic, the Sahel juntas and Libya, then ministers and
speakers of the thinnest states. Each category is checked on a sample through the public resolve() API:
by title and country, and by name on dates at both ends of a role (start inclusive, end exclusive)."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Sudanese foreign minister", "2020-07-09", "omer-gamar-eldin"),        # acting, after Asma Abdalla
    ("the Sudanese foreign minister", "2021-02-08", "mariam-al-sadiq-al-mahdi"),
    ("the Burundian vice president", "2020-06-22", "gaston-sindimwo"),
    ("the Burundian vice president", "2020-06-23", "prosper-bazombanza"),
    ("the Burundian foreign minister", "2018-04-18", "alain-aime-nyamitwe"),
    ("the Burundian foreign minister", "2018-04-19", "ezechiel-nibigira"),
    ("the Burundian prime minister", "2025-08-05", "nestor-ntahontuye"),
    ("the Ethiopian defence minister", "2021-10-05", "kenea-yadeta"),
    ("the Ethiopian defence minister", "2021-10-06", "abraham-belay"),
    ("the South Sudanese speaker", "2022-01-01", "jemma-nunu-kumba"),
    ("the Guinean parliament speaker", "2020-04-21", "claude-kory-kondiano"),
    ("the Guinean parliament speaker", "2020-04-22", "amadou-damaro-camara"),
    ("the Guinean parliament speaker", "2023-01-01", "dansa-kourouma"),
    ("the Malawian finance minister", "2016-01-01", "goodall-gondwe"),
    ("the Botswana speaker", "2019-10-31", "gladys-kokorwe"),
    ("the Botswana speaker", "2019-11-01", "phandu-skelemani"),
    ("the Liberian foreign minister", "2024-06-01", "sara-beysolow-nyanti"),
    ("the Liberian finance minister", "2024-06-01", "augustine-kpehe-ngafuan"),
    ("the Gambian foreign minister", "2018-06-29", "mamadou-tangara"),
    ("the Beninese parliament speaker", "2019-05-15", "adrien-houngbedji"),
    ("the Beninese parliament speaker", "2019-05-16", "louis-vlavonou"),
    ("the Eswatini prime minister", "2021-01-01", "themba-masuku"),            # acting, after Ambrose Dlamini
    ("the Malagasy prime minister", "2025-10-20", "herintsalama-rajaonarivelo"),
    ("the Mauritian finance minister", "2020-01-01", "renganaden-padayachy"),
    ("the Angolan parliament speaker", "2022-09-16", "adao-de-almeida"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- state posts at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Siddiq Tawer", "2021-10-24", "2021-10-25", "SDN", "GOV"),                # civilians removed by the coup
    ("Aisha Musa el-Said", "2021-04-30", "2021-05-01", "SDN", "GOV"),
    ("Madani Abbas Madani", "2021-02-07", "2021-02-08", "SDN", "GOV"),
    ("Yasser al-Atta", "2024-01-01", None, "SDN", "GOV"),                      # Sovereign Council member
    ("Deng Alor Kuol", "2018-02-28", "2018-03-01", "SSD", "GOV"),
    ("Gaston Sindimwo", "2020-06-22", "2020-06-23", "BDI", "GOV"),
    ("Ali Abdullahi Osoble", "2017-08-31", "2017-09-01", "SOM", "GOV"),        # Hirshabelle
    ("Ahmed Duale Gelle Haaf", "2020-02-01", "2020-02-02", "SOM", "GOV"),      # Galmudug
    ("Fathi al-Majbari", "2021-03-14", "2021-03-15", "LBY", "GOV"),            # GNA Presidential Council
    ("Musa al-Koni", "2023-01-01", None, "LBY", "GOV"),
    ("Mohamed Takala", "2024-01-01", None, "LBY", "LEG"),                      # High Council of State
    ("Ismael Wague", "2020-10-04", None, "MLI", "MIL"),                        # junta spokesman, then minister
    ("Ismael Wague", "2020-10-05", None, "MLI", "GOV"),
    ("Amadou Abdramane", "2024-01-01", None, "NER", "MIL"),
    ("Joseph Malanji", "2021-08-23", "2021-08-24", "ZMB", "GOV"),
    ("Catherine Gotani Hara", "2020-01-01", None, "MWI", "LEG"),
    ("Dithapelo Keorapetse", "2020-01-01", None, "BWA", "LEG"),                # MP before the speakership
    ("Nthomeng Majara", "2016-01-01", None, "LSO", "JUD"),                     # chief justice, then deputy PM
    ("Nthomeng Majara", "2023-01-01", None, "LSO", "GOV"),
    ("Renganaden Padayachy", "2024-11-12", "2024-11-13", "MUS", "GOV"),
])
def test_state_posts_at_both_ends(name: str, last_day: str, end: str | None, country: str,
                                  sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


# --------------------------------------------------------------------------- armed groups and de facto authorities

@pytest.mark.parametrize("name,date,country,sector", [
    ("Abu Lulu", "2025-10-30", "SDN", "PRM"),                    # RSF commanders
    ("Algoney Hamdan Dagalo", "2024-01-01", "SDN", "PRM"),
    ("Hemedti", "2021-01-01", "SDN", "PRM"),                     # commander first, council deputy second
    ("Al-Hadi Idris", "2025-09-01", "SDN", "REB"),               # Tasis alliance
    ("Al-Hadi Idris", "2022-01-01", "SDN", "GOV"),               # Sovereign Council
    ("Ammar Amoun", "2023-01-01", "SDN", "REB"),                 # SPLM-N (al-Hilu)
    ("Simon Gatwech Dual", "2022-01-01", "SSD", "REB"),
    ("Riek Machar", "2015-01-01", "SSD", "REB"),                 # role added in place
    ("Riek Machar", "2021-01-01", "SSD", "GOV"),
    ("Odaa Tarbii", "2023-05-01", "ETH", "REB"),                 # OLA
    ("Zemene Kassie", "2024-01-01", "ETH", "REB"),               # Fano
    ("Benjamin Mbonimpa", "2025-07-19", "COD", "REB"),           # M23 at Doha
    ("Joseph Bahati Musanga", "2025-06-01", "COD", "REB"),       # AFC/M23-appointed governor
    ("Mariano Nhongo", "2020-06-01", "MOZ", "REB"),
    ("Ebenezer Akwanga", "2019-01-01", "CMR", "REB"),
    ("Francois Bozize", "2022-01-01", "CAF", "REB"),             # CPC coordinator after the presidency
    ("Mahamat Mahdi Ali", "2021-04-20", "TCD", "REB"),            # FACT
    ("Abukar Ali Adan", "2020-01-01", "SOM", "REB"),             # al-Shabaab
    ("Osama Juwaili", "2020-01-01", "LBY", "MIL"),
])
def test_non_state_actors(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


def test_the_rsf_parallel_government_never_holds_the_state_titles() -> None:
    assert resolve("the Sudanese prime minister", "2025-10-01").actor_id == "kamil-idris"
    taishi = resolve("Mohamed Hassan al-Taishi", "2025-10-01")
    assert (taishi.country, taishi.sector, taishi.role) == ("SDN", "REB", "rival prime minister")
    assert _who("Mohamed Hassan al-Taishi", "2020-01-01")[1:] == ("SDN", "GOV")   # Sovereign Council


def test_regional_presidents_are_not_the_somali_head_of_state() -> None:
    assert resolve("the Somali president", "2021-01-01").actor_id == "mohamed-abdullahi-farmaajo"
    assert _who("Ali Gudlawe Hussein", "2021-01-01") == ("ali-gudlawe-hussein", "SOM", "GOV")


def test_mission_heads_belong_to_the_un() -> None:
    assert resolve("Valentine Rugwabiza", "2023-01-01").role == "envoy"
    assert resolve("Mankeur Ndiaye", "2020-01-01").role == "envoy"       # role added in place


def test_civilian_coalition_leader_is_opposition_after_office() -> None:
    assert _who("Abdalla Hamdok", "2021-01-01")[1:] == ("SDN", "GOV")
    assert _who("Abdalla Hamdok", "2024-06-01")[1:] == ("SDN", "OPP")     # Taqaddum, then Sumud


def test_shared_surnames_name_nobody_wrongly() -> None:
    assert resolve("Sako", "2020-01-01").actor_id != "samuel-ikome-sako"
    assert resolve("Suleiman", "2020-01-01").actor_id != "mohamed-al-faki-suleiman"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("themba-masuku", date="2021-01-01")
    assert entry is not None and entry["on_date"]["role"] == "prime minister"
