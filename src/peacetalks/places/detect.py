"""Toponym detection: where in the text are place names?

Two sources, merged without overlaps (longer and gazetteer-known spans win):
- the spaCy model's GPE / LOC / FAC entities (trimmed of "the" and possessive "'s");
- a gazetteer phrase matcher over capitalised token n-grams, so that a known place is found
  even when the model misses it or calls it a person ("Kharkiv", "Zakarpattia").
The matcher only knows ``Gazetteer.match_keys`` (countries, our table, large cities), never the
stoplist of place names that are ordinary words ("Reading", "Nice"); a second pass also matches
smaller towns of the country the document names most often ("local towns").
Facility names keep their town-named parts ("St George's Chapel" is not George, South Africa), and
organisations named after their building ("Washington University") count as facilities.
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from typing import Optional

from peacetalks.yaml_tables import load_yaml
from spacy.tokens import Doc, Span as SpacySpan

from peacetalks.places.gazetteer import DATA, Gazetteer, normalise

PLACE_LABELS = ("GPE", "LOC", "FAC")
# A phrase match inside one of these entities is a person's or group's name, not a place
# ("Jackson" in "Michael Jackson") unless the name is ours (then the model is wrong).
BLOCKING_LABELS = ("PERSON",)
_AGENT_LABELS = ("PERSON", "ORG")
_LEADING = {"the", "The", "THE"}
_POSSESSIVE = ("'s", "\u2019s", "'", "\u2019")
# Endings of nationality adjectives and demonyms ("Ukrainian", "Chinese", "Polish"): an entity the
# gazetteer does not know that looks like one is not a place.
_DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish", "ians", "eans", "ans", "ic", "ch", "an")
# Match towns below the matcher's population floor in the countries the document names.
LOCAL_TOWNS = True
# A mention counts for the document's country when its best reading's prior share is this high
# (measured on the GWN dev half: 0.5-0.6 best; a value above 1 turns the rule off).
DOMINANT_SHARE = 0.6
# Entity types a local town may lie in: places, and the tags the small model gives them by
# mistake (persons, organisations, products: "the A429 Cirencester junction" as one PRODUCT).
_TOWN_ENT_TYPES = frozenset({"", "GPE", "LOC", "FAC", "PERSON", "ORG", "PRODUCT"})
_CONNECTORS = {"of", "and", "on", "upon", "de", "du", "la", "le", "del", "da", "-", "&"}
# Token attributes the matcher reads (TokenTable), in the order TokenTable.of unpacks them.
_TABLE_ATTRS = ["ORTH", "SPACY", "IDX", "LENGTH", "IS_SPACE", "IS_ALPHA", "IS_PUNCT", "LOWER"]


@dataclass
class Candidate:
    start: int  # character offsets into doc.text
    end: int
    text: str
    key: str  # normalised lookup key
    label: Optional[str]  # spaCy label, None for a pure gazetteer match
    known: bool  # the gazetteer has the key
    first_token: int
    last_token: int  # inclusive

    @property
    def length(self) -> int:
        return self.end - self.start


def _trim(span: SpacySpan) -> Optional[SpacySpan]:
    """Drop a leading article, a trailing possessive and whitespace tokens; None when nothing is left."""
    start, end = span.start, span.end
    while start < end and (span.doc[start].text in _LEADING or span.doc[start].is_space):
        start += 1
    while end > start and (span.doc[end - 1].text in _POSSESSIVE or span.doc[end - 1].is_space):
        end -= 1
    return span.doc[start:end] if end > start else None


def _adjectival(span: SpacySpan) -> bool:
    """A nationality adjective ("Ukrainian regions") rather than a place name."""
    root = span.root
    if root.pos_ == "ADJ" or root.dep_ == "amod":
        return True
    return len(span) == 1 and root.text.endswith(_DEMONYM_ENDINGS) and root.tag_ != "NNP"


def _fragment(span: SpacySpan, gaz: Gazetteer) -> bool:
    """Part of a capitalised hyphenated name that is not a place pair ("Lend" in "Lend-Lease",
    unlike "Amsterdam-Berlin" or "Kyiv-based"), or a capitalised function word ("Than" opening
    a sentence): not a place name on its own. Well-known names are kept in compounds."""
    if len(span) == 1 and span[0].is_stop and not span[0].is_upper:
        return True
    if _well_known(gaz, span.text):
        return False
    doc = span.doc
    neighbours = []
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and not span[-1].whitespace_:
        neighbours.append(doc[span.end + 1])
    if span.start >= 2 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_:
        neighbours.append(doc[span.start - 2])
    return any(n.text[:1].isupper() and normalise(n.text) not in gaz.index for n in neighbours)


def _well_known(gaz: Gazetteer, name: str) -> bool:
    """A country, a name from our tables, or a city of 100,000 people or more."""
    return any(e.source != "geonames" or e.feature != "city" or e.population >= 100_000
               for e in gaz.candidates(name))


def _candidate(span: SpacySpan, label: Optional[str], gaz: Gazetteer) -> Candidate:
    text = span.text
    for suffix in _POSSESSIVE:  # "Moscow's" tokenised as one token
        if text.endswith(suffix) and len(text) > len(suffix) + 1:
            text = text[: -len(suffix)]
            break
    key = normalise(text)
    return Candidate(
        start=span.start_char, end=span.start_char + len(text), text=text, key=key, label=label,
        known=key in gaz.index, first_token=span.start, last_token=span.end - 1,
    )


def _capitalised(span: SpacySpan) -> bool:
    words = [t for t in span if t.is_alpha]
    if not words:  # "T&T", "U.S."
        return span.text[:1].isupper()
    return words[0].text[0].isupper() and all(
        t.text[0].isupper() or t.lower_ in _CONNECTORS for t in words)


@functools.lru_cache(maxsize=1)
def _facility_nouns() -> frozenset[str]:
    with open(DATA / "facilities.yaml", encoding="utf-8") as fh:
        return frozenset(normalise(w) for w in load_yaml(fh)["nouns"])


def _org_facility(span: SpacySpan) -> bool:
    """An organisation named after its building ("Washington University", "the British Embassy"):
    two or more capitalised words, one of them (not the first) a facility noun."""
    words = [t for t in span if t.is_alpha]
    return (len(words) >= 2 and _capitalised(span)
            and any(normalise(t.text) in _facility_nouns() for t in words[1:]))


def _label(ent: SpacySpan) -> Optional[str]:
    """The place label of an entity: its own, FAC for an organisation named after its building."""
    if ent.label_ in PLACE_LABELS:
        return ent.label_
    if ent.label_ == "ORG" and _org_facility(ent):
        return "FAC"
    return None


def _named_as_agents(ents: tuple[SpacySpan, ...]) -> set[str]:
    """Names the model also tags as a person or organisation somewhere in the document."""
    names: set[str] = set()
    for ent in ents:
        span = _trim(ent) if ent.label_ in _AGENT_LABELS else None
        if span is not None:
            names.add(normalise(span.text))
    return names


def entity_candidates(doc: Doc, gaz: Gazetteer, table: Optional["TokenTable"] = None) -> list[Candidate]:
    """Place entities of the model; an unknown multi-word entity also yields its known parts.
    An unknown name the model also calls a person or organisation elsewhere in the document
    ("Yulia", "Dropbox") is a name whose place tag is the model's inconsistency, not a place."""
    ents = table.ents if table is not None else tuple(doc.ents)
    out: list[Candidate] = []
    agents = _named_as_agents(ents)
    for ent in ents:
        label = _label(ent)
        if label is None:
            continue
        span = _trim(ent)
        if span is None or _fragment(span, gaz):
            continue
        cand = _candidate(span, label, gaz)
        if not cand.known and (_adjectival(span) or (ent.label_ in PLACE_LABELS and cand.key in agents)):
            continue
        # A facility's parts are not its location ("Windsor Castle" is not Windsor, Ontario).
        if cand.known or len(span) == 1 or label == "FAC":
            out.append(cand)
            continue
        parts = _known_parts(span, gaz, label)
        out.extend(parts if parts else [cand])
    return out


