"""Actors, sixth round, the Middle East (plus Russian and Ukrainian ministers and governors):
knowledge-base breadth by category for Turkey, Iran, Iraq, Syria, Lebanon, Jordan, Israel, Palestine,
the Gulf states, Yemen and Cyprus (heads of state and government, vice presidents, ministers, central
bank governors, army and intelligence chiefs, speakers, chief justices, party, opposition and rebel
leaders). Each category is checked on a sample through the public resolve() API, by name and by title +
country, on dates at both ends of a role (start inclusive, end exclusive: in office -> the post's
sector, after -> ELI); and the regional and rival posts are checked not to take the state's title."""

from __future__ import annotations


import pytest

from peacetalks.actors import resolve
from actor_helpers import who as _who



# --------------------------------------------------------------------------- titles resolved by date

@pytest.mark.parametrize("text,date,expected", [
    # heads of state and government, vice presidents
    ("the Turkish prime minister", "2016-05-23", "ahmet-davutoglu"),
    ("the Turkish prime minister", "2016-05-24", "binali-yildirim"),
    ("Turkey's vice president", "2023-06-02", "fuat-oktay"),
    ("Turkey's vice president", "2023-06-03", "cevdet-yilmaz"),
    ("the Iraqi president", "2018-10-01", "fuad-masum"),
    ("the Iraqi president", "2018-10-02", "barham-salih"),
    ("the Syrian prime minister", "2016-06-22", "imad-khamis"),
    ("the Lebanese prime minister", "2015-01-01", "tammam-salam"),
    ("Jordan's prime minister", "2018-06-14", "omar-razzaz"),
    ("the Yemeni prime minister", "2018-10-14", "ahmed-obeid-bin-daghr"),
    ("the Yemeni prime minister", "2018-10-15", "maeen-abdulmalik"),
    ("the Kuwaiti prime minister", "2024-05-15", "ahmad-abdullah-al-sabah"),
    ("the Saudi crown prince", "2016-01-01", "mohammed-bin-nayef"),
    ("the Iranian vice president", "2020-01-01", "eshaq-jahangiri"),
    # ministers
    ("the Iranian foreign minister", "2024-06-01", "ali-bagheri-kani"),     # acting after Amir-Abdollahian's death
    ("the Israeli foreign minister", "2017-01-01", "benjamin-netanyahu"),   # role added to the existing entry
    ("the Syrian foreign minister", "2024-10-01", "bassam-al-sabbagh"),
    ("the Lebanese defence minister", "2021-09-09", "zeina-akar"),
    ("the Lebanese defence minister", "2021-09-10", "maurice-slim"),
    ("the Iraqi interior minister", "2021-01-01", "othman-al-ghanmi"),
    ("the Israeli interior minister", "2022-01-01", "ayelet-shaked"),
    ("the Israeli interior minister", "2014-12-01", "gilad-erdan"),
    ("the Yemeni foreign minister", "2019-01-01", "khaled-al-yamani"),
    ("the Qatari interior minister", "2024-01-01", "khalifa-bin-hamad-bin-khalifa-al-thani"),
    ("the Iranian finance minister", "2018-08-25", "masoud-karbasian"),
    ("Saudi Arabia's finance minister", "2016-05-07", "mohammed-al-jadaan"),
    ("the Ukrainian defence minister", "2015-01-01", "stepan-poltorak"),
    ("the Ukrainian finance minister", "2015-06-01", "natalie-jaresko"),
    # money, army, parliament, courts
    ("the Lebanese central bank governor", "2023-07-30", "riad-salameh"),
    ("the Lebanese central bank governor", "2023-07-31", "wassim-mansouri"),
    ("the Israeli central bank governor", "2016-01-01", "karnit-flug"),
    ("the Turkish parliament speaker", "2020-01-01", "mustafa-sentop"),
    ("Iraq's speaker", "2017-01-01", "salim-al-jabouri"),
    ("the Iranian parliament speaker", "2019-01-01", "ali-larijani"),         # role added to the existing entry
    ("Israel's chief justice", "2017-10-25", "miriam-naor"),
    ("Israel's chief justice", "2017-10-26", "esther-hayut"),
    ("Iran's chief justice", "2020-01-01", "ebrahim-raisi"),
    ("the Russian chief justice", "2021-01-01", "valery-zorkin"),
])
def test_titles_by_country_and_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- names: in office, then ELI

