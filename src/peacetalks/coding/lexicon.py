"""The coder's data tables (YAML in ``coding/data/``), loaded once and indexed by lemma.

Every lookup during coding is a dict access keyed on a token's lemma, so the cost per token
does not grow with the size of the lexicons.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from peacetalks.yaml_tables import load_yaml

from peacetalks.records import EVENT_TYPES, QUADS

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class Sense:
    """One reading of a trigger word: its PLOVER type/mode, CAMEO code and when it applies."""

    type: str
    cameo: str
    mode: Optional[str] = None
    with_: frozenset[str] = frozenset()
    and_with: frozenset[str] = frozenset()
    with_dep: frozenset[str] = frozenset()
    head: frozenset[str] = frozenset()
    without: frozenset[str] = frozenset()
    without_dep: frozenset[str] = frozenset()
    governs: bool = False
    needs_content: bool = False
    yields_to: frozenset[str] = frozenset()
    light: bool = False
    dep: frozenset[str] = frozenset()

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Sense":
        for key in ("with", "and_with", "with_dep", "head", "without", "without_dep", "dep"):
            # YAML 1.1 reads bare on/off/no as booleans: such entries must be quoted.
            if any(not isinstance(w, str) for w in d.get(key) or ()):
                raise ValueError(f"non-string word in {key!r} of {d}: quote on/off/no in the YAML")
        if d["type"] not in EVENT_TYPES:
            raise ValueError(f"unknown PLOVER type in lexicon: {d['type']!r}")
        return cls(
            type=d["type"], cameo=str(d.get("cameo") or ""), mode=d.get("mode"),
            with_=frozenset(d.get("with") or ()), and_with=frozenset(d.get("and_with") or ()),
            with_dep=frozenset(d.get("with_dep") or ()),
            head=frozenset(d.get("head") or ()), without=frozenset(d.get("without") or ()),
            without_dep=frozenset(d.get("without_dep") or ()),
            governs=bool(d.get("governs")), needs_content=bool(d.get("needs_content")),
            yields_to=frozenset(d.get("yields_to") or ()), light=bool(d.get("light")),
            dep=frozenset(d.get("dep") or ()),
        )


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[Sense, ...]]
    nouns: dict[str, tuple[Sense, ...]]
    adjectives: dict[str, tuple[Sense, ...]]
    support_verbs: frozenset[str]
    overrides: dict[tuple[str, str], Sense]
    speech_verbs: frozenset[str]
    permission_verbs: frozenset[str]
    intent_words: frozenset[str]
    expect_words: frozenset[str]
    statement_heads: frozenset[str]
    frame_nouns: frozenset[str]
    deliberation_verbs: frozenset[str]
    override_verbs: frozenset[str] = frozenset()
    carrier_verbs: frozenset[str] = frozenset()  # support verbs and override verbs
    harm_words: frozenset[str] = frozenset()
    figurative_objects: frozenset[str] = frozenset()
    speech_nouns: frozenset[str] = frozenset()
    access_words: frozenset[str] = frozenset()
    deontic_aux: frozenset[str] = frozenset()
    deontic_verbs: frozenset[str] = frozenset()
    deontic_heads: frozenset[str] = frozenset()
    performative_frames: frozenset[str] = frozenset()
    performative_verbs: frozenset[str] = frozenset()
    # Every verb lemma the coder looks up, to repair the lemmatizer's misses ("staged" -> "stag").
    verb_lemmas: frozenset[str] = frozenset()

    def verb_lemma(self, lower: str, lemma: str) -> str:
        """``lemma``, or the known verb lemma ``lower`` inflects when the lemmatizer missed it."""
        if lemma in self.verb_lemmas:
            return lemma
        return _repair(lower, lemma, self.verb_lemmas)


def _inflection_stems(lower: str) -> list[str]:
    """Candidate base forms of an inflected English verb (regular morphology only)."""
    out: list[str] = []
    if lower.endswith("ied") or lower.endswith("ies"):
        out.append(lower[:-3] + "y")
    if lower.endswith("ed"):
        out += [lower[:-1], lower[:-2]]
        if len(lower) > 4 and lower[-3] == lower[-4]:
            out.append(lower[:-3])  # "stopped" -> "stop"
    elif lower.endswith("ing"):
        out += [lower[:-3], lower[:-3] + "e"]
        if len(lower) > 5 and lower[-4] == lower[-5]:
            out.append(lower[:-4])
    elif lower.endswith("es"):
        out += [lower[:-1], lower[:-2]]
    elif lower.endswith("s"):
        out.append(lower[:-1])
    return out


@functools.lru_cache(maxsize=4096)
def _repair(lower: str, lemma: str, known: frozenset[str]) -> str:
    return next((stem for stem in _inflection_stems(lower) if stem in known), lemma)


def _senses(table: dict[str, list[dict[str, Any]]]) -> dict[str, tuple[Sense, ...]]:
    return {lemma.lower(): tuple(Sense.from_dict(s) for s in senses) for lemma, senses in table.items()}


def _overrides(rows: list[dict[str, Any]]) -> dict[tuple[str, str], Sense]:
    out: dict[tuple[str, str], Sense] = {}
    for row in rows:
        sense = Sense.from_dict(row)
        for verb in row["verbs"]:
            for noun in row["nouns"]:
                out.setdefault((verb, noun), sense)
    return out


def _read(name: str) -> dict[str, Any]:
    with open(DATA / name, encoding="utf-8") as fh:
        return load_yaml(fh)


# Word lists of cues.yaml read as they are (see the comments there).
CUE_LISTS = ("harm_words", "figurative_objects", "speech_nouns", "access_words", "deontic_aux",
             "deontic_verbs", "deontic_heads", "performative_frames", "performative_verbs")


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger lexicon (``triggers.yaml``) and the word lists of ``cues.yaml``."""
    t = _read("triggers.yaml")
    c = _read("cues.yaml")
    # "break off" in an override row: the particle verb, looked up as one lemma
    override_verbs = {v.split()[0] for row in t["overrides"] for v in row["verbs"]}
    verb_lemmas = (set(t["verbs"]) | set(t["support_verbs"]) | override_verbs | set(c["speech_verbs"])
                   | set(c["permission_verbs"]) | set(c["intent_words"]) | set(c["deliberation_verbs"]))
    return Lexicon(
        verbs=_senses(t["verbs"]), nouns=_senses(t["nouns"]), adjectives=_senses(t["adjectives"]),
        # Override pairs are matched on the verb's objects directly ("cancel restrictions"), so an
        # override verb does not carry other nouns ("end the war" is no ASSAULT).
        support_verbs=frozenset(t["support_verbs"]),
        overrides=_overrides(t["overrides"]),
        speech_verbs=frozenset(c["speech_verbs"]), permission_verbs=frozenset(c["permission_verbs"]),
        intent_words=frozenset(c["intent_words"]), expect_words=frozenset(c["expect_words"]),
        statement_heads=frozenset(c["statement_heads"]),
        frame_nouns=frozenset(c["frame_nouns"]),
        deliberation_verbs=frozenset(c["deliberation_verbs"]),
        override_verbs=frozenset(override_verbs), carrier_verbs=frozenset(t["support_verbs"]) | override_verbs,
        **{key: frozenset(c[key]) for key in CUE_LISTS},
        verb_lemmas=frozenset(v.lower() for v in verb_lemmas),
    )