def _known_parts(span: SpacySpan, gaz: Gazetteer, label: str) -> list[Candidate]:
    """Phrase-matchable sub-phrases of an unknown entity ("Lviv region's west" -> "Lviv region");
    only match keys, so a generic part ("Airport", "Republic") never stands for the whole."""
    parts: list[Candidate] = []
    i = span.start
    while i < span.end:
        for n in range(min(gaz.max_words, span.end - i), 0, -1):
            sub = span.doc[i:i + n]
            if sub[0].is_alpha and sub[0].text[0].isupper() and normalise(sub.text) in gaz.match_keys:
                parts.append(_candidate(sub, label, gaz))
                i += n
                break
        else:
            i += 1
    return parts


def _person_blocks(ents: tuple[SpacySpan, ...]) -> tuple[dict[int, SpacySpan], set[str]]:
    """PERSON entities by token, and the names people in this document go by (every word of a
    multi-word PERSON: "John Bolton" makes a later bare "Bolton" a person too)."""
    by_token: dict[int, SpacySpan] = {}
    names: set[str] = set()
    for ent in ents:
        if ent.label_ not in BLOCKING_LABELS:
            continue
        for t in ent:
            by_token[t.i] = ent
        if len(ent) > 1:
            names.update(normalise(t.text) for t in ent if t.is_alpha)
    return by_token, names


