"""Demonym references: nationality and regional adjectives read as the place they name.

"Russian troops", "the Venezuelan delegation", "European markets": by our contract an adjective is
not a place mention, yet it does say which country or region a sentence is about, and geoparsing
gold standards (GeoWebNews) count such modifiers as toponyms. This module returns them as
``PlaceMention`` records flagged ``demonym=True`` (feature ``country`` for nations, else the
feature of the named region), kept apart from the real toponyms of ``places_in``: the Python API
and the ``code`` pipeline ask for them explicitly (``places_in(doc, demonyms=True)``), the
geoparser command ``places resolve`` returns them by default (``--no-demonyms`` to omit), and
callers can filter on the flag.

Source: our ``data/demonyms.yaml`` (nationality adjectives by ISO3, regional adjectives by place
name; no ethnic groups: "Igbo" names a people, not Nigeria). Only adjectival uses count: the word
(or its last word) must modify a noun ("Russian troops", "Russian and Venezuelan delegations"); "speaks Russian" (a
language) and "the Russians" (people, a plural noun) are not references to the place.
"""

from __future__ import annotations

import functools
from typing import Any, Optional

from peacetalks.yaml_tables import load_yaml
from spacy.tokens import Doc, Span as SpacySpan

from peacetalks.places.gazetteer import DATA, Entry, Gazetteer, normalise
from peacetalks.records import PlaceMention

# A demonym says which country, not where in it: lower confidence than a named place.
DEMONYM_CONFIDENCE = 0.6
_MAX_WORDS = 3
# Dependency relations of a word that modifies a noun ("Russian troops", "Moscow-backed").
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "npadvmod", "poss"})
_NOUN_POS = frozenset({"NOUN", "PROPN"})


@functools.lru_cache(maxsize=1)
def demonym_table() -> dict[str, tuple[str, str]]:
    """Normalised adjective -> ("country", ISO3) or ("place", gazetteer name)."""
    with open(DATA / "demonyms.yaml", encoding="utf-8") as fh:
        data: dict[str, Any] = load_yaml(fh) or {}
    table: dict[str, tuple[str, str]] = {}
    for iso3, words in (data.get("countries") or {}).items():
        for word in words:
            table.setdefault(normalise(str(word)), ("country", str(iso3)))
    table.update({normalise(adj): ("place", str(name)) for adj, name in (data.get("regions") or {}).items()})
    return table


def _reading(gaz: Gazetteer, kind: str, value: str) -> Optional[Entry]:
    if kind == "country":
        idx = gaz.countries.get(value)
        return gaz.entries[idx] if idx is not None else None
    located = [e for e in gaz.candidates(value) if e.lat is not None]
    # A region first ("Quebec" the province, not the city); city adjectives ("Parisian") name
    # the largest city of that name.
    regions = [e for e in located if e.feature != "city"]
    if regions:
        return regions[0]
    return max(located, key=lambda e: e.population) if located else None


def _modifies_noun(span: SpacySpan) -> bool:
    """The adjective modifies a noun, directly or as a conjunct of a modifier."""
    tok = span[-1]
    if tok.tag_ in ("NNS", "NNPS"):
        return False
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    if tok.dep_ in _MODIFIER_DEPS and tok.head.pos_ in _NOUN_POS:
        return True
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is None:
        return False
    # Not hyphenated modifiers ("Saudi-led coalition"): GeoWebNews, like us, reads those as about a
    # people or state as actor, not a place.
    # The parser went astray but a common noun follows ("languish in Azerbaijani jails"), or it ran
    # the phrase together with its noun ("Russian Foreign Ministry" as one PROPN chain).
    return nxt.pos_ == "NOUN" or (nxt.pos_ in _NOUN_POS and span[-1].head.i >= span.end)


def _capitalised(span: SpacySpan) -> bool:
    return all(t.text[:1].isupper() and not t.is_upper for t in span if t.is_alpha)


def demonyms_in(doc: Doc, gaz: Gazetteer, taken: list[PlaceMention]) -> list[PlaceMention]:
    """Demonym references of ``doc`` that do not overlap the place mentions in ``taken``."""
    table = demonym_table()
    busy = [(p.start, p.end) for p in taken]
    out: list[PlaceMention] = []
    i = 0
    while i < len(doc):
        hit = _match_at(doc, i, table)
        if hit is None:
            i += 1
            continue
        span, (kind, value) = hit
        entry = _reading(gaz, kind, value)
        free = all(span.end_char <= a or span.start_char >= b for a, b in busy)
        if entry is not None and free and _modifies_noun(span):
            out.append(_mention(span, entry))
        i = span.end
    return out


def _match_at(doc: Doc, i: int, table: dict[str, tuple[str, str]]
              ) -> Optional[tuple[SpacySpan, tuple[str, str]]]:
    """The longest capitalised demonym starting at token ``i``."""
    if not doc[i].text[:1].isupper():
        return None
    for n in range(min(_MAX_WORDS, len(doc) - i), 0, -1):
        span = doc[i:i + n]
        found = table.get(normalise(span.text))
        if found is not None and _capitalised(span):
            return span, found
    return None


def _mention(span: SpacySpan, entry: Entry) -> PlaceMention:
    return PlaceMention(
        text=span.text, start=span.start_char, end=span.end_char, name=entry.name,
        geonameid=entry.geonameid, lat=entry.lat, lon=entry.lon, country=entry.country,
        admin1=entry.admin1, feature=entry.feature, confidence=DEMONYM_CONFIDENCE, demonym=True,
    )
