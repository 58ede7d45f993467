"""Actors, tenth round, security and law-enforcement bodies worldwide (organisations_security.yaml):
national, regional and city police forces, gendarmeries and investigation bureaus (COP); border
guards, coast guards and national guards (MIL) next to border police and interior troops (COP); intelligence
and security services (SPY); anti-corruption agencies and financial-crime units (COP). Checked through the
public resolve() API by name, alias and acronym, and in running text through actor_mentions()."""

from __future__ import annotations

import datetime as dt

import pytest

from peacetalks.actors import actor_mentions, resolve
from peacetalks.actors.kb import DATA
from peacetalks.nlp import parse
from actor_helpers import name_clashes

FILE = DATA / "organisations_security.yaml"


def _cs(text: str) -> tuple[object, object, object]:
    res = resolve(text, "2024-06-01")
    return res.actor_id, res.country, res.sector


# --------------------------------------------------------------------------- police and investigation bodies

@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("Royal Canadian Mounted Police", "rcmp", "CAN", "COP"),
    ("RCMP", "rcmp", "CAN", "COP"),
    ("the Mounties", "rcmp", "CAN", "COP"),                        # alias of a generic agent noun gains a country
    ("NYPD", "nypd", "USA", "COP"),
    ("New York Police Department", "nypd", "USA", "COP"),
    ("PSNI", "psni", "GBR", "COP"),
    ("Gardaí", "garda-siochana", "IRL", "COP"),
    ("An Garda Siochana", "garda-siochana", "IRL", "COP"),
    ("Hong Kong Police Force", "hong-kong-police-force", "CHN", "COP"),   # the SARs' bodies are CHN
    ("Delhi Police", "delhi-police", "IND", "COP"),
    ("Indian Punjab Police", "punjab-police-india", "IND", "COP"),
    ("Pakistan's Punjab Police", "punjab-police-pakistan", "PAK", "COP"),
    ("BKA", "bka", "DEU", "COP"),
    ("Guardia di Finanza", "guardia-di-finanza", "ITA", "COP"),
    ("Mossos d'Esquadra", "mossos-d-esquadra", "ESP", "COP"),
    ("Jandarma", "jandarma", "TUR", "COP"),                         # gendarmeries are police
    ("Brazilian Federal Police", "brazil-federal-police", "BRA", "COP"),
    ("Carabineros de Chile", "carabineros-de-chile", "CHL", "COP"),
    ("Philippine National Police", "philippine-national-police", "PHL", "COP"),
    ("Densus 88", "densus-88", "IDN", "COP"),
    ("Kenya Police Service", "kenya-national-police-service", "KEN", "COP"),
    ("Haitian National Police", "haiti-national-police", "HTI", "COP"),
    ("GUBOPiK", "gubopik", "BLR", "COP"),
    ("FSO", "fso-russia", "RUS", "COP"),                            # protective services are COP, as the Secret Service
    ("Republican Security Companies", "crs-france", "FRA", "COP"),  # riot police
])
def test_police_forces(text: str, actor_id: str, country: str, sector: str) -> None:
    assert _cs(text) == (actor_id, country, sector)


# --------------------------------------------------------------------------- borders, coasts, national guards

@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("State Border Guard Service of Ukraine", "ukraine-border-guard", "UKR", "MIL"),   # border guards MIL
    ("Polish Border Guard", "polish-border-guard", "POL", "MIL"),
    ("Border Guard Bangladesh", "border-guard-bangladesh", "BGD", "MIL"),
    ("Japan Coast Guard", "japan-coast-guard", "JPN", "MIL"),                            # coast guards MIL
    ("Philippine Coast Guard", "philippine-coast-guard", "PHL", "MIL"),
    ("Pakistan Rangers", "pakistan-rangers", "PAK", "MIL"),
    ("Mexican National Guard", "mexico-national-guard", "MEX", "MIL"),
    ("Romanian Border Police", "romanian-border-police", "ROU", "COP"),                  # border police COP
    ("CBSA", "cbsa", "CAN", "COP"),
    ("Kazakh National Guard", "kazakh-national-guard", "KAZ", "COP"),                    # interior troops COP
])
def test_border_coast_and_guard_bodies(text: str, actor_id: str, country: str, sector: str) -> None:
    assert _cs(text) == (actor_id, country, sector)


