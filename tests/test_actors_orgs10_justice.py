"""Actors, tenth round, courts, prosecutors and state bodies outside the cabinet (organisations_justice.yaml):
supreme, constitutional and high courts (JUD), prosecutors' offices (JUD), international and hybrid courts
(UNO, IGO, EUR or the state whose judiciary they belong to), election bodies (GOV; electoral courts of the
judiciary JUD), ombudsmen, audit offices and human-rights commissions (GOV), and legislatures with their houses
and regional parliaments (LEG). Checked through the public resolve() API by name, alias and acronym, and in
running text through actor_mentions(); names several states share stay generic, and titles after a country
and a court or chamber still find their holder."""

from __future__ import annotations

import datetime as dt

import pytest

from peacetalks.actors import actor_mentions, resolve
from peacetalks.actors.kb import DATA
from peacetalks.nlp import parse
from actor_helpers import name_clashes, who

FILE = DATA / "organisations_justice.yaml"


def _cs(text: str) -> tuple[object, object, object]:
    return who(text, "2024-06-01")


# --------------------------------------------------------------------------- courts of states

@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("Supreme Court of India", "supreme-court-of-india", "IND", "JUD"),
    ("Bundesverfassungsgericht", "federal-constitutional-court-germany", "DEU", "JUD"),
    ("Federal Constitutional Court of Pakistan", "federal-constitutional-court-pakistan", "PAK", "JUD"),
    ("Conseil constitutionnel", "constitutional-council-france", "FRA", "JUD"),
    ("Yargıtay", "yargitay", "TUR", "JUD"),                          # native names, with and without accents
    ("Trybunal Konstytucyjny", "constitutional-tribunal-poland", "POL", "JUD"),
    ("Hoge Raad", "supreme-court-netherlands", "NLD", "JUD"),
    ("Audiencia Nacional", "audiencia-nacional", "ESP", "JUD"),
    ("HACC", "high-anti-corruption-court", "UKR", "JUD"),
    ("Ninth Circuit", "court-of-appeals-ninth-circuit", "USA", "JUD"),
    ("5th U.S. Circuit Court of Appeals", "court-of-appeals-fifth-circuit", "USA", "JUD"),
    ("Court of International Trade", "court-of-international-trade", "USA", "JUD"),
    ("Supremo Tribunal Federal", "stf-brazil", "BRA", "JUD"),
    ("Superior Electoral Court", "tse-brazil", "BRA", "JUD"),          # an electoral court of the judiciary
    ("SCJN", "scjn-mexico", "MEX", "JUD"),
    ("ConCourt", "constitutional-court-south-africa", "ZAF", "JUD"),
    ("Sandiganbayan", "sandiganbayan", "PHL", "JUD"),
    ("Judicial Yuan", "judicial-yuan", "TWN", "JUD"),
    ("Mahkamah Konstitusi", "constitutional-court-of-indonesia", "IDN", "JUD"),
    ("Islamabad High Court", "islamabad-high-court", "PAK", "JUD"),
    ("Hong Kong Court of Final Appeal", "hong-kong-court-of-final-appeal", "CHN", "JUD"),
    ("Tehran Revolutionary Court", "revolutionary-court-iran", "IRN", "JUD"),
])
def test_courts_of_states(text: str, actor_id: str, country: str, sector: str) -> None:
    assert _cs(text) == (actor_id, country, sector)


# --------------------------------------------------------------------------- prosecutors and international courts

@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("Generalbundesanwalt", "federal-prosecutor-germany", "DEU", "JUD"),
    ("PNF", "pnf-france", "FRA", "JUD"),
    ("SPAK", "spak-albania", "ALB", "JUD"),
    ("Specialized Anti-Corruption Prosecutor's Office", "sapo-ukraine", "UKR", "JUD"),
    ("FGR", "fgr-mexico", "MEX", "JUD"),
    ("Fiscalía General de la Nación", "fiscalia-colombia", "COL", "JUD"),
    ("Supreme People's Procuratorate", "supreme-peoples-procuratorate", "CHN", "JUD"),
    ("SDNY", "sdny-attorney", "USA", "JUD"),
    ("Special Tribunal for Lebanon", "special-tribunal-for-lebanon", "UNO", "JUD"),   # UN-backed
    ("ICTY", "icty", "UNO", "JUD"),                                    # set up by the Security Council
    ("Kosovo Specialist Chambers", "kosovo-specialist-chambers", "XKX", "JUD"),       # Kosovo's own chambers
    ("Khmer Rouge tribunal", "eccc", "KHM", "JUD"),
    ("East African Court of Justice", "east-african-court-of-justice", "IGO", "JUD"),
    ("EPPO", "eppo", "EUR", "JUD"),
    ("Court of Arbitration for Sport", "court-of-arbitration-for-sport", "NGO", "JUD"),
])
def test_prosecutors_and_international_courts(text: str, actor_id: str, country: str, sector: str) -> None:
    assert _cs(text) == (actor_id, country, sector)


# --------------------------------------------------------------------------- election bodies, ombudsmen, audit

