"""Resolve an actor string ("the Russian foreign minister", "Pakistani Army") to who it is on a date.

``interpret`` reads the phrase matches of one noun phrase in order of evidence: a named
person, a title (whose holder on the date is looked up), a named organisation, then
country words (names, nationality adjectives, capitals, metonyms) with a sector noun.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import asdict, dataclass
from typing import Any, Optional, Sequence

from peacetalks.actors.cities import city_countries, town_countries
from peacetalks.actors.kb import OFFICIAL_SECTORS, Entry, Item, KnowledgeBase, Role, get_kb
from peacetalks.actors.match import Match, find, respell
from peacetalks.actors.names import common_reading, head_sector, name_before, name_goes_on, namesake, other_body
from peacetalks.actors.posts import post_holder, sole_holder
from peacetalks.actors.text import DETERMINERS, HONORIFICS, Tok, normalise, tokenize
from peacetalks.nlp.dates import parse_published
from peacetalks.records import NON_STATE_COUNTRIES


@dataclass
class Resolution:
    actor_id: Optional[str]
    name: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    confidence: float
    role: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def nothing() -> Resolution:
    return Resolution(None, None, None, None, 0.0)

# Words after which another country is a complement, not the actor's own country
# ("Canadian Ambassador to the United Nations", "Russian troops in Ukraine").
COMPLEMENT = frozenset({"to", "at", "for", "with", "against", "in", "on", "from", "towards", "toward", "inside"})
# Lower-case particles inside personal names ("Abu Bakr al-Baghdadi", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "de", "da", "do", "dos", "das", "di", "del", "van", "von",
                             "der", "den", "la", "le", "du", "ben", "abu", "ould", "ag", "y", "e"})
# "son of" / "daughter of" in Arabic and Berber names: the name after them is the father's.
_PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould", "ag"})


# --------------------------------------------------------------------------- dates

_TODAY = frozenset({"today", "now", "current", "currently", "present"})


def parse_date(value: Any) -> Optional[dt.date]:
    """A date from a date, an ISO string, "today", or a written date ("12 April 2022"); else None."""
    if value is None or value == "" or isinstance(value, dt.date):
        return parse_published(value)
    text = str(value).strip()
    if text.lower() in _TODAY:
        return dt.date.today()
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        return parse_published(text)
    from dateutil import parser as dparser  # only for free-form dates

    dotted = bool(re.match(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$", text))  # "12.04.2022" is written day first
    try:
        return dparser.parse(text, default=dt.datetime(2000, 1, 1), dayfirst=dotted).date()
    except (ValueError, OverflowError):
        return None


# --------------------------------------------------------------------------- people and roles

def role_country(kb: KnowledgeBase, role: Role, fallback: Optional[str]) -> Optional[str]:
    if role.org:
        org = kb.entries.get(role.org)
        return org.country if org else fallback
    return role.country or fallback


def person_state(kb: KnowledgeBase, entry: Entry, when: dt.date) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """(country, sector, role title) of a person on a date.

    The first role held on the date wins. After all roles have ended, a former office
    holder is ELI (PLOVER: elites, former officials); before the first role the entry's
    own ``sector`` applies (Trump before 2017 is BUS)."""
    for role in entry.roles:
        if role.active(when):
            return role_country(kb, role, entry.country), role.sector, role.title
    if not entry.roles:
        return entry.country, entry.sector, None
    past = [r for r in entry.roles if r.end is not None and r.end <= when]
    if past:
        last = max(past, key=lambda r: r.end or dt.date.min)
        offices = [r for r in past if r.sector in OFFICIAL_SECTORS]
        if offices:  # named after the last office, not a later post that was none ("former deputy prime minister")
            office = max(offices, key=lambda r: r.end or dt.date.min)
            return entry.country or role_country(kb, office, None), "ELI", f"former {office.title}"
        return entry.country, last.sector, None
    first = min(entry.roles, key=lambda r: r.start or dt.date.min)
    return entry.country or role_country(kb, first, None), entry.sector or first.sector, None


def _entry_resolution(kb: KnowledgeBase, entry: Entry, when: dt.date, confidence: float) -> Resolution:
    if entry.kind == "person":
        country, sector, role = person_state(kb, entry, when)
        return Resolution(entry.id, entry.name, country, sector, confidence, role)
    for role in entry.roles:  # organisations whose standing changed ("Taliban": REB, then GOV)
        if role.active(when):
            return Resolution(entry.id, entry.name, role_country(kb, role, entry.country), role.sector, confidence)
    return Resolution(entry.id, entry.name, entry.country, entry.sector, confidence)


def _titled_person(kb: KnowledgeBase, entry: Entry, titles: Sequence[str], confidence: float) -> Optional[Resolution]:
    """With no date, "President Obama" says which of Obama's roles the text means."""
    for role in entry.roles:
        if role.title in titles:
            return Resolution(entry.id, entry.name, role_country(kb, role, entry.country), role.sector, confidence,
                              role.title)
    return None


def pick_person(kb: KnowledgeBase, ids: Sequence[str], when: dt.date, prefer: Sequence[str] = (),
                titles: Sequence[str] = ()) -> Optional[Entry]:
    """Of several people sharing a name: one already mentioned, else the one in office on the date whose post
    the phrase names ("Prime Minister Johnson"), else the one in the highest office then (a prime minister before
    a congressman), else the first."""
    entries = [kb.entries[i] for i in ids if i in kb.entries]
    if not entries:
        return None
    for pid in reversed(prefer):
        for e in entries:
            if e.id == pid:
                return e
    best = max(entries, key=lambda e: _standing(kb, e, when, titles))
    return best if _standing(kb, best, when, titles) > 0 else entries[0]