def _blocked(found: SpacySpan, persons: dict[int, SpacySpan], person_names: set[str], gaz: Gazetteer) -> bool:
    """A phrase match is a person's name when it lies in a longer PERSON entity or is the bare
    name of a person named in full elsewhere; a PERSON that is exactly a matchable place name
    ("stops in Hilversum and Almelo") is the small model's error. Our own table always wins."""
    ents = {persons[t.i] for t in found if t.i in persons}
    if not ents:
        return normalise(found.text) in person_names and len(found) == 1
    if _ours(gaz, found):
        return False
    if len(ents) == 1:
        ent = next(iter(ents))
        if (ent.start, ent.end) == (found.start, found.end):
            return normalise(found.text) in person_names
    return True


def _facilities(ents: tuple[SpacySpan, ...]) -> dict[int, SpacySpan]:
    """The model's facility names ("St George's Chapel", "Rogers Centre") by token, with
    organisations named after their building ("Washington University")."""
    return {t.i: ent for ent in ents if _label(ent) == "FAC" for t in ent}


def _inside_facility(found: SpacySpan, facilities: dict[int, SpacySpan], gaz: Gazetteer) -> bool:
    """A town name inside a longer facility name is part of that name, not its location
    ("George" in "St George's Chapel", "Windsor" in "Windsor Castle"); countries, regions and
    our own names ("Kyiv" in "Kyiv Zoo") still count."""
    ent = facilities.get(found.start)
    if ent is None or (ent.start, ent.end) == (found.start, found.end) or found.end > ent.end:
        return False
    return not any(e.source != "geonames" or e.feature != "city" for e in gaz.candidates(found.text))


def _local_town(gaz: Gazetteer, key: str, countries: frozenset[str]) -> bool:
    """A town too small for the matcher on its own (under ``MATCH_CITY_POP``) is matched when
    the document names its country: local news names local towns ("Cirencester" next to
    "Gloucester" and "Cheltenham")."""
    if not countries or key in gaz.stoplist:
        return False
    return any(gaz.entries[i].feature == "city" and gaz.entries[i].country in countries
               and not gaz.is_alternate(key, i) for i in gaz.index.get(key, ()))


def _standalone(span: SpacySpan) -> bool:
    """Not part of a nationality, date or number entity the model found ("Central" in a NORP
    "Central American"); person and organisation tags are left to ``_blocked`` (the small model
    calls many towns people)."""
    return all(t.ent_type_ in _TOWN_ENT_TYPES for t in span)


@dataclass(frozen=True)
class TokenTable:
    """What the detector reads of a Doc, taken once per document. Indexing or iterating a spaCy
    Doc builds a Token object each time, ``Doc.text`` joins every token again on each access and
    ``Doc.ents`` builds new Spans on each access; the matcher visits every token twice (with the
    local-town pass), which made those objects most of the stage's time (docs/places.md, Speed).
    Token columns come from ``Doc.to_array``."""

    text: str
    starts: tuple[bool, ...]  # could open a name: capitalised and not punctuation
    breaks: tuple[bool, ...]  # ends a name run: whitespace token or a lower-case non-connector word
    idx: tuple[int, ...]  # character offset of each token
    ends: tuple[int, ...]  # character offset after each token (no trailing whitespace)
    ents: tuple[SpacySpan, ...]
    persons: tuple[dict[int, SpacySpan], set[str]]  # _person_blocks
    facilities: dict[int, SpacySpan]  # _facilities

    @classmethod
    def of(cls, doc: Doc) -> "TokenTable":
        strings = doc.vocab.strings
        connectors = {strings.add(c) for c in _CONNECTORS}
        rows = doc.to_array(_TABLE_ATTRS).tolist()
        text = "".join(strings[orth] + " " if ws else strings[orth] for orth, ws, *_ in rows)
        starts, breaks, idx, ends = [], [], [], []
        for _orth, _ws, start, length, space, alpha, punct, lower in rows:
            upper = text[start].isupper()
            starts.append(upper and not punct)
            # a name never runs over a whitespace token (a line break, a stripped control character)
            breaks.append(bool(space or (alpha and not (upper or lower in connectors))))
            idx.append(start)
            ends.append(start + length)
        ents = tuple(doc.ents)
        return cls(text, tuple(starts), tuple(breaks), tuple(idx), tuple(ends), ents,
                   _person_blocks(ents), _facilities(ents))