# --------------------------------------------------------------------------- intelligence and security services

@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("ASIO", "asio", "AUS", "SPY"),
    ("Canadian Security Intelligence Service", "canada-csis", "CAN", "SPY"),
    ("AIVD", "aivd", "NLD", "SPY"),
    ("Säpo", "sapo-sweden", "SWE", "SPY"),
    ("Supo", "supo", "FIN", "SPY"),
    ("ABW", "abw", "POL", "SPY"),
    ("KNB", "knb-kazakhstan", "KAZ", "SPY"),
    ("Ukrainian Foreign Intelligence Service", "szru-ukraine", "UKR", "SPY"),
    ("Lebanese General Security", "lebanon-general-security", "LBN", "SPY"),
    ("Palestinian Preventive Security", "palestinian-preventive-security", "PSE", "SPY"),
    ("DGFI", "dgfi", "BGD", "SPY"),
    ("SEBIN", "sebin", "VEN", "SPY"),
    ("Salt Typhoon", "salt-typhoon", "CHN", "SPY"),                 # state hacking units, as APT28
    ("Jordanian General Intelligence Directorate", "jordan-gid", "JOR", "SPY"),
])
def test_intelligence_services(text: str, actor_id: str, country: str, sector: str) -> None:
    assert _cs(text) == (actor_id, country, sector)


# --------------------------------------------------------------------------- anti-corruption and financial crime

@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("Corruption Eradication Commission", "kpk", "IDN", "COP"),
    ("MACC", "macc", "MYS", "COP"),
    ("Serious Fraud Office", "serious-fraud-office", "GBR", "COP"),
    ("NACP", "nacp-ukraine", "UKR", "COP"),
    ("FinCEN", "fincen", "USA", "COP"),
    ("EACC", "kenya-eacc", "KEN", "COP"),
    ("Hong Kong Independent Commission Against Corruption", "hk-icac", "CHN", "COP"),
])
def test_anti_corruption_and_financial_crime(text: str, actor_id: str, country: str, sector: str) -> None:
    assert _cs(text) == (actor_id, country, sector)


# --------------------------------------------------------------------------- what is left out on purpose

@pytest.mark.parametrize("text", ["AFP", "CSIS", "SBI", "NIA"])
def test_ambiguous_acronyms_keep_their_other_owner(text: str) -> None:
    """Acronyms another body already owns are not given to a security body."""
    owner = resolve(text).actor_id
    assert owner not in {"australian-federal-police", "canada-csis", "ukraine-sbi", "nia-nigeria"}


def test_shared_bare_names_stay_generic() -> None:
    """'Federal Police' and 'Punjab Police' belong to several states: no entry, the rule reads COP."""
    for text in ("Federal Police", "Punjab Police", "National Guard"):
        assert resolve(text).actor_id is None
    assert _cs("the Brazilian federal police")[1:] == ("BRA", "COP")


def test_no_name_of_the_file_repeats_another_entry() -> None:
    assert not name_clashes(FILE)


# --------------------------------------------------------------------------- running text

def _mentions(text: str) -> dict[str, tuple[object, object, object]]:
    return {m.text: (m.actor_id, m.country, m.sector)
            for m in actor_mentions(text, parse(text), dt.date(2023, 5, 1))}


def test_running_text_police_force() -> None:
    found = _mentions("Officers of the Hong Kong Police Force detained the activist at the airport.")
    assert ("hong-kong-police-force", "CHN", "COP") in found.values()


def test_running_text_acronym_of_a_police_force() -> None:
    assert _mentions("The RCMP arrested two men in Surrey on Tuesday.")["RCMP"] == ("rcmp", "CAN", "COP")


def test_running_text_border_guard() -> None:
    found = _mentions("The State Border Guard Service of Ukraine said 20 men were stopped at the border.")
    assert found["State Border Guard Service of Ukraine"] == ("ukraine-border-guard", "UKR", "MIL")


def test_running_text_intelligence_service() -> None:
    found = _mentions("Agents of SEBIN detained the opposition leader in Caracas.")
    assert ("sebin", "VEN", "SPY") in found.values()


def test_running_text_anti_corruption_agency() -> None:
    found = _mentions("Indonesia's Corruption Eradication Commission questioned the minister on Monday.")
    assert ("kpk", "IDN", "COP") in found.values()