def _standing(kb: KnowledgeBase, e: Entry, when: dt.date, titles: Sequence[str]) -> int:
    """3: holds a post the phrase names; 2: holds a post with one holder at a time; 1: holds any post."""
    active = [r for r in e.roles if r.active(when)]
    if not active:
        return 0
    if any(r.title in titles for r in active):
        return 3
    return 2 if any(r.title in kb.unique_titles for r in active) else 1


# --------------------------------------------------------------------------- interpretation

@dataclass
class Reading:
    """What the matches of one phrase say, gathered in order."""

    person: list[Match]
    surname: list[Match]
    org: list[Match]
    places: list[tuple[Match, str, Optional[str]]]  # (match, country, sector implied: metonym/capital)
    titles: list[Match]
    agents: list[Match]
    former: bool
    owners: tuple[Match, ...] = ()  # people named with a possessive before the referent ("Putin's spokesman")
    body: Optional[str] = None  # the name of a body no table knows, read from its words ("Liberal Democrats")


def read(kb: KnowledgeBase, tokens: Sequence[Tok], matches: Sequence[Match]) -> Reading:
    r = Reading([], [], [], [], [], [], False)
    cut = _complement_cut(kb, tokens, matches)
    elsewhere = cut < len(tokens) and incomer_in(kb, tokens, [m for m in matches if m.j <= cut], cut)
    for m in matches:
        if m.i >= cut:
            if not elsewhere:
                _complement(r, m)
            continue
        if against(tokens, m.i):
            continue  # "anti-Syria journalist", "anti-Putin protesters": what the phrase opposes
        if _hyphened(tokens, m, _BACKED):
            continue  # "Russian-backed separatists in Donetsk": who backs them is not whose they are
        entry = m.first("entry")
        if entry is not None:
            (r.person if kb.entries[entry.value].kind == "person" else r.org).append(m)
            continue
        it = m.first("metonym", "country", "capital", "demonym", "region")
        if it is not None:
            if it.kind == "metonym":
                r.places.append((m, it.value[0], it.value[1]))
            else:
                r.places.append((m, it.value, _implied_sector(it.kind, tokens[m.j - 1].norm)))
            continue
        if m.has("surname") and _shouted(tokens, m):
            continue  # "disconnect Russia from SWIFT": a surname in capitals amid ordinary text is an acronym
        if m.has("surname") and not (m.has("title", "agent") and tokens[m.i].text.islower()):
            # "the king" written in lower case is the title, not Tom King (names are capitalised)
            r.surname.append(m)
        elif m.has("title"):
            r.titles.append(m)
        elif m.has("agent"):
            r.agents.append(m)
        elif m.has("former"):
            r.former = True
    return r


def _shouted(tokens: Sequence[Tok], m: Match) -> bool:
    """True when a one-word match is written in capitals (three letters or more) after a lower-case word, in
    text that is not all capitals: "from SWIFT" is an acronym; "President PUTIN", "Mr PUTIN" (the style of
    UN and EU documents) are still the name."""
    word = tokens[m.i].text
    if m.j - m.i != 1 or len(word) < 3 or not word.isupper() or m.i == 0 or tokens[m.i - 1].capitalised:
        return False
    return not all(t.text.isupper() for t in tokens if t.text[:1].isalpha())


def incomer_in(kb: KnowledgeBase, tokens: Sequence[Tok], before: Sequence[Match], prep: int) -> bool:
    """True when people from elsewhere are placed with a preposition other than "from": the place after
    it is where they are, not whose they are ("refugees in Lebanon", "settlers in the West Bank")."""
    if tokens[prep].norm == "from":
        return False
    return any(m.words(tokens) in kb.incomers for m in before if m.has("agent"))


# "Hamas-run", "Taliban-led": a body that runs or backs the phrase's head, which is another actor.
_PROXY = frozenset({"run", "led", "controlled", "backed", "linked", "allied", "aligned", "affiliated", "sponsored",
                    "funded", "supported"})


def _hyphened(tokens: Sequence[Tok], m: Match, words: frozenset[str]) -> bool:
    """True when the match is joined by a hyphen to one of ``words``: "Hamas-run", "Iran-backed"."""
    return m.j + 1 < len(tokens) and tokens[m.j].text == "-" and tokens[m.j + 1].norm in words


# "Iran-backed", "US-funded": a state that supports a group from outside (unlike "Saudi-led", "Hamas-run");
# "Russian-speaking": a language, not a state.
_BACKED = frozenset({"backed", "funded", "supported", "sponsored", "armed", "trained", "equipped", "allied",
                     "aligned", "linked", "affiliated", "inspired", "friendly", "speaking"})


def against(tokens: Sequence[Tok], i: int) -> bool:
    """True when token ``i`` follows "anti-" or "pro-": what the phrase opposes or supports is not who
    it is ("anti-Syria journalist", "pro-Russian separatists" in Donetsk)."""
    return i >= 2 and tokens[i - 1].text == "-" and tokens[i - 2].norm in ("anti", "pro")


def _implied_sector(kind: str, last_word: str) -> Optional[str]:
    """A capital stands for the government; a plural nationality noun for the people ("Libyans")."""
    if kind == "capital":
        return "GOV"
    if kind == "demonym" and last_word.endswith("s") and not last_word.endswith(("ss", "ese")):
        return "CVL"
    return None


