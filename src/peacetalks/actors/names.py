"""What a capitalised name is when the tables know only part of it.

Three readings, each about the words around a match rather than the match itself:

- a person's name before an institution noun is the institution's namesake, not the actor
  ("Kenyatta University" EDU, "the Gates Foundation" SOC);
- an organisation whose alias is made of common words ("Congress", "Democratic Party", "People's
  Defence Force") is another body when another name stands right before it: an unknown capitalised
  word ("United Democratic Party") or another country ("Uganda People's Defence Force",
  "the Kenyan Parliament" if "Parliament" were someone's alias); a plural of members ("Democrats")
  also after a qualifying word ("Liberal Democrats", "Sweden Democrats"; not "Senate Democrats");
- an unknown proper name is typed by its head word ("Nairobi Daily" and "Kyiv Post" are newspapers,
  "Tullow Oil" a company): agents.yaml ``name_heads``.
"""

from __future__ import annotations

from typing import Optional, Sequence

from peacetalks.actors.kb import KnowledgeBase
from peacetalks.actors.match import Match
from peacetalks.actors.text import DETERMINERS, Tok

# Tokens after which a capitalised word is capitalised for the sentence's sake, not for a name's.
_SENTENCE_BREAKS = frozenset({".", "!", "?", ":", ";", '"', "“", "”", "‘", "'", "(", "—", "–"})


def namesake(kb: KnowledgeBase, tokens: Sequence[Tok], person: Match, matches: Sequence[Match]) -> Optional[Match]:
    """The institution noun right after a person's name, capitalised as part of one name: the
    phrase names the institution ("Kenyatta University", "Gates Foundation"). None otherwise."""
    after = next((m for m in matches if m.i == person.j), None)
    if after is None or not tokens[after.i].capitalised:
        return None
    if not after.has("agent") or after.has("title"):
        return None  # "Putin Spokesman" is still about Putin's office: titles are read elsewhere
    words = after.words(tokens)
    return after if words[-1] in kb.institution_words else None


def generic_alias(kb: KnowledgeBase, tokens: Sequence[Tok], m: Match) -> bool:
    """True when every word of the matched alias is a common word (agents.yaml ``generic_name_words``
    or a sector noun): the alias says what kind of body, not which one."""
    return all(t.norm in kb.generic_words for t in tokens[m.i:m.j] if t.text[:1].isalpha())


def _member_plural(kb: KnowledgeBase, tokens: Sequence[Tok], m: Match) -> bool:
    """True when the alias is one plural of members ("Democrats", "Conservatives")."""
    return m.j - m.i == 1 and tokens[m.i].norm in kb.member_plurals


def name_goes_on(kb: KnowledgeBase, tokens: Sequence[Tok], m: Match, matches: Sequence[Match]) -> bool:
    """True when an alias made of common words runs on into a capitalised word no table reads: "Liberation
    Day" is no newspaper, "Holocaust Memorial Day" no rights group. Names ("Hamas Monday") do not."""
    if m.j >= len(tokens) or not generic_alias(kb, tokens, m):
        return False
    nxt = tokens[m.j]
    if not (nxt.capitalised and nxt.text[:1].isalpha()) or nxt.norm in kb.generic_words or nxt.norm in kb.not_names:
        return False
    return not any(x.i <= m.j < x.j for x in matches)


def other_body(kb: KnowledgeBase, tokens: Sequence[Tok], m: Match, matches: Sequence[Match],
               org_country: Optional[str], whole: bool) -> bool:
    """True when an organisation matched by a generic alias is part of another body's name: the word
    before it is a different country ("Uganda People's Defence Force") or a capitalised word no table
    reads ("United Democratic Party"). In running text a sentence's first word does not count; in a
    phrase (``whole``) its first word does."""
    members = _member_plural(kb, tokens, m)
    if m.i == 0 or not (members or generic_alias(kb, tokens, m)):
        return False
    k = m.i - 1
    if tokens[k].norm == "'s" and k > 0 and tokens[k - 1].capitalised:
        # "People's Democratic Party": a name goes on before the alias; "Trump's Republican Party" is whose
        owner = next((x for x in matches if x.i <= k - 1 < x.j), None)
        return owner is None or not owner.has("entry", "surname", "country", "demonym", "capital", "metonym")
    before = next((x for x in matches if x.i <= k < x.j), None)
    if before is not None:
        place = before.first("country", "demonym")
        if place is not None:
            return org_country is not None and place.value != org_country
        # "Liberal Democrats", "Christian Democrats" are other parties; "Senate Democrats" are the party's
        return members and tokens[k].capitalised and not before.has("entry", "title") \
            and not any(it.kind == "agent" and it.value == "LEG" for it in before.items)
    tok = tokens[k]
    if not (tok.capitalised and tok.text[:1].isalpha()) or tok.norm in DETERMINERS or tok.norm in kb.not_names:
        return False
    if whole:
        return True
    return k > 0 and tokens[k - 1].text not in _SENTENCE_BREAKS


def name_before(tokens: Sequence[Tok], m: Match) -> str:
    """The whole name a match ends: the capitalised words right before it ("Uganda People's Defence
    Force"), written as in the text."""
    k = m.i
    while k > 0 and (tokens[k - 1].capitalised or tokens[k - 1].norm == "'s") \
            and tokens[k - 1].norm not in DETERMINERS and tokens[k - 1].text not in _SENTENCE_BREAKS:
        k -= 1
    out = ""
    for n in range(k, m.j):
        gap = " " if n > k and tokens[n].start > tokens[n - 1].end else ""
        out += gap + tokens[n].text
    return out


def common_reading(kb: KnowledgeBase, tokens: Sequence[Tok], m: Match) -> list[Match]:
    """The span of a dropped organisation read for its common words only: its sector nouns
    ("Defence Force" MIL, "Party" PTY), longest first."""
    out: list[Match] = []
    i = m.i
    while i < m.j:
        for j in range(m.j, i, -1):
            items = tuple(it for it in kb.phrases.get(tuple(t.norm for t in tokens[i:j])) or ()
                          if it.kind in ("agent", "title"))
            if items:
                out.append(Match(i, j, items))
                i = j
                break
        else:
            i += 1
    return out


def head_sector(kb: KnowledgeBase, tokens: Sequence[Tok], matches: Sequence[Match]) -> Optional[str]:
    """The sector an unknown proper name's head word gives it ("Post", "Oil", "Radio"): the last word,
    or the one before "of" ("Times of India"), else the first ("Daily Nation"). Every word must be
    capitalised (a name), and the head must be no word a table reads."""
    words = [k for k, t in enumerate(tokens) if t.text[:1].isalpha() and t.norm not in DETERMINERS]
    if not words or not all(tokens[k].capitalised or tokens[k].norm in ("of", "and") for k in words):
        return None
    of = next((k for k in words if tokens[k].norm == "of"), None)
    head = of - 1 if of is not None and of > words[0] else words[-1]
    for k in dict.fromkeys((head, words[0])):  # "Tullow Oil", "Times of India"; "Radio Okapi", "Daily Nation"
        if not any(x.i <= k < x.j for x in matches) and tokens[k].norm in kb.name_heads:
            return kb.name_heads[tokens[k].norm]
    return None
