"""Who is who in a document, for the negotiation layer.

The actors stage (``analysis.actors``) is the authority; tokens it left uncovered are
looked up in the small fallback lexicon (``data/parties.yaml``) so that metonyms
("the Kremlin", "Kyiv") and the main negotiators resolve even when it is absent.
``PartyIndex`` maps every token to the ActorMention that covers it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Iterable, Optional

import pycountry
from spacy.tokens import Doc, Span as SpacySpan, Token

from peacetalks.negotiation import doccache, lexicon
from peacetalks.negotiation.speakers import LEVEL_RANK, level_of
from peacetalks.negotiation.syntax import REPORTING, dateline_end, subject_of
from peacetalks.records import NON_STATE_COUNTRIES, ActorMention

_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_STATE_PRONOUNS = frozenset({"it", "they", "its", "their"})


@dataclass
class PartyIndex:
    doc: Doc
    mentions: list[ActorMention]
    by_token: dict[int, ActorMention] = field(default_factory=dict)
    # resolved subject "he"/"she" by token index: a chain of sentences opening with "He said"
    # resolves each pronoun once, not once per later sentence
    _resolved: dict[int, Optional[ActorMention]] = field(default_factory=dict, repr=False)

    def at(self, token: Token) -> Optional[ActorMention]:
        return self.by_token.get(token.i)

    def in_tokens(self, tokens: Iterable[Token]) -> list[ActorMention]:
        """Distinct mentions covering any of the tokens, in text order."""
        seen: dict[int, ActorMention] = {}
        for tok in tokens:
            m = self.by_token.get(tok.i)
            if m is not None:
                seen.setdefault(id(m), m)
        return sorted(seen.values(), key=lambda m: m.start)

    def in_span(self, sent: SpacySpan) -> list[ActorMention]:
        return self.in_tokens(sent)

    def of_subtree(self, token: Token) -> Optional[ActorMention]:
        """The mention a noun phrase stands for: its head's, else the first in its subtree."""
        m = self.at(token)
        if m is not None:
            return m
        found = self.in_tokens(token.subtree)
        return found[0] if found else None

    def resolve_pronoun(self, token: Token) -> Optional[ActorMention]:
        """He/she -> the latest person before the token; it/they -> the latest state-level party."""
        low = token.lower_
        want_person = low in _PERSON_PRONOUNS
        if not want_person and low not in _STATE_PRONOUNS:
            return None
        if low in ("it", "its"):
            return self._subject_in_sentence(token)
        if want_person and token.dep_ in ("nsubj", "nsubjpass"):
            if token.i not in self._resolved:
                self._resolved[token.i] = self._reporter(token) or self._conjoined_subject(token) \
                    or self._previous_subject(token)
            if self._resolved[token.i] is not None:
                return self._resolved[token.i]
        for m in sorted(self.mentions, key=lambda m: -m.start):
            if m.end > token.idx:
                continue
            if (m.actor_id is not None) == want_person and m.country \
                    and not (want_person and _organisation(m, token.doc)):
                return m
        return None

    def _reporter(self, token: Token) -> Optional[ActorMention]:
        """"Trump said he was not happy with what Putin was doing and, asked whether he was
        considering sanctions, ...": a subject "he" inside the report is the named person who
        reports it, not the latest name before it."""
        root = token.sent.root
        if root.lemma_.lower() not in REPORTING or token.head.i == root.i:
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.i >= token.i:
            return None  # the actors stage's mention decides, not the POS ("Trump" read as a noun)
        m = self.by_token.get(subj.i)
        if m is None or m.actor_id is None or not m.country or _organisation(m, token.doc):
            return None
        return None if self._nearer_subject(token, root, m) else m

    def _conjoined_subject(self, token: Token) -> Optional[ActorMention]:
        """"Putin told Trump that ..., but he declined to agree to a ceasefire": the subject "he" of
        a clause conjoined to one with a person as subject continues that subject, not the latest
        name (an object)."""
        verb = token.head
        if verb.dep_ != "conj":
            return None
        subj = subject_of(verb.head, limit=1)  # skips a dateline read as a subject
        m = self.by_token.get(subj.i) if subj is not None and subj.i < token.i else None
        if m is None or m.actor_id is None or not m.country or _organisation(m, token.doc):
            return None
        return m

    def _previous_subject(self, token: Token) -> Optional[ActorMention]:
        """"Trump said there was no reason for Putin to fire missiles. He suggested ...": a main-
        clause "he" opening a sentence continues the previous sentence's subject (the topic), not
        its latest name (an object); only when that subject is a person and the sentence before
        names no other person as subject."""
        if token.head.i != token.sent.root.i or any(
                self.by_token.get(t.i) is not None for t in token.sent if t.i < token.i):
            return None
        start = token.sent.start
        if start == 0:
            return None
        prev = token.doc[start - 1].sent
        heads = [t for t in prev if t.dep_ in ("nsubj", "nsubjpass") and t.head.i == prev.root.i]
        # "Trump sharpened his tone. ..., he said .... He suggested ...": a pronoun subject carries it on
        subjects = [m for t in heads if (m := self.by_token.get(t.i) or (
            self.resolve_pronoun(t) if t.lower_ in _PERSON_PRONOUNS else None)) is not None]
        people = {m.actor_id for m in subjects if m.actor_id is not None}
        if len(people) != 1 or _organisation(subjects[0], token.doc):
            return None
        return next(m for m in subjects if m.actor_id is not None)

    def _nearer_subject(self, token: Token, root: Token, reporter: ActorMention) -> bool:
        """"Peskov said Putin would decide whether he attends": a clause between the report
        and the pronoun has a person of its own as subject, who is the nearer antecedent."""
        for verb in token.head.ancestors if token.head.i != root.i else ():
            if verb.i == root.i:
                break
            subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            other = self.by_token.get(subj.i) if subj is not None else None
            if other is not None and other.actor_id is not None and other is not reporter:
                return True
        return False

    def _subject_in_sentence(self, token: Token) -> Optional[ActorMention]:
        """"it" stands for a state only when one is a subject earlier in the same sentence
        ("Moscow said it would ..."); otherwise it is usually an event or a situation."""
        for tok in reversed(list(token.sent)):
            if tok.i >= token.i or tok.dep_ not in ("nsubj", "nsubjpass"):
                continue
            m = self.by_token.get(tok.i)
            # a state, or a named group ("Hamas said it ..."), never a person
            if m is not None and m.country and (m.actor_id is None or tok.ent_type_ in ("ORG", "NORP", "GPE")):
                return m
        return None