def _capitalised_run(table: TokenTable, i: int, limit: int) -> int:
    """How many tokens from ``i`` (at most ``limit``) could belong to one capitalised name: words
    capitalised or connectors, any non-word token. Longer n-grams cannot pass ``_capitalised``,
    so they are never normalised and looked up (most of the matcher's time)."""
    n = 0
    for brk in table.breaks[i:i + limit]:
        if brk:
            break
        n += 1
    return n


def _matchable(doc: Doc, i: int, n: int, key: str, gaz: Gazetteer, countries: frozenset[str]) -> bool:
    """The n-gram ``doc[i:i+n]`` (lookup key ``key``) is a name the matcher may take."""
    if key in gaz.match_keys:
        return _capitalised(doc[i:i + n])
    if not _local_town(gaz, key, countries):
        return False
    span = doc[i:i + n]
    return _standalone(span) and _capitalised(span)


def gazetteer_candidates(doc: Doc, gaz: Gazetteer, countries: frozenset[str] = frozenset(),
                         table: Optional[TokenTable] = None) -> list[Candidate]:
    """Longest capitalised n-grams that are phrase-matchable gazetteer names (or smaller towns
    of the ``countries`` the document is about). ``table`` is ``TokenTable.of(doc)`` when the
    caller already has it."""
    table = table or TokenTable.of(doc)
    persons, person_names = table.persons
    facilities = table.facilities
    text = table.text
    out: list[Candidate] = []
    i, n_tokens = 0, len(table.starts)
    while i < n_tokens:
        if not table.starts[i]:
            i += 1
            continue
        found = None
        for n in range(_capitalised_run(table, i, gaz.max_words), 0, -1):
            key = normalise(text[table.idx[i]:table.ends[i + n - 1]])
            if _matchable(doc, i, n, key, gaz, countries):
                found = doc[i:i + n]
                break
        if found is None:
            i += 1
            continue
        if not (_blocked(found, persons, person_names, gaz) or _fragment(found, gaz)
                or _inside_facility(found, facilities, gaz)):
            out.append(_candidate(found, None, gaz))
        i = found.end
    return out


def _ours(gaz: Gazetteer, span: SpacySpan) -> bool:
    return any(e.source == "ours" for e in gaz.candidates(span.text))


def _country_of(gaz: Gazetteer, cand: Candidate) -> Optional[str]:
    """The country a mention points to before any context: the only one its located readings
    lie in, or that of a reading whose prior clearly dominates the others ("Cheltenham": the
    English town of 119,000 people, not the Australian suburb)."""
    located = [i for i in gaz.index.get(cand.key, ()) if gaz.entries[i].lat is not None]
    found = {gaz.entries[i].country for i in located}
    if len(found) == 1:
        return found.pop()
    if not located or DOMINANT_SHARE > 1:
        return None
    from peacetalks.places.resolve import prior_share  # resolve imports this module

    best, share = prior_share(gaz, located, cand.key)
    return gaz.entries[best].country if share >= DOMINANT_SHARE else None


def _unambiguous_countries(gaz: Gazetteer, cands: list[Candidate]) -> frozenset[str]:
    """The country (or tied countries) the document names most often, counting countries and
    places that point to one country (``_country_of``)."""
    counts: Counter[str] = Counter()
    for cand in cands:
        country = _country_of(gaz, cand)
        if country is not None:
            counts[country] += 1
    if not counts:
        return frozenset()
    top = max(counts.values())
    return frozenset(c for c, n in counts.items() if n == top)


def detect(doc: Doc, gaz: Gazetteer) -> list[Candidate]:
    """All toponym candidates, sorted, non-overlapping."""
    table = TokenTable.of(doc)
    entities = entity_candidates(doc, gaz, table)
    matched = gazetteer_candidates(doc, gaz, table=table)
    countries = _unambiguous_countries(gaz, entities + matched) if LOCAL_TOWNS else frozenset()
    if countries:  # match again, now also the small towns of the document's country
        matched = gazetteer_candidates(doc, gaz, countries, table)
    pool = entities + matched
    # Known before unknown, then longer first, then the model's reading before the matcher's.
    pool.sort(key=lambda c: (not c.known, -c.length, c.label is None, c.start))
    taken: list[Candidate] = []
    for cand in pool:
        if all(cand.end <= t.start or cand.start >= t.end for t in taken):
            taken.append(cand)
    return sorted(taken, key=lambda c: c.start)
