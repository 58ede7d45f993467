"""Per-document tables the stage reads many times (token words, DATE entities).

Indexing a spaCy Doc builds a Token object on every access and ``Span.ents`` scans the
whole document each time; the rules ask per sentence and per meeting word, so such tables
are built once per Doc and kept in a weak map (gone with the Doc; nothing is added to the
Doc itself, so pickled analyses stay as they were).
"""

from __future__ import annotations

from typing import Any, Callable, NamedTuple, TypeVar
from weakref import WeakKeyDictionary

from spacy.tokens import Doc

T = TypeVar("T")
_TABLES: dict[str, "WeakKeyDictionary[Doc, Any]"] = {}


def cached(doc: Doc, name: str, build: Callable[[Doc], T]) -> T:
    table = _TABLES.setdefault(name, WeakKeyDictionary())
    value = table.get(doc)
    if value is None:
        value = build(doc)
        table[doc] = value
    return value  # type: ignore[no-any-return]


def clear() -> None:
    """Forget every table (for measurements that annotate the same documents again)."""
    _TABLES.clear()


class Words(NamedTuple):
    lower: list[str]
    lemma: list[str]  # lower-cased
    pos: list[str]


def words(doc: Doc) -> Words:
    """Lower-case text, lemma and POS of every token, by token index."""
    return cached(doc, "words", _build_words)


def _build_words(doc: Doc) -> Words:
    out = Words([], [], [])
    for tok in doc:
        out.lower.append(tok.lower_)
        out.lemma.append(tok.lemma_.lower())
        out.pos.append(tok.pos_)
    return out