@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("IEBC", "iebc-kenya", "KEN", "GOV"),
    ("Comelec", "comelec", "PHL", "GOV"),
    ("COMELEC", "comelec", "PHL", "GOV"),
    ("Central Election Commission of Russia", "cec-russia", "RUS", "GOV"),
    ("YSK", "ysk-turkey", "TUR", "GOV"),
    ("National Electoral Institute", "ine-mexico", "MEX", "GOV"),
    ("Supreme Electoral Tribunal of Guatemala", "tse-guatemala", "GTM", "GOV"),   # runs elections: GOV
    ("IHEC", "ihec-iraq", "IRQ", "GOV"),
    ("Public Protector", "public-protector-south-africa", "ZAF", "GOV"),
    ("GAO", "gao", "USA", "GOV"),
    ("Bundesrechnungshof", "federal-court-of-audit-germany", "DEU", "GOV"),
    ("Komnas HAM", "komnas-ham", "IDN", "GOV"),
    ("Guardian Council", "guardian-council", "IRN", "GOV"),
])
def test_election_bodies_ombudsmen_and_audit_offices(text: str, actor_id: str, country: str, sector: str) -> None:
    assert _cs(text) == (actor_id, country, sector)


# --------------------------------------------------------------------------- legislatures

@pytest.mark.parametrize("text,actor_id,country,sector", [
    ("Seanad", "seanad-eireann", "IRL", "LEG"),
    ("Eerste Kamer", "eerste-kamer", "NLD", "LEG"),
    ("Council of States of Switzerland", "council-of-states-switzerland", "CHE", "LEG"),
    ("Holyrood", "scottish-parliament", "GBR", "LEG"),
    ("Senedd", "senedd", "GBR", "LEG"),
    ("Catalan Parliament", "parliament-of-catalonia", "ESP", "LEG"),
    ("Kurdistan Parliament", "kurdistan-parliament", "IRQ", "LEG"),
    ("LegCo", "hong-kong-legislative-council", "CHN", "LEG"),
    ("Inatsisartut", "inatsisartut", "GRL", "LEG"),
    ("Federal Senate", "federal-senate-brazil", "BRA", "LEG"),
    ("National Council of Provinces", "national-council-of-provinces", "ZAF", "LEG"),
    ("Palestinian Legislative Council", "palestinian-legislative-council", "PSE", "LEG"),
    ("Federal National Council", "federal-national-council", "ARE", "LEG"),
    ("Pyidaungsu Hluttaw", "pyidaungsu-hluttaw", "MMR", "LEG"),
    ("Supreme People's Assembly", "supreme-peoples-assembly", "PRK", "LEG"),
    ("Meshrano Jirga", "meshrano-jirga", "AFG", "LEG"),
    ("EALA", "east-african-legislative-assembly", "IGO", "LEG"),
])
def test_legislatures(text: str, actor_id: str, country: str, sector: str) -> None:
    assert _cs(text) == (actor_id, country, sector)


# --------------------------------------------------------------------------- shared names and left-out acronyms

@pytest.mark.parametrize("text,country,sector", [
    ("the Supreme Court", None, "JUD"),                 # every state has one: no entry of its own
    ("the Constitutional Court", None, "JUD"),
    ("the Senate", None, "LEG"),
    ("Kenya's Supreme Court", "KEN", "JUD"),            # country + generic noun: read by rule
    ("the Ukrainian Constitutional Court", "UKR", "JUD"),
])
def test_shared_names_stay_generic(text: str, country: object, sector: str) -> None:
    assert _cs(text) == (None, country, sector)


@pytest.mark.parametrize("text", ["CENI", "CNE", "TSE", "INEC", "CAS"])
def test_acronyms_shared_by_several_bodies_name_none_of_them(text: str) -> None:
    assert resolve(text, "2024-06-01").actor_id is None


def test_an_acronym_another_body_owns_keeps_its_owner() -> None:
    assert _cs("NPA") == ("npa", "PHL", "REB")          # the New People's Army, not South Africa's prosecutors
    assert _cs("National Prosecuting Authority of South Africa") == ("npa-south-africa", "ZAF", "JUD")


def test_a_title_after_a_country_and_court_still_finds_its_holder() -> None:
    assert who("the Indian Supreme Court chief justice", "2023-06-01")[0] == "dy-chandrachud"
    assert who("Indian Supreme Court president", "2023-06-01")[0] == "dy-chandrachud"
    assert who("the chief justice of the Supreme Court of India", "2023-06-01")[0] == "dy-chandrachud"
    assert who("Kenya's Supreme Court president", "2023-06-01")[0] == "martha-koome"


# --------------------------------------------------------------------------- running text

@pytest.mark.parametrize("text,mention,expected", [
    ("The IEBC declared the results on Monday.", "IEBC", ("iebc-kenya", "KEN", "GOV")),
    ("The Bundesverfassungsgericht struck down the budget law.", "Bundesverfassungsgericht",
     ("federal-constitutional-court-germany", "DEU", "JUD")),
    ("The Guardian Council disqualified hundreds of candidates.", "The Guardian Council",
     ("guardian-council", "IRN", "GOV")),                # not the newspaper "The Guardian"
    ("On Tuesday the Ninth Circuit blocked the order.", "Ninth Circuit",
     ("court-of-appeals-ninth-circuit", "USA", "JUD")),
    ("Lawmakers in Holyrood voted to back the bill.", "Holyrood", ("scottish-parliament", "GBR", "LEG")),
    ("The Special Tribunal for Lebanon convicted him in absentia.", "Special Tribunal for Lebanon",
     ("special-tribunal-for-lebanon", "UNO", "JUD")),
])
def test_a_body_in_running_text_gets_its_country_and_sector(text: str, mention: str, expected: tuple) -> None:
    found = {m.text: (m.actor_id, m.country, m.sector)
             for m in actor_mentions(text, parse(text), dt.date(2024, 6, 1))}
    assert found.get(mention) == expected


def test_no_name_of_the_file_repeats_another_entry() -> None:
    assert not name_clashes(FILE)