@dataclass(frozen=True)
class TypeScore:
    quad: str
    cameo: str
    intensity: float
    modes: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class IntensityTable:
    name: str
    types: dict[str, TypeScore]

    def score(self, event_type: str, mode: Optional[str]) -> tuple[str, str, float]:
        """(quad, default CAMEO code, intensity) for a type and mode."""
        row = self.types[event_type]
        return row.quad, row.cameo, float(row.modes.get(mode or "", row.intensity))


@functools.lru_cache(maxsize=1)
def load_intensity() -> IntensityTable:
    d = _read("intensity.yaml")
    types = {}
    for name, row in d["types"].items():
        if row["quad"] not in QUADS:
            raise ValueError(f"unknown quad {row['quad']!r} for {name}")
        types[name] = TypeScore(row["quad"], str(row["cameo"]), float(row["intensity"]),
                                {k: float(v) for k, v in (row.get("modes") or {}).items()})
    missing = set(EVENT_TYPES) - set(types)
    if missing:
        raise ValueError(f"intensity table lacks {sorted(missing)}")
    return IntensityTable(d["name"], types)


@dataclass(frozen=True)
class ContextTable:
    by_type: dict[str, tuple[str, ...]]
    by_lemma: dict[str, tuple[str, ...]]


@functools.lru_cache(maxsize=1)
def load_contexts() -> ContextTable:
    d = _read("contexts.yaml")
    by_lemma: dict[str, list[str]] = {}
    for context, words in d["keywords"].items():
        for w in words:
            by_lemma.setdefault(w.lower(), []).append(context)
    return ContextTable(
        by_type={k: tuple(v) for k, v in d["by_type"].items()},
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
    )
