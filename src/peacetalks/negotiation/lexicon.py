"""The negotiation layer's word lists (``data/*.yaml``), loaded once per process.

Phrases are stored as tuples of lower-case lemmas and indexed by their first word, so
matching a sentence costs one dict lookup per token whatever the size of the lists.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from peacetalks.yaml_tables import load_yaml

DATA = Path(__file__).parent / "data"

Phrase = tuple[str, ...]


def _load(name: str) -> dict[str, Any]:
    with open(DATA / name, encoding="utf-8") as fh:
        return load_yaml(fh)


def phrase(text: str) -> Phrase:
    return tuple(text.lower().split())


def index_phrases(entries: dict[Phrase, Any]) -> dict[str, list[tuple[Phrase, Any]]]:
    """First word -> [(phrase, value)], longest phrase first (so the longest match wins)."""
    out: dict[str, list[tuple[Phrase, Any]]] = {}
    for ph, value in entries.items():
        out.setdefault(ph[0], []).append((ph, value))
    for items in out.values():
        items.sort(key=lambda kv: -len(kv[0]))
    return out


@dataclass(frozen=True)
class PartyLexicon:
    by_first: dict[str, list[tuple[Phrase, dict[str, Any]]]]
    titles: dict[str, str]  # title word/phrase -> level


@dataclass(frozen=True)
class MeetingLexicon:
    nouns: dict[Phrase, str]
    nouns_by_first: dict[str, list[tuple[Phrase, str]]]
    verbs: frozenset[str]
    host_verbs: frozenset[str]
    level_cues: dict[str, str]  # word -> level
    status_cues: dict[str, list[str]]  # lemma -> statuses it can signal
    status_priority: tuple[str, ...]
    condition_marks: frozenset[str]
    first_markers: frozenset[str]
    later_markers: frozenset[str]
    format_cues: dict[str, str]
    anaphora: frozenset[str]
    channel_cues: dict[str, str]  # lemma -> channel (the first channel listed wins)


@dataclass(frozen=True)
class IssueLexicon:
    by_first: dict[str, list[tuple[Phrase, str]]]
    stance_verbs: dict[str, str]  # lemma -> stance (first list wins)
    negatable: frozenset[str]
    claim_verbs: frozenset[str]
    condition_marks: frozenset[str]
    verbs_3sg: dict[str, str]
    halt_verbs: frozenset[str] = frozenset()
    hostile_acts: frozenset[str] = frozenset()
    aim_nouns: frozenset[str] = frozenset()
    weigh_verbs: frozenset[str] = frozenset()
    threat_nouns: frozenset[str] = frozenset()
    rebuttal_issues: frozenset[str] = frozenset()
    rebuttal_nouns: frozenset[str] = frozenset()
    talk_words: frozenset[str] = frozenset()  # unconditional_talks (issues.yaml)
    talk_condition_nouns: frozenset[str] = frozenset()
    unconditional_words: frozenset[str] = frozenset()
    label_nouns: frozenset[str] = frozenset()
    non_security_topics: frozenset[str] = frozenset()
    propose_verbs: frozenset[str] = frozenset()
    false_senses: dict[str, frozenset[str]] = field(default_factory=dict)


@functools.lru_cache(maxsize=1)
def parties() -> PartyLexicon:
    raw = _load("parties.yaml")
    entries: dict[Phrase, dict[str, Any]] = {}
    for name, info in (raw.get("people") or {}).items():
        entries[phrase(name)] = {"kind": "person", **info}
    for name, info in (raw.get("terms") or {}).items():
        entries[phrase(name)] = {"kind": "term", "sector": "GOV", **info}
    titles = {t.lower(): level for level, words in (raw.get("titles") or {}).items() for t in words}
    return PartyLexicon(by_first=index_phrases(entries), titles=titles)


@functools.lru_cache(maxsize=1)
def meetings() -> MeetingLexicon:
    raw = _load("meetings.yaml")
    nouns = {phrase(k): v for k, v in raw["nouns"].items()}
    status_cues: dict[str, list[str]] = {}
    for status, words in raw["status_cues"].items():
        for w in words or []:
            status_cues.setdefault(w, []).append(status)
    return MeetingLexicon(
        nouns=nouns, nouns_by_first=index_phrases(nouns),
        verbs=frozenset(raw["verbs"]), host_verbs=frozenset(raw["host_verbs"]),
        level_cues={w: lvl for lvl, ws in raw["level_cues"].items() for w in ws},
        status_cues=status_cues, status_priority=tuple(raw["status_priority"]),
        condition_marks=frozenset(raw["condition_marks"]),
        first_markers=frozenset(raw["sequence_markers"]["first"]),
        later_markers=frozenset(raw["sequence_markers"]["later"]),
        format_cues={w: f for f, ws in raw["format_cues"].items() for w in ws},
        anaphora=frozenset(raw["anaphora"]),
        channel_cues=_first_wins(raw.get("channels") or {}),
    )


def _first_wins(groups: dict[str, list[str]]) -> dict[str, str]:
    """word -> the first group (in file order) that lists it."""
    out: dict[str, str] = {}
    for name, words in groups.items():
        for w in words or []:
            out.setdefault(str(w).lower(), name)
    return out


@functools.lru_cache(maxsize=1)
def issues() -> IssueLexicon:
    raw = _load("issues.yaml")
    entries: dict[Phrase, str] = {}
    for issue, phrases in raw["issues"].items():
        for p in phrases:
            entries.setdefault(phrase(str(p)), issue)
            # entries are lemmas, but a plural written in the list ("western troops") must match too
            words = phrase(str(p))
            if len(words[-1]) > 3 and words[-1].endswith("s") and not words[-1].endswith("ss"):
                entries.setdefault(words[:-1] + (words[-1][:-1],), issue)
    stance_verbs: dict[str, str] = {}
    for stance, words in raw["stance_verbs"].items():
        for w in words:
            stance_verbs.setdefault(w, stance)
    return IssueLexicon(
        by_first=index_phrases(entries), stance_verbs=stance_verbs,
        negatable=frozenset(raw["negatable"]), claim_verbs=frozenset(raw["claim_verbs"]),
        condition_marks=frozenset(raw["condition_marks"]), verbs_3sg=dict(raw["verbs_3sg"]),
        halt_verbs=frozenset(raw.get("halt_verbs") or ()), hostile_acts=frozenset(raw.get("hostile_acts") or ()),
        aim_nouns=frozenset(raw.get("aim_nouns") or ()), weigh_verbs=frozenset(raw.get("weigh_verbs") or ()),
        threat_nouns=frozenset(raw.get("threat_nouns") or ()),
        rebuttal_issues=frozenset(raw.get("rebuttal_issues") or ()),
        rebuttal_nouns=frozenset(raw.get("rebuttal_nouns") or ()),
        label_nouns=frozenset(raw.get("label_nouns") or ()),
        non_security_topics=frozenset(raw.get("non_security_topics") or ()),
        propose_verbs=frozenset(raw.get("propose_verbs") or ()),
        false_senses={k: frozenset(v or ()) for k, v in (raw.get("false_senses") or {}).items()},
        **_unconditional_talks(raw.get("unconditional_talks") or {}),
    )


def _unconditional_talks(raw: dict[str, Any]) -> dict[str, frozenset[str]]:
    return {"talk_words": frozenset(raw.get("talk_words") or ()),
            "talk_condition_nouns": frozenset(raw.get("condition_nouns") or ()),
            "unconditional_words": frozenset(raw.get("unconditional_words") or ())}
