"""Longest-first phrase matching of knowledge-base phrases over tokens (dict lookups only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from peacetalks.actors.kb import Item, KnowledgeBase
from peacetalks.actors.text import Tok

# Kinds that are names: in running text they must be capitalised ("Russia", not "russia").
PROPER = frozenset({"entry", "surname", "country", "demonym", "capital", "metonym", "region"})


@dataclass(frozen=True, slots=True)
class Match:
    i: int  # first token
    j: int  # one past the last token
    items: tuple[Item, ...]

    def first(self, *kinds: str) -> Optional[Item]:
        for item in self.items:
            if item.kind in kinds:
                return item
        return None

    def all(self, kind: str) -> list[Item]:
        return [it for it in self.items if it.kind == kind]

    def has(self, *kinds: str) -> bool:
        return self.first(*kinds) is not None


def _capitalised(tok: Tok) -> bool:
    return tok.capitalised or not tok.text[:1].isalpha()


def _allowed(items: list[Item], toks: Sequence[Tok], strict: bool) -> tuple[Item, ...]:
    out = []
    for it in items:
        if it.acronym and not all(t.upper or "." in t.text for t in toks if t.text[:1].isalpha()):
            continue
        if strict and it.kind in PROPER and not (_capitalised(toks[0]) and _capitalised(toks[-1])):
            continue
        out.append(it)
    return tuple(out)


def find(tokens: Sequence[Tok], kb: KnowledgeBase, strict: bool = False) -> list[Match]:
    """Non-overlapping matches, left to right, the longest phrase at each position.

    ``strict`` (running text) requires names to be capitalised; ``resolve`` on a short
    actor string is lenient except for acronyms ("us" is never the USA)."""
    out: list[Match] = []
    n = len(tokens)
    i = 0
    phrases, prefixes = kb.phrases, kb.prefixes
    while i < n:
        found = None
        if tokens[i].norm in kb.starts:
            for length in range(_reach(tokens, i, prefixes, min(kb.max_len, n - i)), 0, -1):
                items = phrases.get(tuple(t.norm for t in tokens[i:i + length]))
                if items:
                    allowed = _allowed(items, tokens[i:i + length], strict)
                    if allowed:
                        found = Match(i, i + length, allowed)
                        break
        if found:
            out.append(found)
            i = found.j
        else:
            i += 1
    return out


def _reach(tokens: Sequence[Tok], i: int, prefixes: set[tuple[str, ...]], limit: int) -> int:
    """The longest length from token ``i`` that any phrase could have: a phrase of length L
    has all its shorter prefixes in ``prefixes``, so extension stops at the first miss."""
    words = (tokens[i].norm,)
    length = 1
    while length < limit and words in prefixes:
        words += (tokens[i + length].norm,)
        length += 1
    return length