@pytest.mark.parametrize("text,date,expected", [
    ("Binali Yildirim", "2018-07-08", ("binali-yildirim", "TUR", "GOV")),
    ("Binali Yildirim", "2018-07-12", ("binali-yildirim", "TUR", "LEG")),     # speaker
    ("Binali Yildirim", "2019-02-18", ("binali-yildirim", "TUR", "ELI")),
    ("Necdet Ozel", "2015-08-17", ("necdet-ozel", "TUR", "MIL")),
    ("Necdet Ozel", "2015-08-18", ("necdet-ozel", "TUR", "ELI")),
    ("Hulusi Akar", "2016-01-01", ("hulusi-akar", "TUR", "MIL")),             # chief of general staff before defence
    ("Erdem Basci", "2016-04-18", ("erdem-basci", "TUR", "GOV")),
    ("Erdem Basci", "2016-04-19", ("erdem-basci", "TUR", "ELI")),
    ("Meral Aksener", "2020-01-01", ("meral-aksener", "TUR", "PTY")),
    ("Mustafa Varank", "2020-01-01", ("mustafa-varank", "TUR", "GOV")),
    ("Mustafa Varank", "2023-06-04", ("mustafa-varank", "TUR", "ELI")),
    ("Hossein Taeb", "2020-01-01", ("hossein-taeb", "IRN", "SPY")),
    ("Hassan Firouzabadi", "2016-06-28", ("hassan-firouzabadi", "IRN", "ELI")),
    ("Gholam-Hossein Mohseni-Ejei", "2022-01-01", ("gholam-hossein-mohseni-ejei", "IRN", "JUD")),
    ("Bijan Zanganeh", "2021-08-24", ("bijan-zanganeh", "IRN", "GOV")),
    ("Bijan Zanganeh", "2021-08-25", ("bijan-zanganeh", "IRN", "ELI")),
    ("Mir-Hossein Mousavi", "2020-01-01", ("mir-hossein-mousavi", "IRN", "OPP")),
    ("Aviv Kochavi", "2020-01-01", ("aviv-kochavi", "ISR", "MIL")),
    ("Aviv Kochavi", "2023-01-16", ("aviv-kochavi", "ISR", "ELI")),
    ("Nadav Argaman", "2020-01-01", ("nadav-argaman", "ISR", "SPY")),
    ("Benny Gantz", "2016-01-01", ("benny-gantz", "ISR", "ELI")),            # between army and Knesset
    ("Benny Gantz", "2025-01-01", ("benny-gantz", "ISR", "LEG")),
    ("Abbas Ibrahim", "2023-03-01", ("abbas-ibrahim", "LBN", "SPY")),
    ("Abbas Ibrahim", "2023-03-02", ("abbas-ibrahim", "LBN", "ELI")),
    ("Samir Geagea", "2020-01-01", ("samir-geagea", "LBN", "PTY")),
    ("Ali Mamlouk", "2020-01-01", ("ali-mamlouk", "SYR", "SPY")),
    ("Fayyad al-Ruwaili", "2020-01-01", ("fayyad-al-ruwaili", "SAU", "MIL")),
    ("Tahnoun bin Zayed", "2020-01-01", ("tahnoun-bin-zayed", "ARE", "GOV")),
    ("Amal Al Qubaisi", "2019-11-14", ("amal-al-qubaisi", "ARE", "ELI")),
    ("Majed Faraj", "2020-01-01", ("majed-faraj", "PSE", "SPY")),
    ("Saleh al-Arouri", "2020-01-01", ("saleh-al-arouri", "PSE", "REB")),
    ("Denis Manturov", "2020-01-01", ("denis-manturov", "RUS", "GOV")),
    ("Sergei Surovikin", "2023-08-22", ("sergei-surovikin", "RUS", "ELI")),
    ("Valentyn Nalyvaichenko", "2015-01-01", ("valentyn-nalyvaichenko", "UKR", "SPY")),
    ("Valentyn Nalyvaichenko", "2020-01-01", ("valentyn-nalyvaichenko", "UKR", "LEG")),
])
def test_names_by_date(text: str, date: str, expected: tuple) -> None:
    assert _who(text, date) == expected


