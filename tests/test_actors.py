"""The actor knowledge base and resolver: dates, titles, aliases, metonyms, generic agents."""

from __future__ import annotations

import datetime as dt

import pytest

from peacetalks.actors import Resolution, actor_mentions, configure, resolve, show
from peacetalks.actors.kb import get_kb
from peacetalks.actors.resolver import parse_date


@pytest.fixture(autouse=True)
def _default_kb():
    configure([])
    yield
    configure([])


# --------------------------------------------------------------------------- SPEC §1: Trump by date

@pytest.mark.parametrize("date, sector", [("2019-04-01", "GOV"), ("2022-04-01", "ELI"), ("2025-06-01", "GOV")])
def test_trump_sector_depends_on_the_date(date: str, sector: str) -> None:
    res = resolve("Trump", date)
    assert (res.actor_id, res.country, res.sector) == ("donald-trump", "USA", sector)


def test_a_person_before_any_office_has_their_own_sector() -> None:
    assert resolve("Donald Trump", "2010-01-01").sector == "BUS"


def test_medvedev_is_russian_government_as_security_council_deputy() -> None:
    res = resolve("Dmitry Medvedev", "2025-08-10")
    assert (res.actor_id, res.country, res.sector) == ("dmitry-medvedev", "RUS", "GOV")
    assert res.role == "security council deputy chairman"
    assert resolve("Medvedev", "2010-01-01").role == "president"


@pytest.mark.parametrize("alias", ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskyi", "Volodymyr Zelenskyy",
                                   "Wolodymyr Selenskyj", "President Zelensky"])
def test_transliterations_of_zelensky(alias: str) -> None:
    assert resolve(alias, "2024-01-01").actor_id == "volodymyr-zelensky"


@pytest.mark.parametrize("text, actor_id", [
    ("Sergei Lavrov", "sergey-lavrov"), ("Peskov", "dmitry-peskov"), ("Steve Witkoff", "steve-witkoff"),
    ("Keith Kellogg", "keith-kellogg"), ("Rubio", "marco-rubio"), ("Rustem Umerov", "rustem-umerov"),
    ("Andriy Yermak", "andriy-yermak"), ("Medinsky", "vladimir-medinsky"), ("Yuri Ushakov", "yuri-ushakov"),
    ("Kirill Dmitriev", "kirill-dmitriev"), ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
])
def test_aliases(text: str, actor_id: str) -> None:
    assert resolve(text, "2025-06-01").actor_id == actor_id


def test_titles_resolve_to_the_holder_on_the_date() -> None:
    assert resolve("the Russian foreign minister", "2025-01-01").actor_id == "sergey-lavrov"
    assert resolve("Ukraine's president", "2016-01-01").actor_id == "petro-poroshenko"
    assert resolve("Ukraine's president", "2022-01-01").actor_id == "volodymyr-zelensky"
    assert resolve("US Secretary of State", "2022-01-01").actor_id == "antony-blinken"
    assert resolve("US Secretary of State", "2025-06-01").actor_id == "marco-rubio"
    assert resolve("NATO Secretary General", "2020-01-01").actor_id == "jens-stoltenberg"
    assert resolve("the German leader", "2019-01-01").actor_id == "angela-merkel"


def test_titles_with_many_holders_stay_generic() -> None:
    res = resolve("Canadian Ambassador to the United Nations")
    assert (res.actor_id, res.country, res.sector) == (None, "CAN", "GOV")
    res = resolve("Russian negotiators", "2025-06-01")
    assert (res.actor_id, res.country, res.sector) == (None, "RUS", "GOV")
    res = resolve("European foreign ministers")
    assert res.actor_id is None


def test_former_officials_are_elites() -> None:
    assert resolve("a former White House official").sector == "ELI"
    assert resolve("Angela Merkel", "2022-01-10").sector == "ELI"
    assert resolve("Angela Merkel", "2017-04-01").sector == "GOV"


@pytest.mark.parametrize("text, country, sector", [
    ("the Kremlin", "RUS", "GOV"), ("Bankova", "UKR", "GOV"), ("the White House", "USA", "GOV"),
    ("Downing Street", "GBR", "GOV"), ("Elysee", "FRA", "GOV"), ("Brussels", "EUR", "GOV"),
    ("Beijing", "CHN", "GOV"), ("Kyiv", "UKR", "GOV"), ("the Pentagon", "USA", "MIL"),
])
def test_metonyms(text: str, country: str, sector: str) -> None:
    res = resolve(text)
    assert (res.country, res.sector) == (country, sector)