def _complement(r: Reading, m: Match) -> None:
    """A country after a preposition is the actor's own only when nothing else gave one
    ("trade unions in Denmark"), never when one came before ("Canadian envoy to Russia")."""
    it = m.first("country", "demonym", "capital", "region")
    if it is not None and not r.places and not r.org and not r.person:
        r.places.append((m, it.value, None))


def _complement_cut(kb: KnowledgeBase, tokens: Sequence[Tok], matches: Sequence[Match]) -> int:
    """Token index from which matches are complements: after a preposition that follows evidence.
    Not "for" after a head title: "the spokesman for the Taliban" speaks for it ("envoy for Syria" is cut)."""
    if not matches:
        return len(tokens)
    first = matches[0].i
    for k in range(first + 1, len(tokens)):
        if tokens[k].norm in COMPLEMENT and any(m.j <= k and not m.has("former") for m in matches):
            if tokens[k].norm == "for" and any(m.j == k and _heads(kb, m) for m in matches):
                continue
            return k
    return len(tokens)


def _heads(kb: KnowledgeBase, m: Match) -> bool:
    title = m.first("title")
    return title is not None and title.value in kb.head_titles


def _trailing_name(tokens: Sequence[Tok], after: int, matches: Sequence[Match]) -> Optional[str]:
    """Capitalised unmatched words right after a title: a named person we do not know.
    A word that is only someone's surname may be this person's first name ("Governor Pavel Smirnov")."""
    taken = {k for m in matches if any(it.kind != "surname" for it in m.items) for k in range(m.i, m.j)}
    words = []
    for k in range(after, len(tokens)):
        t = tokens[k]
        if k in taken or not (t.capitalised or t.text == "-") or not (t.text[:1].isalpha() or t.text == "-"):
            break
        words.append(t.text)
    name = " ".join(words).replace(" - ", "-").strip("- ")
    return name or None


def _head_agent(kb: KnowledgeBase, tokens: Sequence[Tok], agents: Sequence[Match]) -> Match:
    """The head sector noun: the last one, or the last before "of" ("workers of the Bus Company"),
    unless that one only counts ("a group of tourists")."""
    # only an "of" between two of the phrase's agents counts (in running text the tokens go on past it)
    of = next((k for k in range(agents[0].j, agents[-1].i) if tokens[k].norm == "of"), None)
    if of is not None:
        before = [m for m in agents if m.j <= of and tokens[m.j - 1].norm not in kb.partitive
                  and m.words(tokens) not in kb.whose_sector]  # "the offices of the X"
        if before:
            return before[-1]
    head = agents[-1]
    if len(agents) > 1 and head.words(tokens) in kb.weak_heads:
        return agents[-2]  # "Muslim community", "student groups": the modifier says who they are
    return head


def _other_first_name(tokens: Sequence[Tok], m: Match, matches: Sequence[Match]) -> bool:
    """True when an unmatched capitalised word precedes a surname: "Jam Kamal Khan" is not Imran Khan."""
    if m.i == 0:
        return False
    prev = tokens[m.i - 1]
    if prev.norm in _PATRONYMIC and m.i >= 2 and tokens[m.i - 2].capitalised:
        return True  # "Turki bin Salman" is Salman's son, not King Salman
    if not (prev.capitalised and prev.text[:1].isalpha()) or prev.norm in HONORIFICS:
        return False  # "Mr Zelensky" is Zelensky
    return not any(x.i <= m.i - 1 < x.j for x in matches)


def _headed_sector(kb: KnowledgeBase, r: Reading, title: str, title_match: Match,
                   org: Optional[Entry], when: dt.date) -> Optional[str]:
    """The sector of what a head title heads: a group noun right before it ("Jewish leader" REL,
    "army spokesman" MIL) or a body with a sector of its own ("President of the Riigikogu" LEG)."""
    if title not in kb.head_titles:
        return None
    before = [m for m in r.agents if m.j <= title_match.i]
    if before and before[-1].j >= title_match.i - 1:
        return before[-1].first("agent").value  # type: ignore[union-attr]
    if org is not None and org.sector and org.country is not None and org.country not in NON_STATE_COUNTRIES:
        # a national body's sector on the date (the Taliban's is GOV from August 2021); an
        # international body's head is looked up
        return _entry_resolution(kb, org, when, 0.0).sector
    return None


# Modifiers that make a media outlet the government's own voice ("state-run television").
_STATE_WORDS = frozenset({"state", "official", "government", "government-run", "state-run", "state-owned"})


def _takes_side(kb: KnowledgeBase, tokens: Sequence[Tok], agents: Sequence[Match], head: Match, start: int) -> bool:
    """True when protesters are named by the side they take: "anti-war" or "pro-democracy" before them, or an
    opposition noun ("opposition demonstrators"). Bare, they are civilians, as in the CAMEO agents
    dictionary, whose first code for them is CVL."""
    if head.words(tokens) not in kb.side_takers:
        return False
    if _opposition_before(agents, head):
        return True
    if start >= 2 and tokens[start - 1].text == "-":  # "anti-Putin": the match is the compound's second word
        start -= 2
    elif start >= 3 and tokens[start - 2].text == "-":  # "anti-war", "pro-democracy" before the first match
        start -= 3
    if start >= 1 and _anti_word(tokens[start - 1].norm):
        start -= 1  # an unmatched "antiwar" before the phrase
    return any(t.norm in ("anti", "pro") or _anti_word(t.norm) for t in tokens[start:head.i])


