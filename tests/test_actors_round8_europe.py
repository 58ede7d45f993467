"""Actors, eighth round, Europe, the Caucasus and Central Asia: the layer below the sixth and seventh rounds
(cabinet ministers of every portfolio, deputy prime ministers, deputy foreign and defence ministers, the
big four ministries where earlier rounds left gaps). Each category is checked on a sample through the public
resolve() API, by title and country and by name, on dates at both ends of a role (start inclusive, end
exclusive); roles added in place to people of other files are checked too. That no name of the round's file
repeats another entry's is checked for every round's file in test_actors_kb_names.py."""

from __future__ import annotations

import pytest

from peacetalks.actors import resolve, show
from actor_helpers import who as _who


# --------------------------------------------------------------------------- unique offices by title and country

@pytest.mark.parametrize("text,date,expected", [
    ("the Bulgarian interior minister", "2017-01-26", "rumyana-bachvarova"),
    ("the Bulgarian interior minister", "2021-05-12", "boyko-rashkov"),
    ("the Bulgarian interior minister", "2022-08-02", "ivan-demerdzhiev"),
    ("the Bulgarian defence minister", "2023-06-05", "dimitar-stoyanov"),
    ("the Bulgarian finance minister", "2025-01-15", "lyudmila-petkova"),
    ("the Bulgarian finance minister", "2025-01-16", "temenuzhka-petkova"),
    ("the Romanian finance minister", "2018-01-28", "ionut-misa"),
    ("the Romanian finance minister", "2018-01-29", "eugen-teodorovici"),
    ("the Romanian interior minister", "2020-12-22", "marcel-vela"),
    ("the Romanian interior minister", "2020-12-23", "lucian-bode"),
    ("the Montenegrin finance minister", "2020-12-03", "darko-radunovic"),
    ("the Montenegrin interior minister", "2023-10-31", "danilo-saranovic"),
    ("the Montenegrin foreign minister", "2023-10-30", "ranko-krivokapic"),
    ("the Kosovo defence minister", "2017-09-08", "haki-demolli"),
    ("the Kosovo defence minister", "2017-09-09", "rrustem-berisha"),
    ("the Moldovan finance minister", "2021-08-05", "serghei-puscuta"),
    ("the Moldovan finance minister", "2021-08-06", "dumitru-budianschi"),
    ("the Armenian defence minister", "2021-01-01", "vagharshak-harutyunyan"),
    ("the Estonian finance minister", "2022-12-08", "annely-akkermann"),
    ("the Lithuanian interior minister", "2019-08-06", "eimutis-misiunas"),
    ("the Georgian defence minister", "2020-01-01", "irakli-garibashvili"),    # role added in place
    ("the Georgian interior minister", "2019-09-07", "giorgi-gakharia"),       # role added in place
    ("the Cypriot foreign minister", "2020-01-01", "nikos-christodoulides"),   # role added in place
    ("the Bulgarian interior minister", "2025-02-01", "daniel-mitov"),         # role added in place
    ("the Kyrgyz foreign minister", "2022-05-01", "jeenbek-kulubaev"),
    ("the Kazakh speaker", "2023-01-01", "yerlan-koshanov"),
    ("the Belarusian senate president", "2020-01-01", "natalia-kochanova"),
])
def test_unique_offices_by_date(text: str, date: str, expected: str) -> None:
    assert resolve(text, date).actor_id == expected


# --------------------------------------------------------------------------- sectors by name at both ends

@pytest.mark.parametrize("name,last_day,end,country,sector", [
    ("Miklós Kásler", "2022-05-23", "2022-05-24", "HUN", "GOV"),           # cabinet minister
    ("Zoltán Balog", "2018-05-17", "2018-05-18", "HUN", "GOV"),
    ("Marek Gróbarczyk", "2020-10-05", "2020-10-06", "POL", "GOV"),
    ("Kamil Bortniczuk", "2023-11-26", "2023-11-27", "POL", "GOV"),
    ("Robert Plaga", "2021-12-16", "2021-12-17", "CZE", "GOV"),
    ("Roman Prymula", "2020-10-28", "2020-10-29", "CZE", "GOV"),
    ("Milan Krajniak", "2023-05-14", "2023-05-15", "SVK", "GOV"),
    ("Branislav Nedimović", "2022-10-25", "2022-10-26", "SRB", "GOV"),
    ("Goran Vesić", "2024-10-31", "2024-11-01", "SRB", "GOV"),
    ("Yiannis Dragasakis", "2019-07-08", "2019-07-09", "GRC", "GOV"),     # deputy prime minister
    ("Tinne Van der Straeten", "2025-02-02", "2025-02-03", "BEL", "GOV"),
    ("Susanne Raab", "2025-03-02", "2025-03-03", "AUT", "GOV"),
    ("Francisca Van Dunem", "2022-03-29", "2022-03-30", "PRT", "GOV"),
    ("Shane Ross", "2020-06-26", "2020-06-27", "IRL", "GOV"),
    ("Bent Høie", "2021-10-13", "2021-10-14", "NOR", "GOV"),
    ("Ibrahim Baylan", "2022-10-17", "2022-10-18", "SWE", "GOV"),
    ("Simon Kollerup", "2022-12-14", "2022-12-15", "DNK", "GOV"),
    ("Anne Berner", "2019-06-05", "2019-06-06", "FIN", "GOV"),
    ("Zdravko Počivalšek", "2022-05-31", "2022-06-01", "SVN", "GOV"),
    ("Marius Skuodis", "2024-12-11", "2024-12-12", "LTU", "GOV"),
    ("Timur Ivanov", "2024-04-23", "2024-04-24", "RUS", "GOV"),           # deputy defence minister
    ("Dmitry Bulgakov", "2022-09-23", "2022-09-24", "RUS", "GOV"),
    ("Hanna Maliar", "2023-09-17", "2023-09-18", "UKR", "GOV"),
    ("Marina Sereni", "2022-10-21", "2022-10-22", "ITA", "GOV"),          # deputy foreign minister
    ("Katja Keul", "2025-05-05", "2025-05-06", "DEU", "GOV"),             # minister of state, Foreign Office
    ("Ruslan Kazakbaev", "2022-04-30", "2022-05-01", "KGZ", "GOV"),
    ("Alan Duncan", "2019-07-21", "2019-07-22", "GBR", "GOV"),            # minister of state, Foreign Office
    ("Laurence Boone", "2024-01-10", "2024-01-11", "FRA", "GOV"),
    ("Merete Riisager", "2019-06-26", "2019-06-27", "DNK", "GOV"),
    ("Guri Melby", "2021-10-13", "2021-10-14", "NOR", "GOV"),
    ("Lilianne Ploumen", "2017-10-25", "2017-10-26", "NLD", "GOV"),
    ("Sifet Podžić", "2023-01-24", "2023-01-25", "BIH", "GOV"),
])
def test_office_sectors_at_both_ends(name: str, last_day: str, end: str, country: str, sector: str) -> None:
    assert _who(name, last_day)[1:] == (country, sector)
    assert _who(name, end)[1:] == (country, "ELI")