@pytest.mark.parametrize("text, country, sector", [
    ("Pakistani Army", "PAK", "MIL"), ("soldiers", None, "MIL"), ("Ukrainian troops", "UKR", "MIL"),
    ("the central bank", None, "GOV"), ("antiwar protesters", None, "OPP"), ("separatists", None, "REB"),
    ("an opposition lawmaker", None, "LEG"), ("journalists", None, "JRN"), ("Minsk police station", "BLR", "COP"),
    ("Some of the biggest labour unions in Norway", "NOR", "LAB"), ("Shanghai authorities", "CHN", "GOV"),
    ("American warplanes", "USA", "MIL"), ("breakaway state", None, "PRE"),
])
def test_generic_agents(text: str, country: str, sector: str) -> None:
    res = resolve(text)
    assert (res.actor_id, res.country, res.sector) == (None, country, sector)


def test_nationality_with_a_count() -> None:
    assert resolve("four Saudi men").country == "SAU"


def test_plural_nationality_nouns_are_the_people() -> None:
    assert (resolve("Libyans").country, resolve("Libyans").sector) == ("LBY", "CVL")
    assert resolve("Swiss").sector is None


def test_a_title_without_a_date_says_which_role() -> None:
    assert resolve("President Obama").sector == "GOV"
    assert resolve("Obama").sector == "ELI"
    assert resolve("President Obama", "2020-01-01").sector == "ELI"


def test_organisations_can_change_standing() -> None:
    assert resolve("Taliban", "2010-01-01").sector == "REB"
    assert resolve("Taliban", "2022-05-01").sector == "GOV"


def test_head_noun_before_of() -> None:
    assert resolve("employees of the state railway company of Iran").sector == "LAB"
    assert resolve("a group of tourists").sector == "CVL"  # "group" only counts


@pytest.mark.parametrize("text, country", [
    ("Great Britain", "GBR"), ("Republic of China", "TWN"), ("People's Republic of China", "CHN"),
    ("UK", "GBR"), ("U.S.", "USA"), ("Kosovo", "XKX"), ("DRC", "COD"),
])
def test_country_names(text: str, country: str) -> None:
    res = resolve(text)
    assert res.country == country and res.sector is None


def test_igo_codes() -> None:
    assert resolve("United Nations Security Council").country == "UNO"
    assert resolve("the European Parliament").country == "EUR"
    assert (resolve("NATO").country, resolve("NATO").actor_id) == ("IGO", "nato")
    assert resolve("NATO troops").sector == "MIL"


def test_lower_case_us_is_not_the_usa() -> None:
    assert resolve("us").country is None


def test_unknown_name_takes_country_from_context() -> None:
    res = resolve("Xqzy Wa-Blorf", context="Somalia")
    assert (res.actor_id, res.country) == (None, "SOM")
    assert resolve("Xqzy Blorf").country is None


def test_unknown_person_after_a_title_keeps_the_title() -> None:
    res = resolve("Foreign Minister Juan Perez")
    assert (res.actor_id, res.name, res.sector) == (None, "Juan Perez", "GOV")


def test_parse_date_forms() -> None:
    assert parse_date("12 April 2022") == dt.date(2022, 4, 12)
    assert parse_date("2022-04-01T10:00:00Z") == dt.date(2022, 4, 1)
    assert parse_date("Today") == dt.date.today()
    assert parse_date("nonsense") is None
    assert parse_date("12.04.2022") == dt.date(2022, 4, 12)  # dotted dates are written day first
    assert parse_date("4/12/2022") == dt.date(2022, 4, 12)  # slashed ones month first, as in US news


def test_show_gives_roles_and_the_state_on_a_date() -> None:
    entry = show("sergey-lavrov", "2020-01-01")
    assert entry is not None and entry["name"] == "Sergey Lavrov"
    assert entry["roles"][0]["title"] == "foreign minister"
    assert entry["on_date"]["sector"] == "GOV"
    assert show("Zelenskyy")["id"] == "volodymyr-zelensky"  # type: ignore[index]
    assert show("nobody at all") is None


def test_resolution_is_a_plain_record() -> None:
    res = resolve("Lavrov", "2020-01-01")
    assert isinstance(res, Resolution)
    assert set(res.to_dict()) >= {"actor_id", "name", "country", "sector", "confidence", "role"}


# --------------------------------------------------------------------------- the knowledge base itself

def test_every_role_is_well_formed() -> None:
    kb = get_kb()
    sectors = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY", "PTY", "REB", "OPP", "ELI", "CVL", "BUS", "MED", "JRN",
               "LAB", "EDU", "REL", "REF", "AGR", "CRM", "UAF", "PRE", "SOC", "MNC", "UNK", "PRM"}
    for entry in kb.entries.values():
        assert entry.id == entry.id.lower() and " " not in entry.id
        assert entry.sector is None or entry.sector in sectors, entry.id
        for role in entry.roles:
            assert role.sector in sectors, (entry.id, role)
            assert role.start is None or role.end is None or role.start < role.end, (entry.id, role)
            assert role.org is None or role.org in kb.entries, (entry.id, role.org)