def _anti_word(word: str) -> bool:
    """One word against something: "antiwar", "antigovernment"."""
    return word.startswith("anti") and len(word) > 6


def _opposition_before(agents: Sequence[Match], head: Match) -> bool:
    """True when an opposition noun comes before the head ("opposition demonstrators", "opposition candidates")."""
    return any(m.j <= head.i and m.first("agent").value == "OPP" for m in agents)  # type: ignore[union-attr]


def _armed_arm(body_sector: Optional[str], head_sector: str) -> bool:
    """True when a government's armed or police arm follows its name: "Palestinian Authority police" is
    COP, "Taliban forces" MIL (the government's forces, not the government)."""
    return body_sector == "GOV" and head_sector in ("COP", "MIL", "SPY")


def _state_owned(tokens: Sequence[Tok], agents: Sequence[Match], start: int) -> bool:
    """True when a state word stands in the phrase (from ``start``, its first match) before the
    head media noun ("state-owned media outlet"). In running text ``tokens`` are the whole text."""
    return any(tokens[k].norm in _STATE_WORDS for k in range(start, agents[-1].i))


def _mononym_of_someone_else(tokens: Sequence[Tok], m: Match, matches: Sequence[Match]) -> bool:
    """True when a one-word name ("Adele", "Madonna") stands next to another capitalised word that no
    table knows: "Adele Smith" and "John Madonna" are other people. So does a name that starts with
    "bin" ("bin Salman"): "Turki bin Salman" is another of Salman's sons."""
    if tokens[m.i].norm in _PATRONYMIC:
        return _other_first_name(tokens, m, matches)
    if m.j - m.i != 1:
        return False
    if m.i > 0 and tokens[m.i - 1].norm in HONORIFICS:
        return _other_last_name(tokens, m, matches)
    return _other_first_name(tokens, m, matches) or _other_last_name(tokens, m, matches)


def _other_last_name(tokens: Sequence[Tok], m: Match, matches: Sequence[Match]) -> bool:
    """True when an unmatched capitalised word follows a surname: "Jean-Pierre Dupont" is not Karine Jean-Pierre."""
    if m.j >= len(tokens):
        return False
    nxt = tokens[m.j]
    if not (nxt.capitalised and nxt.text[:1].isalpha()) and nxt.norm not in _NAME_PARTICLES:
        return False
    if m.j + 2 < len(tokens) and tokens[m.j + 1].text == "-" and tokens[m.j + 1].start == nxt.end \
            and tokens[m.j + 2].capitalised and (nxt.capitalised or nxt.norm in _NAME_PARTICLES):
        return True  # "Hussein Amir-Abdollahian", "Dar al-Ifta": the name goes on, whatever its parts match
    if not nxt.capitalised:
        return False  # a particle not joined by a hyphen ("Lula da Silva") is read as before
    return not any(x.i <= m.j < x.j for x in matches)


def _title_resolution(kb: KnowledgeBase, r: Reading, tokens: Sequence[Tok], matches: Sequence[Match],
                      when: dt.date, context_country: Optional[str] = None) -> Resolution:
    title_match = r.titles[-1]
    title = title_match.first("title").value  # type: ignore[union-attr]
    org = kb.entries[r.org[0].first("entry").value] if r.org else None  # type: ignore[union-attr]
    country = _title_country(kb, r, org, title, when)
    unknown = _trailing_name(tokens, title_match.j, matches)
    plural = title_match.words(tokens) in kb.plural_titles \
        and not _one_each(tokens, r, title_match)
    headed = _headed_sector(kb, r, title, title_match, org, when)
    regional = bool(r.places) and r.places[0][0].first("country", "demonym", "capital", "metonym") is None \
        and r.places[0][0].has("region")  # "the Tigray president", "the Crimean leader": not the state's
    if headed is None and not r.former and not unknown and not plural and not regional:
        person = post_holder(kb, title, org, country, when) or _seat_holder(kb, r, title, when)
        if person is not None:
            return _entry_resolution(kb, person, when, 0.8)
    sector = headed or _body_sector(kb, title, org) or _seat_sector(kb, r, title, title_match) \
        or kb.titles.get(title, "GOV")
    if sector == "MIL" and org is not None:
        body = _entry_resolution(kb, org, when, 0.0).sector  # on the date: the Taliban are GOV since 2021
        if body in _IRREGULAR:
            sector = body  # "a Hezbollah commander" REB, "a Wagner commander" PRM: no state's soldier
    if r.agents and r.agents[-1].i >= title_match.j:  # "president's office": the head noun decides
        sector = r.agents[-1].first("agent").value  # type: ignore[union-attr]
    if r.former and sector in OFFICIAL_SECTORS:
        sector = "ELI"
    if sector == "GOV" and _breakaway(kb, tokens, r):
        sector = "PRE"  # "the Abkhaz leader", "Transnistrian officials"
    if country is None and org is not None:
        country = org.country
    if country is None and unknown:
        country = context_country or name_origin(kb, unknown)  # what the text says before a guess
    return Resolution(None, unknown, country, sector, 0.6, title)


