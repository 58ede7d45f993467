"""Session 7: how phrases around a name or a group noun say whose it is, in ``resolve`` and in running text."""

from __future__ import annotations

import datetime as dt

import pytest

from peacetalks.actors import actor_mentions
from peacetalks.actors.resolver import resolve
from peacetalks.nlp import parse

DAY = dt.date(2022, 6, 1)


def mentions(text: str, day: dt.date = DAY) -> list[tuple[str, str | None, str | None]]:
    return [(m.text, m.country, m.sector) for m in actor_mentions(text, parse(text), day)]


@pytest.mark.parametrize("text,expected", [
    ("The Assad regime shelled Idlib.", ("Assad regime", "SYR", "GOV")),
    ("The Biden administration imposed sanctions on Iran.", ("Biden administration", "USA", "GOV")),
    ("The Maduro government freed prisoners.", ("Maduro government", "VEN", "GOV")),
    ("Netanyahu's cabinet approved the deal.", ("Netanyahu's cabinet", "ISR", "GOV")),
    ("Kadyrov's fighters entered the town.", ("Kadyrov's fighters", "RUS", "UAF")),
])
def test_a_name_before_its_group_noun_is_whose_in_running_text(text: str, expected: tuple) -> None:
    assert expected in mentions(text)


def test_a_name_before_a_title_and_another_name_keeps_the_named_holder() -> None:
    found = actor_mentions("Zelensky adviser Mykhailo Podolyak said no.", None, DAY)
    assert [(m.actor_id, m.country) for m in found] == [("mykhailo-podolyak", "UKR")]


@pytest.mark.parametrize("text,expected", [
    ("the Assad regime", ("SYR", "GOV")),
    ("Biden officials", ("USA", "GOV")),
    ("Trump envoy", ("USA", "GOV")),
])
def test_a_name_before_its_group_noun_is_whose_in_resolve(text: str, expected: tuple) -> None:
    res = resolve(text, DAY)
    assert (res.actor_id, res.country, res.sector) == (None, *expected)


@pytest.mark.parametrize("text,expected", [
    ("The Saudi-led coalition bombed Sanaa.", ("Saudi-led coalition", "SAU", "MIL")),
    ("Vietnamese-led forces crossed the river.", ("Vietnamese-led forces", "VNM", "MIL")),
    ("Russian-backed separatists shelled Mariupol.", ("Russian-backed separatists", None, "REB")),  # session 8
])
def test_a_state_led_or_backed_force_is_one_mention_read_as_resolve_reads_it(text: str, expected: tuple) -> None:
    assert expected in mentions(text)
    res = resolve(expected[0], DAY)
    assert (res.country, res.sector) == expected[1:]


@pytest.mark.parametrize("text,expected", [
    ("Rebels in the Ivory Coast seized a town.", ("Rebels in the Ivory Coast", "CIV", "REB")),
    ("Opposition parties in Nepal boycotted the vote.", ("Opposition parties in Nepal", "NPL", "OPP")),
    ("Refugees from Syria crossed into Turkey.", ("Refugees from Syria", "SYR", "REF")),
    ("Ethnic Russians in Ukraine protested.", ("Russians in Ukraine", "UKR", "CVL")),
])
def test_a_local_group_takes_the_country_it_is_in_or_from(text: str, expected: tuple) -> None:
    assert expected in mentions(text)


@pytest.mark.parametrize("text,group", [
    ("Refugees in Lebanon protested.", "Refugees"),          # people from elsewhere: where they are is not whose
    ("Jewish settlers in the West Bank set fire to a car.", "Jewish settlers"),
    ("Diplomats in Moscow were expelled.", "Diplomats"),     # officials, troops, reporters are as often foreign
])
def test_where_incomers_and_officials_are_is_not_whose_they_are(text: str, group: str) -> None:
    found = {m[0]: m for m in mentions(text)}
    assert group in found and found[group][1] is None


