"""Issue words in a sentence (``data/issues.yaml``): "security guarantees", "peacekeeping forces",
"illegitimate" ..., with the senses that are not the issue left out. Used by positions.py."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from peacetalks.negotiation import doccache, lexicon, stance_words, talks_format
from peacetalks.negotiation.syntax import ancestors


@dataclass
class IssueMatch:
    issue: str
    head: Token
    tokens: list[Token]
    # talks qualified as unconditional ("talks without preconditions"): being ready for or
    # offering them insists on the format, so an accepting stance reads as a demand
    qualifier: list[Token] = field(default_factory=list)

    @property
    def insisted(self) -> bool:
        return bool(self.qualifier)


def find_issues(sent: SpacySpan) -> list[IssueMatch]:
    """Issue phrases in the sentence, longest match first, each token used once."""
    lex = lexicon.issues()
    doc, base = sent.doc, sent.start
    lemmas = doccache.cached(doc, "issue_lemmas", _norms)[base:sent.end]
    out, covered = _halts(sent, lemmas, lex)
    i = 0
    while i < len(lemmas):
        if base + i in covered:
            i += 1
            continue
        hit = None
        for ph, issue in lex.by_first.get(lemmas[i], ()):
            if tuple(lemmas[i:i + len(ph)]) == ph:
                hit = (ph, issue)
                break
        if hit is None:
            i += 1
            continue
        span = list(doc[base + i:base + i + len(hit[0])])
        if len(span) == 1 and span[0].pos_ == "VERB" and lemmas[i] not in _VERBAL_ISSUES:
            i += 1  # "only this can guarantee that ...": the verb is not the issue
            continue
        head = max(span, key=lambda t: (t.head.i not in {s.i for s in span}, -abs(t.i - span[-1].i)))
        if (hit[1] == "security_guarantees" and len(span) == 1 and _other_guarantee(head, lex)) \
                or _other_sense(hit[1], head, lex):
            pass  # "guarantees on gas supplies": a guarantee of something else, no security guarantee
        elif head.pos_ == "ADJ" and head.dep_ == "amod" and stance_words.stance_phrase(head.head) in lex.stance_verbs:
            pass  # "regard troops as legitimate targets": a stance phrase, not the legitimacy issue
        elif not (head.pos_ == "ADJ" and head.dep_ == "amod" and not _judged(head.head)):  # "legitimate interests"
            out.append(IssueMatch(issue=hit[1], head=head, tokens=span))
        i += len(hit[0])
    return _with_unconditional_talks(sent, lemmas, out)


def _other_guarantee(head: Token, lex: lexicon.IssueLexicon) -> bool:
    """A bare "guarantee" about a non-security topic ("guarantees on gas supplies", "payment
    guarantees", "guarantees for grain exports"): its modifiers or its on/for/of object name it."""
    topics = [c for c in head.lefts if c.dep_ in ("compound", "amod", "nmod")]
    for prep in head.rights:
        if prep.dep_ == "prep" and prep.lower_ in ("on", "for", "of", "over", "about"):
            topics += [t for o in prep.children if o.dep_ == "pobj" for t in o.subtree]
    return any(t.lemma_.lower() in lex.non_security_topics for t in topics)


def _other_sense(issue: str, head: Token, lex: lexicon.IssueLexicon) -> bool:
    """An issue word used in another sense (``issues.yaml: false_senses``)."""
    senses, lemma = lex.false_senses, head.lemma_.lower()
    near = [t.lemma_.lower() for t in [*head.conjuncts, *head.lefts]]
    if issue == "territory" and lemma == "land":
        return any(w in senses.get("domains", ()) for w in near)  # "cover land, sea and air"
    if issue == "territory" and head.pos_ == "VERB" and lemma in ("hand", "cede", "surrender"):
        obj = next((c for c in head.children if c.dep_ == "dobj"), None)  # "hand over this draft"
        return obj is not None and obj.lemma_.lower() in senses.get("handed", ())
    if issue == "elections" and lemma == "vote":  # "would not come to a vote", "a vote on the bill"
        objs = [o.lemma_.lower() for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children]
        to_vote = head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.lemma_.lower() in ("come", "put", "bring")
        return to_vote or any(o in senses.get("procedures", ()) for o in objs)
    if issue == "sanctions" and lemma == "sanction" and head.pos_ == "VERB":  # "an act sanctioned by Kyiv"
        return head.dep_ == "acl" and head.head.lemma_.lower() in senses.get("authorised", ())
    if issue == "sanctions" and lemma == "restriction":  # "range restrictions", "restrictions on the range of"
        near += [o.lemma_.lower() for c in head.children if c.dep_ == "prep" and c.lower_ == "on" for o in c.children]
        return any(w in senses.get("limits", ()) for w in near)
    if issue == "legitimacy" and lemma in _VERDICT_WORDS:
        judged = _judged_noun(head)
        return judged is not None and judged.lemma_.lower() in senses.get("judged_things", ())
    return False


_VERDICT_WORDS = frozenset({"legitimate", "illegitimate", "legitimacy", "illegitimacy"})


def _judged_noun(head: Token) -> Optional[Token]:
    """What "(il)legitimate" is said of: the noun it modifies ("illegitimate sanctions"), the object of
    "call/consider ... illegitimate", the subject of "... are illegitimate", or "the legitimacy of X"."""
    if head.dep_ == "amod":
        return head.head
    if head.pos_ == "NOUN":
        return next((o for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children
                     if o.dep_ == "pobj"), None)
    verb = head.head
    for dep in ("dobj", "nsubj", "nsubjpass"):
        found = next((c for c in verb.children if c.dep_ == dep), None)
        if found is not None:
            return found
    return next((c for c in head.children if c.dep_ == "nsubj"), None)  # "called [the measures illegitimate]"


def _with_unconditional_talks(sent: SpacySpan, lemmas: list[str], out: list[IssueMatch]) -> list[IssueMatch]:
    """"talks without any preconditions": the talks word becomes a talks_format issue (or the
    talks_format match that holds it, "direct negotiations ... without preconditions", is marked)."""
    known = frozenset(t.i for m in out if m.issue == "talks_format" for t in m.tokens) if out else frozenset()
    for talks, qual in talks_format.unconditional(sent, lemmas, known):
        held = next((m for m in out if m.issue == "talks_format" and talks in m.tokens), None)
        if held is not None:
            held.qualifier = qual
        else:
            out.append(IssueMatch(issue="talks_format", head=talks, tokens=[talks], qualifier=qual))
    return out


def _halts(sent: SpacySpan, lemmas: list[str], lex: lexicon.IssueLexicon) -> tuple[list[IssueMatch], set[int]]:
    """"ready to stop all long-range drone and missile strikes", "halt attacks on energy sites":
    a halt verb with a hostile act as its object is a (partial) ceasefire; the verb is the issue
    head, and the object's words are not read as other issues ("missile" is no arms issue here)."""
    out: list[IssueMatch] = []
    covered: set[int] = set()
    for k, lemma in enumerate(lemmas):
        if lemma not in lex.halt_verbs:
            continue
        tok = sent.doc[sent.start + k]
        if tok.pos_ != "VERB":
            continue
        obj = next((c for c in tok.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in lex.hostile_acts),
                   None)
        if obj is not None:
            out.append(IssueMatch(issue="ceasefire", head=tok, tokens=[tok, obj]))
            covered |= {t.i for t in obj.subtree if t.i <= obj.i} | {tok.i}
    return out, covered


# Issue words that are verbs ("cede", "hand over", "join NATO"); any other verb form of an
# issue word ("can guarantee that ...") is not the issue.
_VERBAL_ISSUES = frozenset({"cede", "hand", "annex", "swap", "join", "withdraw", "sanction", "mediate"})


def _judged(noun: Token) -> bool:
    """"considers Zelensky an illegitimate leader": the adjective is the verdict, not a label."""
    return noun.dep_ in ("oprd", "attr", "dobj", "pobj", "ccomp") and any(
        a.lemma_.lower() in lexicon.issues().claim_verbs for a in list(ancestors(noun))[:2])


def _norms(doc: Doc) -> list[str]:
    """Every token's lemma for issue matching; spaCy leaves plural proper nouns alone
    ("Tomahawks"), so their -s is stripped when the singular is an issue word."""
    w = doccache.words(doc)
    return [_norm(lemma, pos) for lemma, pos in zip(w.lemma, w.pos)]


def _norm(lemma: str, pos: str) -> str:
    if pos != "PROPN" or not lemma.endswith("s") or len(lemma) <= 3:
        return lemma  # the common case, without a lexicon lookup per token
    known = lexicon.issues().by_first
    if lemma not in known and lemma[:-1] in known:
        return lemma[:-1]  # "Tomahawks" -> tomahawk, but "Donbas" stays
    return lemma