def _one_each(tokens: Sequence[Tok], r: Reading, title_match: Match) -> bool:
    """True when a plural title is one holder per country listed after it: "the Prime Ministers of Estonia,
    Latvia and Lithuania" names Estonia's prime minister first (and the others after it), not a group."""
    after = [m for m, _, _ in r.places if m.i > title_match.j]
    if not after or tokens[title_match.j].norm != "of":
        return False
    k = after[0].j
    if k + 1 < len(tokens) and tokens[k + 1].norm == "the":
        k += 1  # "the leaders of Qatar and the Netherlands"
    return k + 1 < len(tokens) and tokens[after[0].j].norm in (",", "and") and tokens[k + 1].capitalised


def _breakaway(kb: KnowledgeBase, tokens: Sequence[Tok], r: Reading) -> bool:
    """True when the phrase's place is a breakaway entity's adjective (countries.yaml ``pre``)."""
    if not r.places:
        return False
    m = r.places[0][0]
    return m.words(tokens) in kb.breakaway


# Sectors of armed bodies that are no state's forces: their officers take the body's sector.
_IRREGULAR = frozenset({"REB", "PRM", "UAF", "CRM", "PRE"})


def _title_country(kb: KnowledgeBase, r: Reading, org: Optional[Entry], title: str, when: dt.date) -> Optional[str]:
    """The country a title is read in: a place in the phrase; else, without a body, the country of
    the person whose title it is ("Putin's spokesman") or the one state that has it ("the Pope")."""
    if r.places:
        return r.places[0][1]
    if org is not None:
        return None
    return _possessor(kb, r, when)[0] or kb.title_country.get(title)


def _set_owners(tokens: Sequence[Tok], matches: Sequence[Match], r: Reading) -> None:
    """A person named with a possessive before a title, a group noun or another name in the phrase is
    whose it is, not who ("Erdogan's spokesman Ibrahim Kalin", "Kadyrov's fighters"). In running text
    ``tokens`` are the whole text: only the phrase's own matches count as what follows."""
    owners = tuple(m for m in r.person + r.surname if m.j < len(tokens) and (
        tokens[m.j].norm in POSSESSIVES and any(x.i > m.j for x in matches) or _name_modifier(tokens, m, matches)))
    if owners:
        r.owners = owners
        r.person = [m for m in r.person if m not in owners]
        r.surname = [m for m in r.surname if m not in owners]
        # The titles before the owner are the owner's ("British Prime Minister Keir Starmer's office")
        r.titles = [m for m in r.titles if m.i > owners[0].i]


POSSESSIVES = frozenset({"'s", "’s"})


def _name_modifier(tokens: Sequence[Tok], m: Match, matches: Sequence[Match]) -> bool:
    """True when a lower-case title or agent noun follows the name at once: the noun is the head and the
    name modifies it, as a possessive would ("the Assad regime", "Biden officials", "Trump envoy")."""
    if not tokens[m.j].text[:1].islower():
        return False
    return any(x.i == m.j and x.has("title", "agent") for x in matches)


def _possessor(kb: KnowledgeBase, r: Reading, when: dt.date) -> tuple[Optional[str], Optional[str]]:
    """(country, sector) on the date of the person whose title or group it is: "Putin's spokesman",
    "Trump's envoy", "Sistani's office"."""
    for m in r.owners:
        person = pick_person(kb, [it.value for it in m.all("entry") or m.all("surname")], when)
        if person is not None:
            return person_state(kb, person, when)[:2]
    return None, None


def _drop_other_bodies(kb: KnowledgeBase, tokens: Sequence[Tok], matches: Sequence[Match], r: Reading,
                       whole: bool) -> None:
    """An organisation matched by a generic alias inside another body's name ("United Democratic
    Party", "Uganda People's Defence Force") is not that organisation: its words are read as sector
    nouns instead."""
    for m in list(r.org):
        entry = kb.entries[m.first("entry").value]  # type: ignore[union-attr]
        if name_goes_on(kb, tokens, m, matches):
            r.org.remove(m)  # "Liberation Day": not the body, nor any kind of body
            continue
        if not other_body(kb, tokens, m, matches, entry.country, whole):
            continue
        r.org.remove(m)
        # its sector nouns, else the kind of body it was taken for ("Liberal Democrats": a party)
        common = common_reading(kb, tokens, m) or ([Match(m.i, m.j, (Item("agent", entry.sector),))]
                                                   if entry.sector else [])
        for x in common:
            (r.titles if x.has("title") else r.agents).append(x)
        r.agents.sort(key=lambda x: x.i)
        r.titles.sort(key=lambda x: x.i)
        r.body = name_before(tokens, m)


def _namesake(kb: KnowledgeBase, tokens: Sequence[Tok], matches: Sequence[Match], r: Reading,
              when: dt.date) -> Optional[Resolution]:
    """"Kenyatta University", "the Gates Foundation": a person's name before an institution noun names
    the institution, in the namesake's country (a guess: a university is named after its nation's people)."""
    for name, kind in ((r.person, "entry"), (r.surname, "surname")):
        inst = namesake(kb, tokens, name[0], matches) if name else None
        if inst is not None:
            entry = kb.entries.get(name[0].first(kind).value)  # type: ignore[union-attr]
            country = person_state(kb, entry, when)[0] if entry is not None else None
            return Resolution(None, None, country, inst.first("agent").value, 0.6)  # type: ignore[union-attr]
    return None


def _body_sector(kb: KnowledgeBase, title: str, org: Optional[Entry]) -> Optional[str]:
    """A head title of a body whose holder we do not know takes the body's sector: "the Gazprom chief"
    BUS, "the MSF president" MED."""
    if org is None or (title not in kb.head_titles and title not in kb.body_heads):
        return None
    return org.sector