def test_an_idiom_with_a_person_noun_is_no_actor() -> None:
    assert mentions("The presidents would meet in person in Istanbul.") == [("presidents", None, "GOV")]


@pytest.mark.parametrize("text,expected", [
    ("An anti-Syria journalist was arrested.", [("anti-Syria journalist", None, "JRN")]),
    ("Thousands of anti-American protesters marched.", [("anti-American protesters", None, "OPP")]),
    ("They supplied anti-tank weapons.", []),
])
def test_what_a_phrase_is_against_is_not_its_country_or_sector(text: str, expected: list) -> None:
    assert mentions(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("anti-Syria journalist", (None, "JRN")),
    ("anti-Putin protesters", (None, "OPP")),
    ("anti-government protesters", (None, "OPP")),
])
def test_what_a_phrase_is_against_in_resolve(text: str, expected: tuple) -> None:
    res = resolve(text, DAY)
    assert (res.country, res.sector) == expected


@pytest.mark.parametrize("text,expected", [
    ("Iraqi Kurds", ("IRQ", "CVL")),
    ("Kurds", (None, "CVL")),
    ("ethnic Albanians", (None, "CVL")),
    ("Turkish Cypriots", ("CYP", "CVL")),
    ("Islamic fundamentalists", (None, "REL")),
    ("a car bomb", (None, "UAF")),
    ("Nepali Maoists", ("NPL", "REB")),
    ("Canadian Mounties", ("CAN", "COP")),
    ("Russian Jewish immigrants", ("RUS", "REF")),
])
def test_peoples_and_agent_nouns(text: str, expected: tuple) -> None:
    res = resolve(text, DAY)
    assert (res.country, res.sector) == expected


@pytest.mark.parametrize("text,expected", [
    ("Transnistrian authorities", ("MDA", "PRE")),
    ("Abkhaz authorities", ("GEO", "PRE")),
    ("the Abkhazian leader", ("GEO", "PRE")),   # not Georgia's prime minister
    ("South Ossetian officials", ("GEO", "PRE")),
    ("Turkish Cypriot leader", ("CYP", "PRE")),  # not Turkey's president, nor Cyprus's
])
def test_a_breakaway_entitys_adjective_names_no_state_official(text: str, expected: tuple) -> None:
    res = resolve(text, DAY)
    assert (res.actor_id, res.country, res.sector) == (None, *expected)


def test_the_greek_cypriot_leader_is_still_cyprus_s_president() -> None:
    assert resolve("Greek Cypriot leader", DAY).actor_id == "nicos-anastasiades"


@pytest.mark.parametrize("text,actor_id", [
    ("Svetlana Tsikhanouskaya", "sviatlana-tsikhanouskaya"),
    ("Vladimir Zelensky", "volodymyr-zelensky"),
    ("Oleksandr Lukashenko", "alexander-lukashenko"),
    ("Dmitro Kuleba", "dmytro-kuleba"),
    ("Mikhail Podolyak", "mykhailo-podolyak"),
    ("Irina Vereshchuk", "iryna-vereshchuk"),
])
def test_a_given_name_in_its_russian_ukrainian_or_belarusian_form_is_one_name(text: str, actor_id: str) -> None:
    assert resolve(text, DAY).actor_id == actor_id


@pytest.mark.parametrize("text,expected", [
    ("Northern Territory police", ("AUS", "COP")),   # a territory named in generic words (places' regions table)
    ("the Northern Territory government", ("AUS", "GOV")),
])
def test_a_territory_named_in_generic_words_names_its_country(text: str, expected: tuple) -> None:
    res = resolve(text, DAY)
    assert (res.country, res.sector) == expected


def test_a_town_or_a_time_word_the_model_calls_a_person_or_body_is_no_actor() -> None:
    text = "Russian troops left Hostomel and Bucha. We celebrated Easter at home."
    assert mentions(text) == [("Russian troops", "RUS", "MIL")]


