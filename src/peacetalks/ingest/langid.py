"""A small, fast language detector: Unicode script first, then stopword profiles.

Why our own: news language identification only has to tell English from the handful of
languages that show up in feeds, and stopword density does that reliably on a few hundred
characters, with no model to load. Only the first ``_SAMPLE`` characters are read.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Optional

from peacetalks.yaml_tables import load_yaml

_SAMPLE = 4000
_WORD_RE = re.compile(r"[^\W\d_]+")
_MIN_HITS = 2.5  # fewer stopword hits than this: too little evidence to name a language

# Script -> (first, last) code point ranges; Latin is everything alphabetic that is not listed.
_SCRIPTS: dict[str, tuple[tuple[int, int], ...]] = {
    "cyrillic": ((0x0400, 0x052F),),
    "arabic": ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "han": ((0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0xF900, 0xFAFF)),
    "kana": ((0x3040, 0x30FF), (0x31F0, 0x31FF)),
    "hangul": ((0xAC00, 0xD7AF), (0x1100, 0x11FF), (0x3130, 0x318F)),
    "greek": ((0x0370, 0x03FF),),
    "hebrew": ((0x0590, 0x05FF),),
    "devanagari": ((0x0900, 0x097F),),
    "thai": ((0x0E00, 0x0E7F),),
    "armenian": ((0x0530, 0x058F),),
    "georgian": ((0x10A0, 0x10FF),),
}
_SCRIPT_LANG = {"hangul": "ko", "greek": "el", "hebrew": "he", "devanagari": "hi", "thai": "th",
                "armenian": "hy", "georgian": "ka"}
_UK_LETTERS = frozenset("іїєґІЇЄҐ")
_FA_LETTERS = frozenset("پچژگ")
_UR_LETTERS = frozenset("ٹڈڑںے")


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """word -> {language: weight}; a word shared by k languages weighs 1/k in each."""
    raw = load_yaml(resources.files("peacetalks.ingest").joinpath("data/stopwords.yaml").read_text("utf-8"))
    owners: dict[str, list[str]] = {}
    for lang, words in raw["languages"].items():
        for word in words:
            owners.setdefault(str(word).lower(), []).append(lang)
    return {w: {lang: 1.0 / len(langs) for lang in langs} for w, langs in owners.items()}


@lru_cache(maxsize=1)
def _script_table() -> dict[int, str]:
    return {cp: name for name, ranges in _SCRIPTS.items() for lo, hi in ranges for cp in range(lo, hi + 1)}


def _script_counts(sample: str) -> Counter[str]:
    table = _script_table()
    counts: Counter[str] = Counter()
    for ch in sample:
        if ch.isalpha():
            counts[table.get(ord(ch), "latin")] += 1
    return counts


def _script_language(script: str, sample: str, counts: Counter[str]) -> str:
    if script == "cyrillic":
        return "uk" if any(ch in _UK_LETTERS for ch in sample) else "ru"
    if script == "arabic":
        if any(ch in _UR_LETTERS for ch in sample):
            return "ur"
        return "fa" if any(ch in _FA_LETTERS for ch in sample) else "ar"
    if script in ("han", "kana"):
        # Japanese mixes kana into Han; Chinese has none.
        return "ja" if counts["kana"] > 0.05 * (counts["han"] + counts["kana"]) else "zh"
    return _SCRIPT_LANG[script]


def _stopword_language(sample: str) -> tuple[Optional[str], float]:
    weights = _weights()
    scores: Counter[str] = Counter()
    words = _WORD_RE.findall(sample.lower())
    for word in words:
        for lang, w in weights.get(word, {}).items():
            scores[lang] += w
    ranked = scores.most_common(2)
    if not ranked or ranked[0][1] < _MIN_HITS:
        return None, 0.0
    best, top = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    margin = (top - second) / top
    # Running text has roughly a third of its words in such lists; far less means the
    # text is in a language we have no profile for, or is not prose (tables, lists).
    density = min(1.0, (top / max(1, len(words))) / 0.15)
    return best, round(margin * density, 3)


def detect_language(text: str) -> tuple[Optional[str], float]:
    """(ISO 639-1 code or None, confidence 0..1) for a text; None when there is too little to go on."""
    sample = text[:_SAMPLE]
    counts = _script_counts(sample)
    letters = sum(counts.values())
    if letters == 0:
        return None, 0.0
    script, n = max(counts.items(), key=lambda kv: kv[1])
    if script == "kana":
        script = "han"
    if script != "latin" and n / letters > 0.5:
        return _script_language(script, sample, counts), round(n / letters, 3)
    return _stopword_language(sample)
