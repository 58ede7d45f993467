"""Tokens for actor matching: one regex pass over the text, exact character offsets.

The same tokenizer cuts knowledge-base phrases and input text, so a phrase matches
whenever its normalised token tuple occurs; no spaCy is needed for ``resolve``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

# Order matters: abbreviations with dots ("U.S.", "U.N.") first, then words (with inner
# apostrophes, "d'Orsay", but not the possessive), the possessive, then any other symbol.
# Hyphens split words so that "US-Russia-Ukraine" yields three names.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"          # U.S.  U.K.  U.N.
    r"|\w+(?:['’](?![sS]\b)\w+)*"  # words; keeps d'Orsay, drops 's
    r"|['’][sS]\b"                 # possessive
    r"|[^\w\s]",                   # punctuation, one character
)

POSSESSIVE = "'s"


class Tok(NamedTuple):
    """One token (a tuple: a text has tens of thousands, and a frozen dataclass's ``__init__``
    cost more than the regex that finds them)."""

    text: str
    norm: str
    start: int
    end: int

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper() or self.text[:1].isdigit()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=65536)
def normalise(word: str) -> str:
    """Lower case, accents folded, curly apostrophe straightened, dots dropped."""
    word = word.replace("’", "'").replace("‘", "'")
    if not word.isascii():
        word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
        word = word.replace("ı", "i").replace("ł", "l").replace("Ł", "l").replace("ø", "o").replace("Ø", "o")
    word = word.lower()
    if "." in word and len(word) > 1:
        word = word.replace(".", "")
    return word


def tokenize(text: str) -> list[Tok]:
    new = Tok._make
    return [new((w := m.group(), normalise(w), m.start(), m.end())) for m in _TOKEN.finditer(text)]


def key(phrase: str) -> tuple[str, ...]:
    """The normalised token tuple of a knowledge-base phrase."""
    return tuple(t.norm for t in tokenize(phrase))