def _seat_sector(kb: KnowledgeBase, r: Reading, title: str, title_match: Match) -> Optional[str]:
    """A head title right after a building takes the building's sector: "the Pentagon spokesman" MIL,
    "the Langley spokesman" SPY (no holder known on the date)."""
    if title not in kb.head_titles:
        return None
    seat = [m for m, _, _ in r.places if m.j == title_match.i and m.has("metonym")]
    return seat[0].first("metonym").value[1] if seat else None  # type: ignore[union-attr]


def _seat_holder(kb: KnowledgeBase, r: Reading, title: str, when: dt.date) -> Optional[Entry]:
    """The holder of a post in the office a building stands for ("the Kremlin spokesman" is the
    presidency's press secretary, not any Russian spokesperson): metonyms.yaml ``body``."""
    seat = r.places[0][0].first("metonym") if r.places and not r.org else None
    body = seat.value[3] if seat is not None else None
    return sole_holder(kb, body, title, when) if body else None


def interpret(kb: KnowledgeBase, tokens: Sequence[Tok], matches: Sequence[Match], when: dt.date,
              prefer: Sequence[str] = (), dated: bool = True, context_country: Optional[str] = None,
              whole: bool = False) -> Resolution:
    """The resolution of one noun phrase from its matches (see the module docstring for the order).

    ``dated`` False means ``when`` is only today's date: a title in the phrase then tells
    which of a person's roles is meant ("President Obama" is GOV, not a former official).
    ``whole`` True means ``tokens`` are the phrase alone (``resolve``), not running text."""
    r = read(kb, tokens, matches)
    _set_owners(tokens, matches, r)
    _drop_other_bodies(kb, tokens, matches, r, whole)
    named_after = _namesake(kb, tokens, matches, r, when)
    if named_after is not None:
        return named_after
    if not r.org and not any(m.has("metonym", "capital") for m, _, _ in r.places):
        # "Chief Kabaka", "the head": a body's head word without a body names no one
        r.titles = [m for m in r.titles if m.first("title").value not in kb.body_heads]  # type: ignore[union-attr]
    if r.agents or r.titles:
        # Names are capitalised: a lower-case name beside a title or an agent noun is an ordinary
        # word ("bush pilots", "rice farmers"); alone ("putin") it may still be the name.
        r.surname = [m for m in r.surname if not tokens[m.i].text.islower()]
        r.person = [m for m in r.person if not all(t.text.islower() for t in tokens[m.i:m.j])]
    person, confidence = None, 0.0
    if r.person and not _mononym_of_someone_else(tokens, r.person[0], matches):
        ids = [it.value for it in r.person[0].all("entry")]
        person, confidence = pick_person(kb, ids, when, prefer), 0.95
    elif r.surname and not _other_first_name(tokens, r.surname[0], matches) and not _other_last_name(
            tokens, r.surname[0], matches) and (
            not r.titles or r.surname[0].i > r.titles[-1].i):
        ids = [it.value for it in r.surname[0].all("surname")]
        titles = [m.first("title").value for m in r.titles]  # type: ignore[union-attr]
        person, confidence = pick_person(kb, ids, when, prefer, titles), 0.85
    if person is not None:
        if not dated and r.titles and not r.former:
            titled = _titled_person(kb, person, [m.first("title").value for m in r.titles], confidence)  # type: ignore[union-attr]
            if titled is not None:
                return titled
        return _entry_resolution(kb, person, when, confidence)
    if r.titles:
        return _title_resolution(kb, r, tokens, matches, when, context_country)
    if r.org:
        entry = kb.entries[r.org[0].first("entry").value]  # type: ignore[union-attr]
        res = _entry_resolution(kb, entry, when, 0.9)
        if res.country is None and r.places:
            res.country = r.places[0][1]
        head = _head_agent(kb, tokens, r.agents).first("agent") if r.agents else None
        if head is not None and r.agents[-1].i > r.org[0].i and (
                entry.sector is None or _hyphened(tokens, r.org[0], _PROXY) or _armed_arm(res.sector, head.value)):
            # "NATO troops"; "the Hamas-run health ministry": the ministry in the body's country, not the body
            res.sector = head.value
            res.actor_id, res.name = None, None
        if res.sector == "PTY" and any(m.first("agent").value == "LEG" for m in r.agents):  # type: ignore[union-attr]
            # "United Russia deputies", "Senate Republicans": a party's legislators act as legislators
            res.sector, res.actor_id, res.name = "LEG", None, None
        if r.former and res.sector in OFFICIAL_SECTORS and r.agents and r.agents[-1].i > r.org[0].i:
            # "a former FSB officer": someone who served in the body, no longer does (PLOVER ELI)
            res.sector, res.actor_id, res.name = "ELI", None, None
        return res
    if r.places or r.agents:
        country = r.places[0][1] if r.places else _possessor(kb, r, when)[0]  # "Kadyrov's fighters"
        sector = None
        if r.agents:
            head = _head_agent(kb, tokens, r.agents)
            sector = head.first("agent").value  # type: ignore[union-attr]
            if head.words(tokens) in kb.whose_sector:
                if not r.owners:
                    return nothing()  # "an office", "Moscow currency exchange offices": whose, it does not say
                sector = _possessor(kb, r, when)[1] or sector  # "Sistani's office" REL
            if sector == "JRN" and _state_owned(tokens, r.agents, matches[0].i):
                sector = "GOV"  # "state-run news agency", "official newspaper": the government speaking
            if sector == "CVL" and _takes_side(kb, tokens, r.agents, head, matches[0].i):
                sector = "OPP"
            elif sector == "PTY" and _opposition_before(r.agents, head):
                sector = "OPP"  # "opposition candidates", "an opposition politician": the party is out of power
        elif r.places:
            # "Bosnian Serbs", "Kosovo Albanians": a people named by where they live, then by who they are
            sector = r.places[0][2] or ("CVL" if r.places[-1][2] == "CVL" else None)
        if r.former and sector in OFFICIAL_SECTORS:
            sector = "ELI"
        if sector == "GOV" and _breakaway(kb, tokens, r):
            sector = "PRE"
        return Resolution(None, r.body, country, sector, 0.75 if r.places else 0.6)
    return nothing()