def test_covers_the_listed_countries_and_bodies() -> None:
    kb = get_kb()
    for iso3 in ("RUS", "UKR", "USA", "GBR", "FRA", "DEU", "ITA", "POL", "TUR", "CHN", "IND", "SAU", "QAT", "ARE",
                 "HUN", "BLR", "CAN", "JPN", "VAT"):
        assert any(e.country == iso3 and e.kind == "person" for e in kb.entries.values()), iso3
    for slug in ("nato", "united-nations", "european-commission", "european-council", "g7", "g20", "osce",
                 "iaea", "icc"):
        assert slug in kb.entries


# --------------------------------------------------------------------------- user YAML

def test_user_yaml_adds_actors(tmp_path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "people:\n"
        "  - id: ivan-testov\n    name: Ivan Testov\n    country: RUS\n    aliases: [I. Testov]\n"
        "    roles: [[negotiator, 2025-05-01, null]]\n"
        "organisations:\n"
        "  - {id: test-brigade, name: Test Brigade, country: UKR, sector: MIL, aliases: [TBG]}\n", encoding="utf-8")
    configure([extra])
    assert resolve("Ivan Testov", "2025-06-01").to_dict() | {"confidence": 0} == {
        "actor_id": "ivan-testov", "name": "Ivan Testov", "country": "RUS", "sector": "GOV", "confidence": 0,
        "role": "negotiator"}
    assert resolve("Testov", "2025-06-01").actor_id == "ivan-testov"
    assert resolve("TBG").sector == "MIL"
    configure([])
    assert resolve("Ivan Testov").actor_id is None


def test_env_var_adds_actors(tmp_path, monkeypatch) -> None:
    extra = tmp_path / "env.yaml"
    extra.write_text("- {id: acme-corp, name: Acme Corp, country: USA, sector: BUS}\n", encoding="utf-8")
    monkeypatch.setenv("PEACETALKS_ACTORS", str(extra))
    assert resolve("Acme Corp").actor_id == "acme-corp"


def test_missing_user_file_is_an_error(tmp_path) -> None:
    with pytest.raises(FileNotFoundError):
        configure([tmp_path / "absent.yaml"])


# --------------------------------------------------------------------------- running text

def test_mentions_in_text_without_spacy() -> None:
    text = ("Sergey Lavrov said on Monday that the Kremlin would not talk. Lavrov added that Ukrainian troops "
            "and Russian negotiators had met in Moscow.")
    ms = actor_mentions(text, None, dt.date(2025, 6, 1))
    got = [(m.text, m.actor_id, m.country, m.sector) for m in ms]
    assert ("Sergey Lavrov", "sergey-lavrov", "RUS", "GOV") in got
    assert ("Lavrov", "sergey-lavrov", "RUS", "GOV") in got
    assert ("Kremlin", None, "RUS", "GOV") in got
    assert ("Ukrainian troops", None, "UKR", "MIL") in got
    assert ("Russian negotiators", None, "RUS", "GOV") in got
    assert not any(m.text == "Moscow" for m in ms)  # "in Moscow" is a place, not the government
    for m in ms:
        assert text[m.start:m.end] == m.text


def test_mentions_are_sorted_and_disjoint() -> None:
    text = "Russian Foreign Minister Sergey Lavrov met US envoy Steve Witkoff and NATO officials in Brussels."
    ms = actor_mentions(text, None, dt.date(2025, 6, 1))
    assert [m.text for m in ms][:2] == ["Russian Foreign Minister Sergey Lavrov", "US envoy Steve Witkoff"]
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_surnames_in_parsed_text() -> None:
    from peacetalks.nlp import parse

    def mentions(text: str) -> list[tuple[str, object]]:
        return [(m.text, m.actor_id) for m in actor_mentions(text, parse(text), dt.date(2025, 6, 1))]

    assert ("Lavrov", "sergey-lavrov") in mentions("Officials in Moscow said Lavrov would go.")
    assert not any(aid == "theresa-may" for _, aid in mentions("The talks resume in May, officials said."))
    got = mentions("Chilean Mining Minister Tomás Irarrázabal Vergara spoke. Later Vergara left.")  # no such minister
    assert got[0] == ("Chilean Mining Minister Tomás Irarrázabal Vergara", None)
    assert len(got) == 2 and got[1][0] == "Vergara"
