"""Actors, sixth round, Europe: breadth by category for one region (heads of state and government, foreign,
defence, interior and finance ministers, central bank governors, military and intelligence chiefs, speakers,
chief justices, party leaders; cabinet ministers of the seven largest states). Each category is checked on a
sample through the public resolve() API, by title and country and by name, on dates at both ends of a role
(start inclusive, end exclusive)."""

from __future__ import annotations


import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who



# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the German finance minister", "2017-10-24", "peter-altmaier"),       # acting, after Schaeuble
    ("the German finance minister", "2018-03-14", "olaf-scholz"),
    ("the French finance minister", "2024-12-22", "antoine-armand"),
    ("the French finance minister", "2024-12-23", "eric-lombard"),
    ("the Spanish interior minister", "2018-06-06", "juan-ignacio-zoido"),
    ("the Spanish interior minister", "2018-06-07", "fernando-grande-marlaska"),
    ("the Polish foreign minister", "2018-01-08", "witold-waszczykowski"),
    ("the Polish foreign minister", "2018-01-09", "jacek-czaputowicz"),
    ("the Dutch finance minister", "2017-10-25", "jeroen-dijsselbloem"),
    ("the Dutch finance minister", "2017-10-26", "wopke-hoekstra"),
    ("the Austrian chancellor", "2016-05-17", "christian-kern"),
    ("the Czech prime minister", "2017-12-12", "bohuslav-sobotka"),
    ("the Danish monarch", "2024-01-13", "margrethe-ii"),
    ("the Danish monarch", "2024-01-14", "frederik-x"),
    ("the Estonian president", "2016-10-09", "toomas-hendrik-ilves"),
    ("the Swiss president", "2022-06-01", "ignazio-cassis"),
    ("the Finnish central bank governor", "2018-07-12", "olli-rehn"),
    ("the Greek central bank governor", "2020-01-01", "yannis-stournaras"),
    ("the Irish chief justice", "2020-01-01", "frank-clarke"),
    ("the Portuguese president", "2026-03-08", "marcelo-rebelo-de-sousa"),
    ("the Moldovan prime minister", "2017-01-01", "pavel-filip"),
    ("the Serbian prime minister", "2025-01-01", "milos-vucevic"),
    ("the Belarusian prime minister", "2019-01-01", "sergei-rumas"),
    ("the Georgian president", "2015-01-01", "giorgi-margvelashvili"),
    ("the Armenian prime minister", "2017-01-01", "karen-karapetyan"),
    ("the Azerbaijani vice president", "2020-01-01", "mehriban-aliyeva"),
    ("the Bulgarian vice president", "2020-01-01", "iliana-iotova"),
    ("the Swedish central bank governor", "2022-12-31", "stefan-ingves"),
    ("the Swedish central bank governor", "2023-01-01", "erik-thedeen"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Bruno Kahl", "2025-08-31", "2025-09-01", "DEU", "SPY"),           # intelligence chief
    ("Tony Radakin", "2025-09-28", "2025-09-29", "GBR", "MIL"),         # chief of the defence staff
    ("Laurent Fabius", "2025-03-07", "2025-03-08", "FRA", "JUD"),       # Constitutional Council president
    ("Pietro Grasso", "2018-03-22", "2018-03-23", "ITA", "LEG"),        # Senate president
    ("Karl Lauterbach", "2025-05-05", "2025-05-06", "DEU", "GOV"),      # cabinet minister
    ("Jean-Michel Blanquer", "2022-05-19", "2022-05-20", "FRA", "GOV"),
    ("Yannis Stournaras", "2025-01-01", None, "GRC", "GOV"),            # central bank governor (GOV)
    ("Carlo Nordio", "2024-01-01", None, "ITA", "GOV"),
    ("Wes Streeting", "2025-01-01", None, "GBR", "GOV"),
    ("Barbara Nowacka", "2024-06-01", None, "POL", "GOV"),
    ("Sigrid Kaag", "2023-01-01", None, "NLD", "GOV"),
    ("Yolanda Diaz", "2022-01-01", None, "ESP", "GOV"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str | None, country: str,
                                     sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    if end:
        assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Alice Weidel", "2023-01-01", "DEU", "LEG"),          # party leader with a seat
    ("Ed Davey", "2021-01-01", "GBR", "LEG"),
    ("Jimmie Akesson", "2020-01-01", "SWE", "LEG"),
    ("Marine Tondelier", "2024-01-01", "FRA", "PTY"),      # party leader without a seat
    ("Carles Puigdemont", "2017-10-27", "ESP", "GOV"),     # regional president (`governor`)
    ("Calin Georgescu", "2025-03-01", "ROU", "OPP"),
    ("Mihaly Varga", "2025-03-04", "HUN", "GOV"),
])
def test_party_and_opposition_leaders(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- conventions of this region

def test_the_unique_speaker_title_means_the_lower_house() -> None:
    assert resolve("the Italian speaker", "2023-01-01").actor_id == "lorenzo-fontana"
    assert resolve("the French parliament speaker", "2023-01-01").actor_id == "yael-braun-pivet"
    assert _who("Gerard Larcher", "2023-01-01") == ("gerard-larcher", "FRA", "LEG")   # Senate president


def test_a_regional_president_is_not_the_head_of_state() -> None:
    assert _who("Milorad Dodik", "2023-06-01") == ("milorad-dodik", "BIH", "GOV")
    members = {"denis-becirovic", "zeljka-cvijanovic", "zeljko-komsic"}
    assert resolve("the Bosnian president", "2023-06-01").actor_id in members


def test_a_common_word_surname_names_nobody_alone() -> None:
    assert resolve("Royal", "2016-01-01").actor_id != "segolene-royal"
    assert resolve("Segolene Royal", "2016-01-01").actor_id == "segolene-royal"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("peter-altmaier", date="2018-01-01")
    assert entry is not None and entry["on_date"]["role"] == "finance minister"


# --------------------------------------------------------------------------- data hygiene