# --------------------------------------------------------------------------- public API

def _city_country(tokens: Sequence[Tok], matches: Sequence[Match]) -> Optional[str]:
    """The country of a city that is the whole name part of the phrase ("Shanghai authorities")."""
    taken = {k for m in matches for k in range(m.i, m.j)}
    words = [t for k, t in enumerate(tokens) if k not in taken and t.norm not in DETERMINERS and t.text[:1].isalpha()]
    caps = [k for k, t in enumerate(words) if t.capitalised]
    if not caps or caps != list(range(caps[0], caps[-1] + 1)):
        return None
    if all(words[k].norm in get_kb().not_names or not words[k].text.isalpha() for k in caps):
        return None  # "March 2022" is a date, not the town of March
    name = normalise(" ".join(words[k].text for k in caps))
    # A city of 100,000+ first; a smaller town only when the phrase is about it alone or its bodies
    # ("Bucha", "Gulu police"), not when other words could make the name a person's.
    return city_countries().get(name) or (town_countries().get(name) if len(caps) == len(words) or matches else None)


def name_origin(kb: KnowledgeBase, name: str) -> Optional[str]:
    """A country guessed from the shape of a person's name (name_origins.yaml), or None.

    In order: an East Asian name with a hyphenated given name ("Tsai Ing-wen", "Moon Jae-in",
    "Harry Ho-jen Tseng": Taiwanese or Korean romanisation), a Chinese/Vietnamese/Korean family
    name first, a family name last ("Sharma"), then the surname's ending ("-enko")."""
    words = [w for w in re.split(r"\s+", name.strip()) if w]
    if len(words) < 2:
        return None
    first, last = normalise(words[0]), normalise(words[-1])
    hyphenated = _hyphenated_origin(kb, words)
    if hyphenated:
        return hyphenated
    if 2 <= len(words) <= 3 and first in kb.name_surnames and words[1][:1].isupper():
        return kb.name_surnames[first]
    if last in kb.name_family:
        return kb.name_family[last]
    for suffix, iso3 in kb.name_suffixes.items():  # longest ending first (kb sorts them)
        if last.endswith(suffix) and len(last) > len(suffix) + 2:
            return iso3
    return None


def _hyphenated_origin(kb: KnowledgeBase, words: Sequence[str]) -> Optional[str]:
    """Given names written as two hyphenated syllables ("Ing-wen", "Jae-in") mark Taiwanese
    (Wade-Giles) or Korean names; the family name (first or last word) says which."""
    if not any(re.fullmatch(r"[A-Z][a-z]{1,5}-[a-z]{1,5}", w) for w in words):
        return None
    for w in (words[0], words[-1]):
        iso3 = kb.name_hyphenated.get(normalise(w))
        if iso3:
            return iso3
    return None


def _context_country(kb: KnowledgeBase, context: Optional[str]) -> Optional[str]:
    if not context:
        return None
    toks = tokenize(context)
    for m in find(toks, kb, strict=False):
        it = m.first("country", "demonym", "capital", "metonym")
        if it is not None:
            return it.value[0] if it.kind == "metonym" else it.value
        entry = m.first("entry")
        if entry is not None and kb.entries[entry.value].country:
            return kb.entries[entry.value].country
    return None


# The confidence of a name found by its spelling skeleton (exact names: 0.85-0.95).
RESPELT_CONFIDENCE = 0.8


def resolve(text: str, date: dt.date | str | None = None, context: str | None = None) -> Resolution:
    """Who ``text`` names on ``date`` (default today), using ``context`` for the country of unknowns."""
    kb = get_kb()
    when = parse_date(date) or dt.date.today()
    tokens = tokenize(text or "")
    if not tokens:
        return nothing()
    matches, respelt = respell(tokens, find(tokens, kb, strict=False), kb)
    res = interpret(kb, tokens, matches, when, dated=parse_date(date) is not None,
                    context_country=_context_country(kb, context), whole=True)
    if res.actor_id in respelt:
        res.confidence = min(res.confidence, RESPELT_CONFIDENCE)  # a spelling variant: less sure than exact
    if res.country is None and res.actor_id is None and res.name is None:  # a named body's words are no town
        city = _city_country(tokens, matches)
        if city:
            # A city alone stands for its people (NGEC codes "Mariupol" as civilians).
            res.country = city
            res.sector = res.sector or "CVL"
            res.confidence = max(res.confidence, 0.5)
    typed = head_sector(kb, tokens, matches) if res.actor_id is None else None
    if res.country is None and res.sector is None and res.confidence == 0.0:
        unknown = _unknown_referent(kb, text, tokens, context, when)
        if unknown is not None:
            if typed is not None and unknown.actor_id is None:  # "Daily Nation", "Radio Okapi", "Tullow Oil"
                unknown.sector = typed
            return unknown
    if res.country is None and context and res.actor_id is None and (res.sector is None or res.name or res.role):
        # Nothing in the phrase gave a country: an unnamed body, or a title or a person we do not
        # know ("Minister Juan Perez") takes the country the context speaks of.
        res.country = _context_country(kb, context)
    if typed is not None:  # "Kyiv Post" JRN (not the capital's GOV), "Tullow Oil" BUS, "Radio Okapi" JRN
        res.sector, res.confidence = typed, max(res.confidence, 0.5)
    if res.country and res.sector is None and res.actor_id is None and _unknown_head(tokens, matches):
        # "Syrian island": a country word modifying a head noun that is no actor word. The phrase
        # is about something of that country, not the nation itself: NGEC codes it UNK.
        res.sector = "UNK"
    return res