# --------------------------------------------------------------------------- conventions of this round

def test_kurdistan_region_posts_leave_the_iraqi_titles_to_the_state() -> None:
    assert resolve("the Iraqi prime minister", "2021-01-01").actor_id == "mustafa-al-kadhimi"
    assert resolve("the Iraqi president", "2016-01-01").actor_id == "fuad-masum"
    assert _who("Masrour Barzani", "2021-01-01") == ("masrour-barzani", "IRQ", "GOV")
    assert _who("Nechirvan Barzani", "2021-01-01") == ("nechirvan-barzani", "IRQ", "GOV")
    assert resolve("Masrour Barzani", "2021-01-01").role == "regional prime minister"


def test_armed_group_leaders_never_hold_the_state_leader_title() -> None:
    assert resolve("the Palestinian leader", "2020-01-01").actor_id == "mahmoud-abbas"
    assert resolve("the Lebanese leader", "2020-01-01").actor_id == "michel-aoun"
    assert resolve("the Syrian leader", "2020-01-01").actor_id == "bashar-al-assad"
    assert _who("Ismail Haniyeh", "2020-01-01") == ("ismail-haniyeh", "PSE", "REB")
    assert _who("Hassan Nasrallah", "2020-01-01") == ("hassan-nasrallah", "LBN", "REB")


def test_yemens_rival_authorities() -> None:
    assert resolve("the Yemeni president", "2020-01-01").actor_id == "abdrabbuh-mansur-hadi"
    assert _who("Mahdi al-Mashat", "2020-01-01") == ("mahdi-al-mashat", "YEM", "REB")
    assert _who("Abdulaziz bin Habtour", "2020-01-01") == ("abdulaziz-bin-habtour", "YEM", "REB")
    assert _who("Aidarus al-Zubaidi", "2023-01-01") == ("aidarus-al-zubaidi", "YEM", "GOV")


def test_turkish_cypriot_leaders_are_not_the_cypriot_head_of_state() -> None:
    assert resolve("the Cypriot leader", "2021-01-01").actor_id == "nicos-anastasiades"
    assert _who("Mustafa Akinci", "2018-01-01") == ("mustafa-akinci", "CYP", "PRE")
    assert _who("Ersin Tatar", "2021-01-01") == ("ersin-tatar", "CYP", "PRE")


def test_one_holder_for_russias_unique_offices() -> None:
    assert resolve("Russia's chief of staff", "2020-01-01").actor_id == "anton-vaino"
    assert resolve("Russia's speaker", "2020-01-01").actor_id == "vyacheslav-volodin"
    assert _who("Valentina Matviyenko", "2020-01-01") == ("valentina-matviyenko", "RUS", "LEG")
    assert resolve("the Ukrainian leader", "2020-01-01").actor_id == "volodymyr-zelensky"
    assert _who("Denis Pushilin", "2020-01-01") == ("denis-pushilin", "UKR", "PRE")
    assert _who("Alexander Zakharchenko", "2016-01-01") == ("alexander-zakharchenko", "UKR", "PRE")


def test_kellogg_was_never_the_us_national_security_adviser() -> None:
    assert resolve("the US national security adviser", "2019-01-01").actor_id == "john-bolton"
    assert _who("Keith Kellogg", "2019-01-01") == ("keith-kellogg", "USA", "GOV")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Georgy Poltavchenko", "2018-10-02", "RUS", "GOV"), ("Georgy Poltavchenko", "2018-10-03", "RUS", "ELI"),
    ("Anton Alikhanov", "2020-01-01", "RUS", "GOV"), ("Aman Tuleyev", "2018-04-01", "RUS", "ELI"),
    ("Mikheil Saakashvili", "2016-01-01", "UKR", "GOV"),          # Odesa governor: role added to the entry
    ("Serhiy Taruta", "2014-06-01", "UKR", "GOV"), ("Serhiy Taruta", "2014-10-10", "UKR", "ELI"),
])
def test_russian_and_ukrainian_regional_heads(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- data hygiene

