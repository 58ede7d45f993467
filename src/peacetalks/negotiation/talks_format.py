"""Talks qualified as unconditional: a stand on the format of the talks.

"Russia remained ready to start negotiations without any preconditions", "offering Kyiv to
resume talks with no conditions", "called for unconditional talks": whoever is ready for,
offers or proposes such talks insists on a format (no terms set before the table), so the
position is a ``talks_format`` demand, the mirror of "no talks before a ceasefire" (a
condition). A plain "ready to talk" has no qualifier and stays a meeting signal only.

``unconditional(sent, lemmas)`` finds the qualifiers and the talks word each belongs to; the
positions walk (``issue_words.find_issues``) makes the talks word an issue head marked
``insisted``. Word lists: ``issues.yaml: unconditional_talks``.
"""

from __future__ import annotations

from typing import Optional, Sequence

from spacy.tokens import Span as SpacySpan, Token

from peacetalks.negotiation import lexicon

# How far below the qualifier's anchor the talks word may sit: "remained [ready] to [start]
# [negotiations] without ..." (the parser hangs "without" on the main verb).
_DEPTH = 3
# Dependencies followed down from the anchor to the talks word: objects, complements and the
# subject of a passive or of "talks should start without preconditions".
_DOWN = frozenset({"dobj", "xcomp", "acomp", "pobj", "prep", "nsubj", "nsubjpass", "attr"})


def unconditional(sent: SpacySpan, lemmas: Sequence[str],
                  talks_tokens: frozenset[int] = frozenset()) -> list[tuple[Token, list[Token]]]:
    """(talks word, qualifier tokens) for each "without (any) preconditions" / "with no
    conditions" / "unconditional(ly)" in ``sent`` that qualifies talks; ``lemmas`` are the
    sentence's lemmas (as ``find_issues`` computes them); ``talks_tokens``: the tokens of
    talks_format issue phrases found already, which count as talks words too ("return to
    the table without conditions")."""
    lex = lexicon.issues()
    out: list[tuple[Token, list[Token]]] = []
    if lex.talk_condition_nouns.isdisjoint(lemmas) and lex.unconditional_words.isdisjoint(lemmas):
        return out  # most sentences: one C-level scan, no per-token loop
    for k, lemma in enumerate(lemmas):
        if lemma not in lex.talk_condition_nouns and lemma not in lex.unconditional_words:
            continue  # the common case: one set lookup per token
        tok = sent.doc[sent.start + k]
        found = _qualifier(tok, lex)
        if found is None:
            continue
        anchor, qual = found
        talks = _talks_at(anchor, lex.talk_words, qual, talks_tokens)
        if talks is not None:
            out.append((talks, qual))
    return out


def _qualifier(tok: Token, lex: lexicon.IssueLexicon) -> Optional[tuple[Token, list[Token]]]:
    """(the word qualified, the qualifier's tokens), or None."""
    if tok.lemma_.lower() in lex.unconditional_words:
        return (tok.head, [tok]) if tok.dep_ in ("amod", "advmod") else None
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    if prep.lower_ == "without" or (prep.lower_ == "with" and any(
            c.dep_ == "det" and c.lower_ == "no" for c in tok.children)):
        return prep.head, [t for t in prep.subtree]
    return None


def _talks_at(anchor: Token, talk_words: frozenset[str], qual: list[Token],
              talks_tokens: frozenset[int]) -> Optional[Token]:
    """The talks word the qualified word is or governs (nearest first)."""
    skip = {t.i for t in qual}
    level = [anchor]
    for _ in range(_DEPTH + 1):
        nxt: list[Token] = []
        for t in level:
            if t.i in talks_tokens or (t.lemma_.lower() in talk_words and t.pos_ in ("NOUN", "VERB", "PROPN")):
                return t
            nxt += [c for c in t.children if c.dep_ in _DOWN and c.i not in skip]
        level = nxt
    return None