# Words that may stand around a pronoun or an unknown name without changing what it refers to.
_QUANTIFIERS = frozenset({"some", "many", "several", "few", "all", "both", "other", "unnamed", "unidentified",
                          "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "of"})


def _unknown_referent(kb: KnowledgeBase, text: str, tokens: Sequence[Tok],
                      context: Optional[str], when: dt.date) -> Optional[Resolution]:
    """A phrase no table reads that still clearly refers to someone: sector UNK (PLOVER: an actor
    whose sector is unknown), as opposed to a non-actor (a date, junk), which stays null.

    Two kinds: a pronoun or indefinite noun of people ("he", "someone", "others": agents.yaml
    ``alone_unknown``), and a capitalised name (particles such as al-, bin, von allowed), which also
    takes the country of ``context``, else of the name's shape. Capitalised time words ("Yesterday",
    "Monday": ``not_names``) are no name."""
    words = [t for t in tokens if t.norm not in DETERMINERS and t.text[:1].isalpha()]
    if not words:
        return None
    content = [t.norm for t in words if t.norm not in _QUANTIFIERS]
    if content and " ".join(content) in kb.alone_unknown:
        return Resolution(None, None, None, "UNK", 0.3)
    if not (words[0].capitalised and all(
            t.capitalised or t.norm in _NAME_PARTICLES or _after_hyphen(tokens, t) for t in words)):
        return None
    if all(t.norm in kb.not_names for t in words):
        return None
    known = _first_last_person(kb, tokens, words)
    if known is not None:
        return _entry_resolution(kb, known, when, 0.8)
    # An unknown name: keep it, and take the country of the context, else of the name's shape.
    name = text[words[0].start:words[-1].end]
    country = _context_country(kb, context) or name_origin(kb, name)
    return Resolution(None, name, country, "UNK", 0.3 if country is None else 0.35)


def _first_last_person(kb: KnowledgeBase, tokens: Sequence[Tok], words: Sequence[Tok]) -> Optional[Entry]:
    """The one known person whose first and last names begin and end this name of three or more
    words (middle names, patronymics, initials: "Valery Vasilyevich Gerasimov"); None if none or several."""
    names = [t for t in words if t.text[:1].isalpha()]
    if len(tokens) < 3 or len(names) < 2 or _after_hyphen(tokens, names[-1]):
        return None  # "Moon Chung-in" is not Moon Jae-in: "in" is a syllable, not a last name
    ids = kb.first_last.get((names[0].norm, names[-1].norm)) or []
    return kb.entries.get(ids[0]) if len(ids) == 1 else None


def _unknown_head(tokens: Sequence[Tok], matches: Sequence[Match]) -> bool:
    """True when the phrase's head is a lower-case noun that no table knows: the last word, or the
    last word before a preposition ("Syrian island", "the Russian economy", "residents' homes in
    Syria"). The head must follow every match before it. A word hyphenated to the country
    ("US-led", "Israel-based") is an adjective, not a head."""
    if not matches:
        return False
    prep = next((k for k, t in enumerate(tokens) if k > 0 and t.norm in COMPLEMENT), len(tokens))
    words = [k for k in range(prep) if tokens[k].text[:1].isalpha()]
    if not words:
        return False
    last = words[-1]
    if any(m.j > last for m in matches if m.i < prep):
        return False
    head = tokens[last]
    return head.text.islower() and head.norm not in DETERMINERS and (last == 0 or tokens[last - 1].text != "-")


def _after_hyphen(tokens: Sequence[Tok], tok: Tok) -> bool:
    """A lower-case syllable of a hyphenated given name ("Ho-jen", "Jae-in")."""
    k = tokens.index(tok)
    return k > 0 and tokens[k - 1].text == "-" and tokens[k - 1].end == tok.start


def show(name: str, date: dt.date | str | None = None) -> Optional[dict[str, Any]]:
    """The knowledge-base entry for a slug, name or alias, with its state on ``date`` when given."""
    kb = get_kb()
    entry = kb.entries.get(name)
    if entry is None:
        res = resolve(name, date)
        entry = kb.entries.get(res.actor_id) if res.actor_id else None
    if entry is None:
        return None
    out = entry.to_dict()
    when = parse_date(date)
    if when is not None:
        res = _entry_resolution(kb, entry, when, 1.0)
        out["on_date"] = {"date": when.isoformat(), "country": res.country, "sector": res.sector, "role": res.role}
    return out
