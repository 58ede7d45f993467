"""Past meetings recalled in today's news: "the 2022 Istanbul talks", "since the 2019
Normandy summit", "where the two sides last held talks in 2022".

Such a meeting is not an event of the current phase: counted as held it inflates the
stage and the weekly indicators, and dated to the report it lands in the wrong week. A
meeting is **historical** when

- a date written *on it* (its own words or its verb's, not a relative clause, a reported
  clause or a "since ..." phrase) ends more than ``periods.HISTORY_DAYS`` before publication, or
- it is named as a past reference point without a recent date: the object of "since"
  ("since the Normandy summit"), the subject of a "since" clause ("since the talks
  collapsed"), or a past meeting verb marked "last" ("when they last met").

A date far in the past that is *not* written on the meeting ("resume the negotiations
they broke off at the end of 2022", "the first direct talks since 2022") is the date of
something else: the meeting loses it instead of becoming historical.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from spacy.tokens import Token

from peacetalks.negotiation.periods import is_old
from peacetalks.negotiation.status import frame_token

_YEAR = re.compile(r"^(19|20)\d{2}$")
# Clauses and phrases whose dates belong to something else than the meeting word.
_FOREIGN = frozenset({"relcl", "ccomp", "advcl", "acl", "parataxis", "conj"})
_PAST_TAGS = frozenset({"VBD", "VBN"})


def judge(trig: Token, date: Optional[str], published: Optional[dt.date], status: str) -> tuple[Optional[str], bool]:
    """(the meeting's date, historical?) for the meeting word ``trig``."""
    year = own_year(trig)
    if year is not None and not (date and date.startswith(year)):
        date = year  # "the 2022 Istanbul talks": the resolver may miss a year used as a modifier
    if date and published is not None and is_old(date, published):
        if year is not None or _date_on_meeting(trig, date[:4]):
            return date, True
        date = published.isoformat() if status == "held" else None  # the old date is another event's
    if past_reference(trig) and not (date and published is not None and not _is_published(date, published)):
        return None, True
    return date, False


def _is_published(date: str, published: dt.date) -> bool:
    return date == published.isoformat()


def own_year(trig: Token) -> Optional[str]:
    """A year written as a modifier of the meeting noun: "the 2022 Istanbul talks", "talks of 2022"."""
    if trig.pos_ not in ("NOUN", "PROPN"):
        return None
    for c in trig.lefts:
        for t in c.subtree:
            if _YEAR.match(t.text) and t.i < trig.i:
                return t.text
    for prep in trig.children:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "in"):
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and _YEAR.match(obj.text):
                return obj.text
    return None


def _meeting_scope(trig: Token) -> set[int]:
    """Token indices whose words describe the meeting itself: its subtree and, for a noun,
    the subtree of the verb that holds it ("held talks in 2022"), without other clauses."""
    root = trig
    if trig.pos_ in ("NOUN", "PROPN") and trig.dep_ in ("dobj", "nsubj", "nsubjpass") \
            and trig.head.pos_ in ("VERB", "AUX"):
        root = trig.head
    out: set[int] = set()
    stack = [root]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        for c in tok.children:
            if c.dep_ in _FOREIGN and trig not in c.subtree:
                continue  # another clause: its date is another event's
            if c.dep_ == "prep" and c.lower_ == "since":
                continue  # "the first talks since 2022": the year is the reference point
            stack.append(c)
    return out


def _date_on_meeting(trig: Token, year: str) -> bool:
    scope = _meeting_scope(trig)
    return any(t.text == year for t in trig.doc[trig.sent.start:trig.sent.end] if t.i in scope)


def past_reference(trig: Token) -> bool:
    """Named as a point in the past: "since the summit", "since the talks collapsed", "last met"."""
    frame = frame_token(trig)
    if frame.dep_ == "pobj" and frame.head.lower_ == "since":
        return True
    verb = trig if trig.pos_ == "VERB" else (trig.head if trig.dep_ in ("nsubj", "nsubjpass", "dobj") else None)
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "since" for c in verb.children):
        return True
    return verb.tag_ in _PAST_TAGS and any(c.dep_ == "advmod" and c.lower_ == "last" for c in verb.children)
