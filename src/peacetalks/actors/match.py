"""Longest-first phrase matching of knowledge-base phrases over tokens (dict lookups only), and
``respell``: a name no phrase matches found by its spelling skeleton (one dict lookup per name)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from peacetalks.actors.kb import Item, KnowledgeBase, western_first
from peacetalks.actors.text import (BOUND_PARTICLES, FREE_PARTICLES, HONORIFICS, SUN_ARTICLES, Tok, skeleton,
                                    word_groups)

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

    def words(self, tokens: Sequence[Tok]) -> tuple[str, ...]:
        """The match's words, normalised: the key of its phrase in the knowledge base's noun sets."""
        return tuple(t.norm for t in tokens[self.i:self.j])


def _capitalised(tok: Tok) -> bool:
    return tok.capitalised or not tok.text[:1].isalpha()


def _allowed(items: list[Item], toks: Sequence[Tok], strict: bool) -> tuple[Item, ...]:
    out = []
    for it in items:
        if it.acronym and not all(t.acronym_case or "." in t.text for t in toks if t.text[:1].isalpha()):
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
            out.append(_ethnic(tokens, found))
            i = found.j
        else:
            i += 1
    return out


_CIVILIANS = (Item("agent", "CVL"),)


def _ethnic(tokens: Sequence[Tok], m: Match) -> Match:
    """After "ethnic" a nationality word names a people, not a state: "ethnic Albanians in Serbia",
    "ethnic Russians" are civilians of wherever they live, which the phrase may say."""
    if m.i and tokens[m.i - 1].norm == "ethnic" and m.has("demonym") and not m.has("entry"):
        return Match(m.i, m.j, _CIVILIANS)
    return m


def _reach(tokens: Sequence[Tok], i: int, prefixes: set[tuple[str, ...]], limit: int) -> int:
    """The longest length from token ``i`` that any phrase could have: a phrase of length L
    has all its shorter prefixes in ``prefixes``, so extension stops at the first miss."""
    words = (tokens[i].norm,)
    length = 1
    while length < limit and words in prefixes:
        words += (tokens[i + length].norm,)
        length += 1
    return length


# --------------------------------------------------------------------------- spelling skeletons

# Kinds of a match that can be part of a person's or a body's name; any other kind at the edge of
# a capitalised run (a title, a country, a sector noun) is not part of the name ("Minister X").
_NAME_KINDS = frozenset({"entry", "surname"})
# Lower-case words inside a name ("Abd al-Fattah", "Ahlu Sunna wal Jama'a", "Osama bin Laden").
_PARTICLES = frozenset({"al", "el", "wa", "wal", "bin", "ibn", "bint", "abu", "ben", "de", "da", "del", "di", "van",
                        "von", "der", "ul", "ud", "ut", "e", "i"})
_HYPHEN_ARTICLES = BOUND_PARTICLES | SUN_ARTICLES  # lower case before a hyphen: "ar-Rahman", "al-Sisi"
_CONNECTORS = frozenset({"-", "'", "`", "‘", "’"})
# One word (no space inside) is respelt only when its skeleton is this long: shorter words are too
# often ordinary words or other people's names.
LONG_WORD = 8


def respell(tokens: Sequence[Tok], matches: list[Match], kb: KnowledgeBase) -> tuple[list[Match], set[str]]:
    """Replace what matched inside a capitalised name by the one entry whose name or alias has the
    same spelling skeleton ("Ahlu Sunnah Wa-Jama" = "Ahlu Sunna Waljama'a", "Tseng Hou-jen" =
    "Harry Ho-jen Tseng"). An exact match of the whole name always wins; a skeleton shared by
    two entries names nobody; one word must be long. Returns the matches and the respelt ids."""
    respelt: set[str] = set()
    if not _worth_respelling(tokens, matches):
        return matches, respelt  # every capitalised word is read exactly: the usual case, kept cheap
    for a, b in _name_runs(tokens):
        for i, j in dict.fromkeys([(a, b), _trim(tokens, matches, a, b)]):
            if j - i < 1 or _exact(matches, i, j):
                break
            if not _unread(tokens, matches, i, j):
                continue  # every word is a title, country or sector noun: no name to respell
            item = _skeleton_item(tokens[i:j], kb)
            if item is not None:
                matches = [m for m in matches if m.j <= i or m.i >= j] + [Match(i, j, (item,))]
                matches.sort(key=lambda m: m.i)
                respelt.add(item.value)
                break
    return matches, respelt


def _worth_respelling(tokens: Sequence[Tok], matches: Sequence[Match]) -> bool:
    """True when some capitalised word is in no match, or two name matches stand side by side
    ("Emanuel Macron": one person's surname, then another's): a whole name may say more.
    Called on every string, so one pass over the (sorted, disjoint) matches, no sets."""
    k, prev = 0, None
    for m in matches:
        while k < m.i:
            if tokens[k].text[0].isupper():
                return True
            k += 1
        if prev is not None and prev.j == m.i and _is_name(prev) and _is_name(m):
            return True
        k, prev = m.j, m
    while k < len(tokens):
        if tokens[k].text[0].isupper():
            return True
        k += 1
    return False


def _is_name(m: Match) -> bool:
    for it in m.items:
        if it.kind in _NAME_KINDS:
            return True
    return False


def _name_runs(tokens: Sequence[Tok]) -> list[tuple[int, int]]:
    """Maximal spans of name-like tokens that begin with a capitalised word: capitalised words,
    particles, syllables after a hyphen ("Ho-jen") and connectors written without spaces."""
    runs, start = [], None
    for k, t in enumerate(tokens):
        attached = k > 0 and tokens[k - 1].end == t.start
        if t.text[:1].isalpha():
            ok = t.capitalised or t.norm in _PARTICLES or (attached and tokens[k - 1].text in _CONNECTORS) or (
                t.norm in _HYPHEN_ARTICLES and k + 1 < len(tokens) and tokens[k + 1].text == "-")  # "ar-Rahman"
        else:
            ok = t.text in _CONNECTORS and attached and k + 1 < len(tokens) and tokens[k + 1].start == t.end
        if ok and start is None and t.capitalised and t.text[:1].isalpha():
            start = k
        elif not ok and start is not None:
            runs.append((start, k))
            start = None
    if start is not None:
        runs.append((start, len(tokens)))
    return runs


def _trim(tokens: Sequence[Tok], matches: Sequence[Match], a: int, b: int) -> tuple[int, int]:
    """The run without titles, countries, sector nouns and honorifics at its edges."""
    def outside_name(k: int) -> bool:
        t = tokens[k]
        if t.norm in HONORIFICS or t.text in _CONNECTORS or (t.norm in _PARTICLES and not t.capitalised):
            return True
        return any(m.i <= k < m.j and not any(it.kind in _NAME_KINDS for it in m.items) for m in matches)

    while a < b and outside_name(a):
        a += 1
    while b > a and outside_name(b - 1):
        b -= 1
    return a, b


def _exact(matches: Sequence[Match], i: int, j: int) -> bool:
    """True when an exact name match covers the whole span: the exact reading wins."""
    return any(m.i <= i and m.j >= j and any(it.kind in _NAME_KINDS for it in m.items) for m in matches)


def _unread(tokens: Sequence[Tok], matches: Sequence[Match], i: int, j: int) -> bool:
    """True when some word of the span is unmatched or matched only as a name."""
    other = {k for m in matches if not any(it.kind in _NAME_KINDS for it in m.items) for k in range(m.i, m.j)}
    return any(tokens[k].text[:1].isalpha() and k not in other for k in range(i, j))


def _skeleton_item(toks: Sequence[Tok], kb: KnowledgeBase) -> Optional[Item]:
    groups = word_groups(toks)
    skel = skeleton(groups)
    words = sum(1 for g in groups if not (len(g) == 1 and g[0] in FREE_PARTICLES))  # "Al Gore": one word
    if words < 2 and len(skel) < LONG_WORD:
        return None
    index = kb.spelling()
    owners = {("entry", i) for i in index.names.get(skel, ())}
    if len(groups) == 1:
        owners |= {("surname", i) for i in index.surnames.get(skel, ())}
    elif not owners:
        owners = {("entry", i) for i in _east_asian_owners(groups, kb)}
    if len({i for _, i in owners}) != 1:
        return None  # unknown, or two entries would collide: no reading beats a wrong one
    kind, entry_id = min(owners)  # "entry" before "surname" when both name the same entry
    return Item(kind, entry_id)


def _east_asian_owners(groups: list[list[str]], kb: KnowledgeBase) -> set[str]:
    """Owners among East Asian people: the name in either order (indexed both ways), also without a
    leading Western given name ("Harry Ho-jen Tseng")."""
    index = kb.spelling().east_asian
    owners = set(index.get(skeleton(groups, east_asian=True), ()))
    if not owners and western_first(kb, groups):
        owners = set(index.get(skeleton(groups[1:], east_asian=True), ()))
    return owners
