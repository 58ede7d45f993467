"""Pipeline stage 'places': find place names, geocode them, mark metonyms.

Public API:
- ``annotate(analysis)``: append PlaceMention records to ``analysis.places`` (sorted, non-overlapping,
  exact character offsets into ``analysis.text``);
- ``places_in(doc, demonyms=False)``: the same for a parsed text; ``demonyms`` adds nationality
  adjectives as places flagged ``demonym=True`` (opt-in here and in the pipeline: they are not
  where events happen; ``places resolve`` includes them by default, as GeoWebNews counts them);
- ``resolve_document(doc: dict, demonyms=False) -> list[PlaceMention]``: the same for a ``code`` input line;
- ``lookup(name, country=None) -> PlaceMention | None``: the most likely reading of a bare name
  (offsets 0..len(name)), for other stages.
See docs/places.md for the data sources and the measured figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Optional

from peacetalks.records import PlaceMention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from peacetalks.pipeline import Analysis

__all__ = ["annotate", "places_in", "resolve_document", "lookup"]


def places_in(doc: "Doc", demonyms: bool = False) -> list[PlaceMention]:
    """Place mentions of a parsed document, sorted by offset and non-overlapping. With
    ``demonyms``, nationality and regional adjectives ("Russian troops") are added as places
    flagged ``demonym=True`` (see ``peacetalks.places.demonyms``); they are not toponyms."""
    from peacetalks.places.detect import detect
    from peacetalks.places.gazetteer import get_gazetteer
    from peacetalks.places.resolve import resolve_all

    gaz = get_gazetteer()
    found = resolve_all(doc, gaz, detect(doc, gaz))
    if demonyms:
        from peacetalks.places.demonyms import demonyms_in

        found = sorted(found + demonyms_in(doc, gaz, found), key=lambda p: (p.start, p.end))
    return found


def _source_text(found: list[PlaceMention], text: str) -> list[PlaceMention]:
    """Mention texts as written in ``text``: the parser blanks control characters (same length, so
    offsets hold), but a record's ``text`` must be the input's own characters."""
    for p in found:
        original = text[p.start:p.end]
        if original != p.text:
            if p.name == p.text and p.geonameid is None:  # an unknown name is its own text
                p.name = original
            p.text = original
    return found


def annotate(analysis: "Analysis") -> None:
    """Fill ``analysis.places``. Place spans may overlap ``analysis.actors`` ("Moscow said" is both
    an actor and a metonymic place): metonymy is read from the dependency parse."""
    analysis.places.extend(_source_text(places_in(analysis.doc), analysis.text))
    analysis.places.sort(key=lambda p: (p.start, p.end))


def resolve_document(doc: dict[str, Any], demonyms: bool = False) -> list[PlaceMention]:
    """Places of one document given as a ``code`` input line (``id``, ``text``, ...)."""
    from peacetalks.nlp import parse

    text = doc.get("text") if isinstance(doc, dict) else None
    if not isinstance(text, str):
        raise ValueError("missing 'text' (a string)")
    return _source_text(places_in(parse(text), demonyms=demonyms), text)


def lookup(name: str, country: Optional[str] = None) -> Optional[PlaceMention]:
    """The most likely place called ``name`` (within ISO3 ``country`` when given), or None."""
    from peacetalks.places.gazetteer import get_gazetteer
    from peacetalks.places.resolve import lookup_entry

    entry = lookup_entry(get_gazetteer(), name, country)
    if entry is None:
        return None
    return PlaceMention(
        text=name, start=0, end=len(name), name=entry.name, geonameid=entry.geonameid,
        lat=entry.lat, lon=entry.lon, country=entry.country, admin1=entry.admin1,
        feature=entry.feature, confidence=1.0,
    )