def _organisation(m: ActorMention, doc: Doc) -> bool:
    """A named organisation ("the Group of Seven") has an actor id like a person, but is no "he"."""
    if m.country not in NON_STATE_COUNTRIES:
        return False  # spaCy often tags a politician's name as ORG or GPE: trust only non-state actors
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    return span is not None and span.root.ent_type_ in ("ORG", "NORP", "GPE", "FAC", "LOC")


def rank_of(mention: ActorMention, doc: Doc) -> Optional[str]:
    """The meeting level a participant brings: from the lexicon, the role or a title next to the name."""
    return level_of(mention.actor_id, mention.role) or _title_level(mention, doc)


def _title_level(mention: ActorMention, doc: Doc) -> Optional[str]:
    """A title inside the mention or just before it ("Foreign Minister Lavrov")."""
    lex = lexicon.parties()
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return None
    words = [t.lower_ for t in doc[max(0, span.start - 3):span.end]]
    best: Optional[str] = None
    i = 0
    while i < len(words):
        # The longest title at each position wins: "prime minister" is a leader, not a minister.
        n, level = next(((n, lex.titles[" ".join(words[i:i + n])]) for n in (3, 2, 1)
                         if " ".join(words[i:i + n]) in lex.titles), (1, None))
        if level and (best is None or LEVEL_RANK[level] < LEVEL_RANK[best]):
            best = level
        i += n
    return best


def build_index(doc: Doc, actors: list[ActorMention]) -> PartyIndex:
    index = PartyIndex(doc=doc, mentions=[])
    for m in actors:
        if not m.country and not m.actor_id:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        index.mentions.append(m)
        for tok in span:
            index.by_token.setdefault(tok.i, m)
    _add_fallback(index)
    _add_countries(index)
    end = dateline_end(doc)  # "KYIV, May 31 (Wire) -": where it was written, not who acts
    if end:
        index.by_token = {i: m for i, m in index.by_token.items() if doc[i].idx >= end}
        index.mentions = [m for m in index.mentions if m.start >= end]
    index.mentions.sort(key=lambda m: m.start)
    return index


@functools.lru_cache(maxsize=4096)
def country_code(name: str) -> Optional[str]:
    """ISO3 of a country name spaCy tagged as GPE ("Israel", "South Korea"), else None."""
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return None


def _add_countries(index: PartyIndex) -> None:
    """Country names the lexicon does not list, from spaCy's GPE entities (cities stay out)."""
    for ent in index.doc.ents:
        if ent.label_ != "GPE" or any(t.i in index.by_token for t in ent):
            continue
        code = country_code(ent.text.removeprefix("the ").strip())
        if code:
            _add(index, ent, {"country": code, "sector": "GOV", "name": ent.text})


def _key(tok: Token) -> str:
    return tok.lower_


def _add_fallback(index: PartyIndex) -> None:
    lex = lexicon.parties()
    doc = index.doc
    words = doccache.words(doc).lower  # indexing the Doc would build a Token per word
    i = 0
    while i < len(words):
        candidates = lex.by_first.get(words[i], ())
        matched = 0
        for ph, info in candidates:
            n = len(ph)
            if i + n > len(words) or tuple(words[i:i + n]) != ph:
                continue
            if any(j in index.by_token for j in range(i, i + n)):
                break
            # Short all-caps forms (US, UK, EU, UN) must be written in capitals: "us" is a pronoun.
            if len(ph) == 1 and len(ph[0]) <= 3 and not doc[i].text.isupper():
                break
            _add(index, doc[i:i + n], info)
            matched = n
            break
        i += max(matched, 1)


def _add(index: PartyIndex, span: SpacySpan, info: dict) -> None:
    m = ActorMention(
        text=span.text, start=span.start_char, end=span.end_char,
        actor_id=info.get("actor_id"), name=info.get("name") or span.text,
        country=info.get("country"), sector=info.get("sector"), confidence=0.6,
    )
    index.mentions.append(m)
    for tok in span:
        index.by_token[tok.i] = m


def country_key(m: ActorMention) -> str:
    """The party a mention stands for in a meeting or a position: its country, else its id."""
    return m.country or m.actor_id or m.text.lower()