@pytest.mark.parametrize("text,expected", [
    ("The Hamas-run health ministry said 30 people died.", ("Hamas-run health ministry", "PSE", "GOV")),
    ("The Taliban-led government banned girls from school.", ("Taliban-led government", "AFG", "GOV")),
    ("Pro-Russian separatists in Donetsk shelled the town.", ("Pro-Russian separatists in Donetsk", "UKR", "REB")),
    ("A spokesman for the Ukrainian military said the attack failed.",
     ("spokesman for the Ukrainian military", "UKR", "MIL")),
    ("Officials in Kyiv said the talks would resume.", ("Officials in Kyiv", "UKR", "GOV")),
    ("The government in Kabul denied it.", ("government in Kabul", "AFG", "GOV")),
    ("Sudan's army and the paramilitary Rapid Support Forces agreed to a truce.",
     ("paramilitary Rapid Support Forces", "SDN", "PRM")),
])
def test_what_runs_backs_or_hosts_a_group_and_whom_a_spokesman_speaks_for(text: str, expected: tuple) -> None:
    assert expected in mentions(text)


@pytest.mark.parametrize("text,expected", [
    ("Hamas-run health ministry", ("PSE", "GOV")),       # the ministry, not Hamas
    ("Taliban-led government", ("AFG", "GOV")),
    ("pro-Russian separatists", (None, "REB")),          # what they support is not who they are
    ("pro-government militias", (None, "PRM")),
    ("a spokesman for the Ukrainian military", ("UKR", "MIL")),
])
def test_proxies_and_supporters_in_resolve(text: str, expected: tuple) -> None:
    res = resolve(text, DAY)
    assert (res.actor_id, res.country, res.sector) == (None, *expected)


@pytest.mark.parametrize("text,day,expected", [
    ("a Hezbollah commander", "2022-01-01", ("LBN", "REB")),
    ("Wagner commander", "2022-10-20", ("RUS", "PRM")),
    ("Taliban commander", "2019-01-01", ("AFG", "REB")),
    ("Taliban commander", "2022-10-20", ("AFG", "MIL")),   # the Taliban govern from August 2021
    ("NATO commander", "2022-10-20", ("IGO", "MIL")),
])
def test_an_officer_of_an_armed_body_that_is_no_state_takes_its_sector(text: str, day: str, expected: tuple) -> None:
    res = resolve(text, day)
    assert (res.country, res.sector) == expected


def _flat(output: str) -> str:
    """Rich's error box without its frame and line breaks."""
    return " ".join(output.replace("│", " ").split())


