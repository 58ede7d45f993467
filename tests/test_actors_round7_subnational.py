"""Actors, seventh round, subnational leaders and legislators (people/r7_subnational.yaml): US governors and
big-city mayors, Canadian and Australian premiers, Latin American governors, Russian, Ukrainian, Indian,
Pakistani, Kenyan, South African, Ethiopian, Indonesian, Philippine and Chinese regional leaders, capital-city
mayors, and national legislators often in the news. Checked on a sample through the public resolve() API:
by name on dates at both ends of a role (start inclusive, end exclusive: GOV in office, ELI after it, LEG
while seated), and by a title with a country (a non-unique title keeps the country and the title's sector)."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from peacetalks.actors.kb import DATA
from peacetalks.yaml_tables import read_yaml
from actor_helpers import who as _who

ROUND7 = DATA / "people" / "r7_subnational.yaml"


# --------------------------------------------------------------------------- by name, on both sides of a boundary

@pytest.mark.parametrize("name,date,actor_id,country,sector", [
    # US governors: a House seat before the governorship, ELI in between
    ("Abigail Spanberger", "2026-01-16", "abigail-spanberger", "USA", "ELI"),
    ("Abigail Spanberger", "2026-01-17", "abigail-spanberger", "USA", "GOV"),
    ("Abigail Spanberger", "2020-06-01", "abigail-spanberger", "USA", "LEG"),
    ("Maggie Hassan", "2016-12-31", "maggie-hassan", "USA", "GOV"),
    ("Maggie Hassan", "2017-01-03", "maggie-hassan", "USA", "LEG"),
    ("Sarah Huckabee Sanders", "2018-01-01", "sarah-huckabee-sanders", "USA", "GOV"),   # press secretary
    ("Mike Pence", "2016-01-01", "mike-pence", "USA", "GOV"),                           # added governorship
    # US mayors
    ("Sylvester Turner", "2023-12-31", "sylvester-turner", "USA", "GOV"),
    ("Sylvester Turner", "2024-01-01", "sylvester-turner", "USA", "ELI"),
    ("Muriel Bowser", "2015-01-02", "muriel-bowser", "USA", "GOV"),
    ("Mike Duggan", "2026-01-01", "mike-duggan", "USA", "ELI"),
    # Canada, Australia
    ("Tim Houston", "2021-08-31", "tim-houston", "CAN", "GOV"),
    ("John Tory", "2023-02-17", "john-tory", "CAN", "ELI"),
    ("Lia Finocchiaro", "2024-08-28", "lia-finocchiaro", "AUS", "GOV"),
    # Latin America
    ("El Bronco", "2021-10-03", "jaime-rodriguez-calderon", "MEX", "GOV"),
    ("El Bronco", "2021-10-04", "jaime-rodriguez-calderon", "MEX", "ELI"),
    ("Eduardo Leite", "2022-06-01", "eduardo-leite", "BRA", "ELI"),                     # between two terms
    ("Eduardo Leite", "2023-01-01", "eduardo-leite", "BRA", "GOV"),
    ("Maria Eugenia Vidal", "2019-12-09", "maria-eugenia-vidal", "ARG", "GOV"),
    ("Federico Gutierrez", "2024-01-01", "federico-gutierrez", "COL", "GOV"),
    # Russia, Ukraine
    ("Dmitry Azarov", "2020-01-01", "dmitry-azarov", "RUS", "GOV"),
    ("Hennadiy Kernes", "2020-12-17", "hennadiy-kernes", "UKR", "ELI"),
    ("Serhiy Lysak", "2025-10-14", "serhiy-lysak", "UKR", "GOV"),
    # India, Pakistan
    ("Kiran Bedi", "2021-02-15", "kiran-bedi", "IND", "GOV"),
    ("Kiran Bedi", "2021-02-16", "kiran-bedi", "IND", "ELI"),
    ("Lalu Prasad Yadav", "2020-01-01", "lalu-prasad-yadav", "IND", "PTY"),
    ("Sohail Afridi", "2025-10-15", "sohail-afridi", "PAK", "GOV"),
    # Africa
    ("Mike Sonko", "2020-12-17", "mike-sonko", "KEN", "ELI"),
    ("Johnson Sakaja", "2020-01-01", "johnson-sakaja", "KEN", "LEG"),                    # senator first
    ("David Makhura", "2022-10-05", "david-makhura", "ZAF", "GOV"),
    ("Lemma Megersa", "2018-01-01", "lemma-megersa", "ETH", "GOV"),                      # regional president
    # Asia
    ("Ahok", "2017-05-08", "basuki-tjahaja-purnama", "IDN", "GOV"),
    ("Ahok", "2017-05-09", "basuki-tjahaja-purnama", "IDN", "ELI"),
    ("Isko Moreno", "2023-01-01", "isko-moreno", "PHL", "ELI"),                          # between two terms
    ("Isko Moreno", "2025-06-30", "isko-moreno", "PHL", "GOV"),
    ("Chen Quanguo", "2021-12-24", "chen-quanguo", "CHN", "GOV"),                        # party secretary
    ("Chen Quanguo", "2021-12-25", "chen-quanguo", "CHN", "ELI"),
    ("Chiang Wan-an", "2020-01-01", "chiang-wan-an", "TWN", "LEG"),
    # capitals
    ("Zdenek Hrib", "2023-02-15", "zdenek-hrib", "CZE", "GOV"),
    ("Kakha Kaladze", "2020-01-01", "kakha-kaladze", "GEO", "GOV"),
    # legislators
    ("John McCain", "2018-08-24", "john-mccain", "USA", "LEG"),
    ("John McCain", "2018-08-25", "john-mccain", "USA", "ELI"),
    ("Tim Kaine", "2008-01-01", "tim-kaine", "USA", "GOV"),                              # Virginia governor
    ("Ilhan Omar", "2024-01-01", "ilhan-omar", "USA", "LEG"),
    ("Rolf Muetzenich", "2020-01-01", "rolf-mutzenich", "DEU", "LEG"),
    ("Christian Dürr", "2025-03-24", "christian-durr", "DEU", "LEG"),
    ("Christian Dürr", "2025-06-01", "christian-durr", "DEU", "PTY"),                    # out of the Bundestag
    ("Ahmad Tibi", "2024-01-01", "ahmad-tibi", "ISR", "LEG"),
    ("Shashi Tharoor", "2024-01-01", "shashi-tharoor", "IND", "LEG"),
])
def test_people_by_name_on_dates(name: str, date: str, actor_id: str, country: str, sector: str) -> None:
    assert _who(name, date) == (actor_id, country, sector)


@pytest.mark.parametrize("text,date,actor_id,role", [
    ("Governor Spanberger", "2026-02-01", "abigail-spanberger", "governor"),
    ("Mayor Sylvester Turner", "2020-01-01", "sylvester-turner", "mayor"),
    ("Cai Qi", "2020-01-01", "cai-qi", "party secretary"),
    ("Shimelis Abdisa", "2022-01-01", "shimelis-abdisa", "regional president"),
    ("Fernando Haddad", "2015-01-01", "fernando-haddad", "mayor"),       # role added to an existing entry
])
def test_roles_on_date(text: str, date: str, actor_id: str, role: str) -> None:
    res = resolve(text, date)
    assert (res.actor_id, res.role) == (actor_id, role)


# --------------------------------------------------------------------------- titles with a country

@pytest.mark.parametrize("text,country,sector", [
    ("the Brazilian governor", "BRA", "GOV"),
    ("an Indian governor", "IND", "GOV"),
    ("the Kenyan governor", "KEN", "GOV"),
    ("a Mexican mayor", "MEX", "GOV"),
    ("US senators", "USA", "LEG"),
])
def test_generic_titles_keep_country_and_sector(text: str, country: str, sector: str) -> None:
    res = resolve(text, "2024-01-01")
    assert (res.actor_id, res.country, res.sector) == (None, country, sector)


# --------------------------------------------------------------------------- the file itself

def test_round7_file_is_well_formed() -> None:
    entries = read_yaml(ROUND7)
    assert len(entries) >= 400
    ids = [e["id"] for e in entries]
    assert len(ids) == len(set(ids))
    for e in entries:
        for role in e["roles"]:
            start, end = role[1], role[2]
            assert start is not None
            assert end is None or str(start) < str(end), (e["id"], role)


def test_show_lists_all_roles() -> None:
    shown = show("khofifah-indar-parawansa", date="2020-01-01")
    assert shown["on_date"]["role"] == "governor"
    assert len(shown["roles"]) == 3
