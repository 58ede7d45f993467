"""Small dependency-tree helpers shared by the meeting and position readers."""

from __future__ import annotations

import re
from typing import Iterator, Optional

from spacy.tokens import Doc, Span as SpacySpan, Token

from peacetalks.records import Span

REPORTING = frozenset({
    "say", "state", "tell", "announce", "add", "note", "report", "stress", "reaffirm", "confirm",
    "warn", "write", "declare", "explain", "reiterate", "emphasise", "emphasize", "told", "believe",
})
# Clause links a subject is shared across ("X remains unwilling ... and insists on ...").
_SHARED_SUBJECT = frozenset({"xcomp", "conj", "acomp", "advcl", "pcomp", "prep", "ccomp"})


_ON_VERBS = frozenset({"call", "insist"})
_AGAINST_VERBS = frozenset({"warn", "vote", "argue", "campaign", "lobby"})


def ancestors(tok: Token, limit: int = 8) -> Iterator[Token]:
    """The token's heads up to the root (not the token itself)."""
    cur = tok
    for _ in range(limit):
        if cur.head.i == cur.i:
            return
        cur = cur.head
        yield cur


def phrasal(tok: Token) -> str:
    """Lemma plus particle or bound preposition: "call off", "rule out", "call for", "take place"."""
    for c in tok.children:
        if c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in ("for", "off")):
            return f"{tok.lemma_.lower()} {c.lower_}"
        if c.dep_ == "prep" and c.lower_ == "on" and tok.lemma_.lower() in _ON_VERBS:
            return f"{tok.lemma_.lower()} on"  # "called on Russia to agree": an appeal, not a naming
        if c.dep_ == "prep" and c.lower_ == "against" and tok.lemma_.lower() in _AGAINST_VERBS:
            return f"{tok.lemma_.lower()} against"  # "warned against", "voted against"
        if c.dep_ == "dobj" and c.lemma_.lower() == "place" and tok.lemma_.lower() == "take":
            return "take place"
    return tok.lemma_.lower()


# A news dateline at the start of a line: "ISTANBUL, June 2 (Continental Dispatch) - ".
_DATELINE = re.compile(r"[A-Z][A-Z .'/-]+(?:, [A-Z][a-z]+\.? \d{1,2},?(?: \([^)\n]{1,60}\))?| \([^)\n]{1,60}\)) ?"
                       r"[-–—]+ ")


def dateline_end(doc: Doc) -> int:
    """Character offset where the document's dateline ends (0 without one). The parser
    reads the place name as a subject ("ISTANBUL ... delegations held"): it is not a party."""
    text = _head_text(doc)
    start = len(text) - len(text.lstrip())
    lines = [start] + [m.end() for m in re.finditer(r"\n\s*", text[:400])]
    for pos in lines:
        m = _DATELINE.match(text, pos)
        if m is not None:
            return m.end()
    return 0


def _head_text(doc: Doc, chars: int = 600) -> str:
    """The document's text up to about ``chars`` characters past its leading blank lines
    (``doc.text`` joins every token of a long document: a dateline needs only the head)."""
    end = 0
    for tok in doc:
        end = tok.i + 1
        if tok.idx > chars and not tok.is_space:
            break
    return doc[:end].text


def in_dateline(tok: Token) -> bool:
    end = tok.doc.user_data.get("pt_dateline_end")
    if end is None:
        end = tok.doc.user_data["pt_dateline_end"] = dateline_end(tok.doc)
    return tok.idx < end


def subject_of(tok: Token, limit: int = 5) -> Optional[Token]:
    """The nominal subject of a verb, climbing through xcomp/conj chains when it has none."""
    cur = tok
    for _ in range(limit):
        for c in cur.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ not in ("WDT", "EX"):
                if not in_dateline(c):
                    return c
                # "VATICAN CITY, April 27 (Wire) - Trump and Zelensky held": the parser hangs
                # the real subject on the dateline as an apposition
                real = next((a for a in c.children if a.dep_ == "appos" and not in_dateline(a)), None)
                if real is not None:
                    return real
        if cur.dep_ not in _SHARED_SUBJECT or cur.head.i == cur.i:
            return None
        if cur.dep_ == "ccomp":  # a reported clause without a subject takes the reporter's
            return None
        if cur.dep_ == "xcomp":  # object control: "urged Zelensky to accept" -> Zelensky
            obj = next((c for c in cur.head.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "NOUN")), None)
            if obj is not None:
                return obj
        cur = cur.head
    return None


def is_negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("advmod", "det")
               or (c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children))  # "no longer willing"
               or (c.dep_ in ("nsubj", "nsubjpass") and any(g.lower_ == "neither" for g in c.children))
               for c in tok.children)


def trimmed(sent: SpacySpan, source: Optional[str] = None) -> Span:
    """The sentence as a records.Span without surrounding whitespace. ``source`` is the document's
    original text: the parsed text has control characters blanked, the span must quote the original."""
    text = source[sent.start_char:sent.end_char] if source is not None else sent.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    start = sent.start_char + left
    return Span(text=text[left:right], start=start, end=sent.start_char + right)


def speaker(sent: SpacySpan) -> Optional[Token]:
    """The subject of a reporting verb at the root ("Lavrov said ..."), if any."""
    root = sent.root
    if root.lemma_.lower() in REPORTING:
        return subject_of(root)
    return None


_OPEN_QUOTES = ('"', "\u201c")
_QUOTE_MARKS = ('"', "\u201c", "\u201d")


def _quote_marks(text: str) -> int:
    return sum(text.count(q) for q in _QUOTE_MARKS)


def quote_speaker(sent: SpacySpan, limit: int = 4) -> Optional[Token]:
    """The reporter of a quotation that opens in ``sent`` and closes in a later sentence of the
    same paragraph ('"Putin's lies ... peace. Elections are impossible ...," Sybiha wrote.'),
    or None."""
    if not sent.text.lstrip().startswith(_OPEN_QUOTES) or _quote_marks(sent.text) != 1:
        return None
    doc, cur = sent.doc, sent
    for _ in range(limit):
        if "\n" in cur.text or cur.end >= len(doc):
            return None  # the paragraph ends with the quotation still open: no reporter named
        cur = doc[cur.end].sent
        if _quote_marks(cur.text) % 2 == 1:  # the quotation closes here
            return speaker(cur)
    return None


def clean(text: str) -> str:
    return " ".join(text.split())