def test_an_unquoted_comma_in_a_users_actors_file_is_a_usage_error_naming_the_file(tmp_path) -> None:
    from typer.testing import CliRunner

    from peacetalks.actors.cli import app

    bad = tmp_path / "mine.yaml"
    bad.write_text("- {id: acme, name: Acme, Widgets and Co, country: USA, sector: BUS, aliases: []}\n")
    result = CliRunner().invoke(app, ["--actors", str(bad), "resolve", "-"], input='{"id": "1", "text": "Acme"}\n')
    assert result.exit_code == 2
    assert "mine.yaml" in _flat(result.output) and "must be quoted" in _flat(result.output)
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {id: x, name: [unclosed\n")
    result = CliRunner().invoke(app, ["--actors", str(broken), "resolve", "-"], input='{"id": "1", "text": "x"}\n')
    assert result.exit_code == 2
    assert "broken.yaml, line 2" in _flat(result.output)
    # the shipped tables still answer afterwards
    assert resolve("Foreign, Commonwealth and Development Office", DAY).actor_id == "fcdo"
    assert resolve("foreign students", DAY).actor_id is None


@pytest.mark.parametrize("text,expected", [
    ("Coptic Pope", ("pope-tawadros-ii", "EGY", "REL")),      # not the Pope of Rome
    ("the Ecumenical Patriarch", ("patriarch-bartholomew", "TUR", "REL")),
    ("the Kurdistan Regional Government", ("kurdistan-regional-government", "IRQ", "GOV")),
    ("Sahel jihadists", (None, None, "REB")),                 # the Sahel is no Burkinabe province in the news
])
def test_bodies_and_heads_named_by_their_usual_titles(text: str, expected: tuple) -> None:
    res = resolve(text, "2022-10-20")
    assert (res.actor_id, res.country, res.sector) == expected


@pytest.mark.parametrize("text,sector", [
    ("thieves", "CRM"), ("prison guards", "COP"), ("captives", "CVL"), ("ethnic minorities", "CVL"),
    ("a minority government", "GOV"), ("the minority leader", "LEG"),
])
def test_more_agent_nouns(text: str, sector: str) -> None:
    assert resolve(text, DAY).sector == sector


@pytest.mark.parametrize("text,expected", [
    ("Qatari and Egyptian mediators are pushing Hamas.", [("Qatari", "QAT", "GOV"), ("Egyptian mediators", "EGY", "GOV")]),
    ("He met British, French and German officials.",
     [("British", "GBR", "GOV"), ("French", "FRA", "GOV"), ("German officials", "DEU", "GOV")]),
    ("British and French troops could deploy.", [("British", "GBR", "MIL"), ("French troops", "FRA", "MIL")]),
    ("Russia and Ukraine agreed.", [("Russia", "RUS", None), ("Ukraine", "UKR", None)]),
])
def test_coordinated_nationalities_share_the_head_noun(text: str, expected: list) -> None:
    found = mentions(text)
    assert [m for m in found if m[0] in {e[0] for e in expected}] == expected


def test_an_article_starts_a_new_phrase_and_a_predicate_is_no_actor() -> None:
    assert ("Reuters", "GBR", "JRN") in mentions("A senior Hamas official told Reuters the group had accepted.")
    assert mentions("Two Russian soldiers were taken captive near the border.") == [
        ("Russian soldiers", "RUS", "MIL")]


def test_a_nations_negotiating_team_is_its_government() -> None:
    assert mentions("The Ukrainian negotiating team rejected the terms.") == [
        ("Ukrainian negotiating team", "UKR", "GOV")]


@pytest.mark.parametrize("text,expected", [
    ("Sistani", ("ali-al-sistani", "IRQ", "REL")),           # "al-Sistani" written bare
    ("Sistani's office", (None, "IRQ", "REL")),               # a person's office takes the person's sector
    ("Zelensky's office", (None, "UKR", "GOV")),
    ("Dar al-Ifta", (None, None, "UNK")),                     # not Ishaq Dar: the name goes on after him
    ("Ishaq Dar", ("ishaq-dar", "PAK", "GOV")),
    ("Lula da Silva", ("luiz-inacio-lula-da-silva", "BRA", "ELI")),
])
def test_bare_arabic_surnames_offices_and_names_that_go_on(text: str, expected: tuple) -> None:
    res = resolve(text, "2022-10-20")
    assert (res.actor_id, res.country, res.sector) == expected


def test_a_persons_office_in_running_text() -> None:
    assert mentions("Sistani's office said the vote must go ahead.") == [("Sistani's office", "IRQ", "REL")]
    assert mentions("He left the office at noon.") == []


@pytest.mark.parametrize("text,expected", [
    ("British Prime Minister Keir Starmer's office said so.", [("British Prime Minister Keir Starmer's office", "GBR", "LEG")]),
    ("Several NATO intelligence offices shared their findings.", [("NATO intelligence offices", "IGO", "SPY")]),
    ("Queues formed at Moscow exchange offices as the rouble fell.", []),
    ("Ukraine proposed a standing working group with Russia.", [("Ukraine", "UKR", None), ("Russia", "RUS", None)]),
])
def test_an_office_is_someones_and_a_working_group_needs_a_side(text: str, expected: list) -> None:
    assert mentions(text) == expected   # (Starmer led the opposition in June 2022: LEG)


def test_the_offices_of_a_group_are_the_groups() -> None:
    found = mentions("Protesters gathered outside the offices of Palestinian local administrators.")
    assert ("offices of Palestinian local administrators", "PSE", "GOV") in found