@pytest.mark.parametrize("name,date,country,sector", [
    ("Zsolt Semjén", "2024-01-01", "HUN", "GOV"),
    ("Gergely Gulyás", "2025-01-01", "HUN", "GOV"),
    ("Zlatibor Lončar", "2016-01-01", "SRB", "GOV"),
    ("Pavlos Marinakis", "2024-01-01", "GRC", "GOV"),                      # government spokesperson
    ("Anna Tsivileva", "2025-01-01", "RUS", "GOV"),
    ("Edmondo Cirielli", "2024-01-01", "ITA", "GOV"),
    ("Mikayil Jabbarov", "2024-01-01", "AZE", "GOV"),
    ("Gunnar Strömmer", "2024-01-01", "SWE", "GOV"),
    ("Albert Rösti", "2018-01-01", "CHE", "LEG"),                          # party leader with a seat
    ("Albert Rösti", "2024-01-01", "CHE", "GOV"),                          # federal councillor
    ("Alice Bah Kuhnke", "2022-01-01", "EUR", "LEG"),                      # then an MEP
    ("Gurbanguly Berdimuhamedow", "2024-01-01", "TKM", "GOV"),             # role added in place
])
def test_sectors_on_a_date(name: str, date: str, country: str, sector: str) -> None:
    assert _who(name, date)[1:] == (country, sector)


# --------------------------------------------------------------------------- roles of one person over time

@pytest.mark.parametrize("name,date,role", [
    ("János Lázár", "2016-01-01", "minister"),
    ("János Lázár", "2020-01-01", "lawmaker"),
    ("János Lázár", "2023-01-01", "minister"),
    ("Irakli Garibashvili", "2020-06-01", "defence minister"),     # roles added in place
    ("Irakli Garibashvili", "2022-06-01", "prime minister"),
    ("Morten Bødskov", "2020-01-01", "minister"),
    ("Morten Bødskov", "2022-01-01", "defence minister"),
    ("Denisa Saková", "2019-01-01", "interior minister"),
    ("Denisa Saková", "2024-01-01", "minister"),
    ("Tibor Navracsics", "2023-01-01", "minister"),
    ("Tibor Navracsics", "2017-01-01", "commissioner"),
])
def test_every_role_of_a_person_is_dated(name: str, date: str, role: str) -> None:
    assert resolve(name, date).role == role


# --------------------------------------------------------------------------- conventions of this round

def test_a_surname_shared_with_a_better_known_namesake_still_names_that_one() -> None:
    assert resolve("Varga", "2020-01-01").actor_id is None                    # two Vargas: nobody alone
    assert resolve("Judit Varga", "2020-01-01").actor_id == "judit-varga"
    assert resolve("Lindner", "2023-01-01").actor_id == "christian-lindner"   # not Tobias Lindner
    assert resolve("Baxa", "2024-01-01").actor_id == "josef-baxa"


def test_a_name_written_in_the_other_order_or_without_accents() -> None:
    assert resolve("Hunor Kelemen", "2021-06-01").actor_id == "kelemen-hunor"
    assert resolve("Zsolt Semjen", "2021-06-01").actor_id == "zsolt-semjen"
    assert resolve("Charlie Flanagan", "2018-01-01").actor_id == "charles-flanagan"


def test_show_gives_the_role_on_the_date() -> None:
    entry = show("ebba-busch", date="2023-01-01")
    assert entry is not None and entry["on_date"]["role"] == "deputy prime minister"
