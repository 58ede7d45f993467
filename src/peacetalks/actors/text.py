"""Tokens for actor matching: one regex pass over the text, exact character offsets.

The same tokenizer cuts knowledge-base phrases and input text, so a phrase matches
whenever its normalised token tuple occurs; no spaCy is needed for ``resolve``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple, Sequence

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
# Words before a name that are part of how it is written, not a first name ("Mr Lula", "Sheikh Tamim").
# Leading words that are not part of a name ("the Kremlin", "its Defence Force").
DETERMINERS = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor",
                        "sheikh", "mme", "monsieur", "madame", "herr", "frau", "senor", "senora"})


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
    def acronym_case(self) -> bool:
        """Written as an acronym: all capitals ("NATO"), or a capital inside ("LeT", "MEPs")."""
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and (all(c.isupper() for c in letters) or any(c.isupper() for c in letters[1:]))


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


# --------------------------------------------------------------------------- spelling skeletons
# A name's "skeleton" is one string that stays the same across the usual ways of writing it in
# Latin letters: hyphens, spaces and apostrophes inside romanised syllables ("Ho-jen", "Hojen",
# "Ho Jen"), Arabic articles and conjunctions ("al-", "as-", "Wal"), doubled letters, a final -h
# after a vowel ("Sunnah"), Cyrillic endings ("-iy", "-yy", "-i") and a few letter pairs (kh/h,
# x/ks, ye/e). The knowledge base indexes one skeleton per alias; ``resolve`` looks a name's
# skeleton up when no exact phrase names it (see match.respell). Every rule here applies to both
# sides, so a rule can only merge spellings, never split them.

# Articles and conjunctions written before a word with a hyphen ("al-Sisi", "wal-Jamaa", "Hizb-ul-
# Mujahideen"): not part of the skeleton. The article assimilated to a "sun letter" ("ar-Rahman",
# "as-Sadr", "ash-Shabab", "ad-Din") only before its own consonant, so that a Korean syllable
# ("Un-yong") stays; the Persian and Urdu ezafe ("Jamaat-e-Islami", "-i-") only between two words.
BOUND_PARTICLES = frozenset({"al", "el", "wa", "wal", "ul"})
SUN_ARTICLES = frozenset({"ad", "ar", "as", "ash", "at", "az", "an", "ud", "ur", "us", "ut", "un"})
_EZAFE = frozenset({"e", "i"})
# The same written as a word of its own ("Al Sisi", "Ahlu Sunna Wal Jama'a"): only the unambiguous ones,
# since "as", "an", "at" alone are English words.
FREE_PARTICLES = frozenset({"al", "el", "wa", "wal"})
# Glued to the next word ("Waljama'a", "Alhassan"): stripped from a word that is not the first of the
# name when what remains starts with a consonant and has four letters or more ("Albert" stays whole
# as a first name; "Elizabeth" keeps its vowel-initial rest).
_GLUED_PARTICLES = ("wal", "al", "el")
# "Abdel Fattah", "Abdul Fattah", "Abd al-Fattah", "Abdelfattah": one name.
_ABD = re.compile(r"^abd(?:oul|ul|el|al|ol|u|e)?")
# Given names of Arabic origin that news romanises several ways (vowels and doubled letters the rules
# below do not merge): one spelling each. Only whole words, so "Mohammedi" stays itself.
_GIVEN = {v: k for k, vs in {
    "muhammad": ("mohammed", "mohamed", "mohammad", "muhammed", "mohamad", "muhamad", "mohamud", "mouhamed"),
    "ahmad": ("ahmed", "ahmet"), "mahmud": ("mahmoud",), "husain": ("hussein", "hussain", "husayn", "husein", "hussien", "hossein", "hosein"),
    "usama": ("osama", "oussama"), "yusuf": ("youssef", "yousef", "yousuf", "youssouf", "yousif", "yusef"),
    "umar": ("omar",), "uthman": ("othman", "osman"), "khalid": ("khaled",), "mustafa": ("mustapha", "moustafa"),
    "ibrahim": ("ebrahim",), "abdullah": ("abdallah", "abdulla"), "muammar": ("moammar",),
    # One given name in its Russian, Ukrainian and Belarusian forms, as the press writes them in turn
    # ("Svetlana" / "Sviatlana Tsikhanouskaya", "Vladimir" / "Volodymyr Zelensky").
    "aleksandr": ("alexander", "aleksander", "alexandr", "oleksandr", "olexandr", "aliaksandr", "alyaksandr"),
    "vladimir": ("volodymyr", "uladzimir", "wladimir"), "svetlana": ("sviatlana", "svitlana"),
    "sergei": ("sergey", "serhiy", "serhii", "sergii", "sergiy", "siarhei"), "nikolai": ("nikolay", "mykola", "mikalai"),
    "dmitri": ("dmitry", "dmitriy", "dmytro", "dmitro", "dzmitry"), "andrei": ("andrey", "andriy", "andrii"),
    "mikhail": ("mykhailo", "mikhailo"), "oleg": ("oleh", "aleh"), "igor": ("ihor",),
    "yuri": ("yury", "yuriy", "yurii", "iurii"), "gennady": ("gennadiy", "hennadiy", "hennadii"),
    "pavel": ("pavlo", "paval"), "pyotr": ("petr", "petro"), "aleksei": ("alexei", "alexey", "aleksey", "oleksiy",
                                                                       "oleksii", "olexiy", "aliaksei"),
    "yevgeny": ("yevgeniy", "evgeny", "evgeniy", "yevhen", "yauhen"), "tatiana": ("tatyana", "tetiana", "tatsiana"),
    "yelena": ("elena", "olena", "alena"), "natalia": ("natalya", "nataliya", "natallia"), "irina": ("iryna",),
    "valery": ("valeriy", "valerii"), "anatoly": ("anatoliy", "anatolii"), "vasily": ("vasiliy", "vasyl"),
    "grigory": ("grigoriy", "hryhoriy"), "kirill": ("kyrylo",), "maksim": ("maxim", "maksym"),
    "vitaly": ("vitaliy", "vitalii"), "arseny": ("arseniy", "arsenii"), "denis": ("denys",),
}.items() for v in vs}
_VOWELS = frozenset("aeiou")
# Letters NFKD does not decompose (normalise folds ı, ł, ø already).
_FOLD = str.maketrans({"đ": "d", "ð": "d", "ß": "ss", "æ": "ae", "œ": "oe", "þ": "th", "ħ": "h"})
_MARKS = str.maketrans("", "", "'`ʿʾ‘’´")
_CYRILLIC_END = re.compile(r"(?:iy|yy|yi|ii|ij|y|i)$")  # Zelenskiy/Zelenskyy/Zelenskyi/Zelensky/Zelenski
_DOUBLE = re.compile(r"(\w)\1+")


def _letters(part: str) -> str:
    """The skeleton of one romanised word (already ``normalise``d)."""
    w = part.translate(_FOLD).translate(_MARKS)
    if not w.isalnum():
        return ""  # numbers stay: "Group of 7" is not "Group of 20"
    w = _DOUBLE.sub(r"\1", w.replace("kh", "h").replace("x", "ks"))  # Hurriyya / Hurriya
    if w.startswith("ye") and len(w) > 2 and w[2] not in _VOWELS:
        w = w[1:]  # Yevgeny / Evgeny, Yeltsin / Eltsin
    w = re.sub(r"(?<=[aeiou])ye", "e", w).replace("iye", "ie")  # Sergeyev / Sergeev, Dmitriyev / Dmitriev
    w = re.sub(r"(?:(?<=^)|(?<=[aeiou]))y(?=[aeu])", "i", w)  # Yulia / Iulia, Maya / Maia, Nataliya / Natalia
    if len(w) >= 4:
        w = _CYRILLIC_END.sub("i", w)
    if len(w) > 2 and w[-1] == "h" and w[-2] in _VOWELS:
        w = w[:-1]  # Sunnah / Sunna, Shih / Shi, Hsieh / Hsie
    return _DOUBLE.sub(r"\1", w)  # Hassan / Hasan, Jamaa / Jama, Zelenskyy (after the ending)


def _parts(words: Sequence[Sequence[str]]) -> list[tuple[str, bool]]:
    """The words of a name without its articles, each with whether a word came before it: ``words``
    are groups of normalised tokens written together ("al", "-", "Sisi"), in order."""
    out: list[tuple[str, bool]] = []
    for group in words:
        alpha = [p for p in group if p[:1].isalnum()]
        if len(alpha) == 1 and alpha[0] in FREE_PARTICLES and len(words) > 1:
            continue
        last = len(alpha) - 1
        out += [(p, bool(out)) for k, p in enumerate(alpha) if k == last or not _article(p, alpha[k + 1], k > 0)]
    return out


@lru_cache(maxsize=65536)
def _word(part: str, later: bool) -> str:
    """The skeleton of one word of a name; ``later``: not its first word, where a glued article
    ("Waljama'a") is stripped."""
    p = part.translate(_MARKS)
    if later:
        for art in _GLUED_PARTICLES:
            rest = p[len(art):]
            if p.startswith(art) and len(rest) >= 4 and rest[0].isalpha() and rest[0] not in _VOWELS:
                p = rest
                break
    return _letters(_ABD.sub("abd", _GIVEN.get(p, p)))


def _article(part: str, following: str, inside: bool) -> bool:
    """True when ``part``, written with a hyphen before ``following``, is an article or a conjunction."""
    if part in BOUND_PARTICLES:
        return True
    if part in SUN_ARTICLES:
        return following.startswith(part[1:])
    return inside and part in _EZAFE


def word_groups(tokens: Sequence[Tok]) -> list[list[str]]:
    """Tokens written together (no space between them) as groups of normalised texts."""
    groups: list[list[str]] = []
    prev_end = -1
    for t in tokens:
        if groups and t.start == prev_end:
            groups[-1].append(t.norm)
        else:
            groups.append([t.norm])
        prev_end = t.end
    return groups


def skeleton(words: Sequence[Sequence[str]], east_asian: bool = False) -> str:
    """One string for all usual spellings of a name (see above). ``east_asian`` also merges the
    vowel spellings of Chinese, Japanese and Korean romanisations that news writes both ways
    ("Hou-jen"/"Ho-jen", "Kouno"/"Kono"); it is used only against East Asian people."""
    out = "".join([_word(p, later) for p, later in _parts(words)])
    if east_asian:
        out = _DOUBLE.sub(r"\1", out.replace("ou", "o"))
    return out


def skeleton_of(phrase: str, east_asian: bool = False) -> str:
    return skeleton(word_groups(tokenize(phrase)), east_asian)
