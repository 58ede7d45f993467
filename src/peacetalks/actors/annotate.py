"""Pipeline stage 'actors': every actor mention in a document, with exact offsets.

Knowledge-base phrases are matched over the whole text in one pass; adjacent matches
that form one noun phrase ("Russian Foreign Minister Sergey Lavrov", "Ukrainian troops",
"NATO Secretary General") are grouped and resolved together by the document's date.
spaCy's PERSON and ORG entities add the names we do not know, and surnames point back to
the full name mentioned earlier ("Sergey Lavrov ... Lavrov").
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional, Sequence

from peacetalks.actors.cities import city_countries, gazetteer_place, town_countries
from peacetalks.actors.kb import KnowledgeBase, get_kb
from peacetalks.actors.match import Match, find, respell
from peacetalks.actors.resolver import POSSESSIVES, Resolution, against, incomer_in, interpret, name_origin
from peacetalks.actors.text import Tok, normalise, tokenize
from peacetalks.records import ActorMention

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc

    from peacetalks.pipeline import Analysis

# Words that may sit inside an actor phrase between two matches ("US-led forces", "Russian-backed
# separatists" are one phrase, as ``resolve`` reads them).
GLUE = frozenset({"'s", "the", "senior", "top", "chief", "acting", "interim", "current", "new", "newly", "elected",
                  "incoming", "then", "de", "facto", "self", "-", "proclaimed", "so", "called", "own",
                  "led", "backed", "run", "controlled"})
# Between an agent and the country it is in or from: "rebels in the Ivory Coast", "refugees from Syria",
# "rebels in northern Mali", "militants in north-west Pakistan".
IN = frozenset({"in", "from", "the", "northern", "southern", "eastern", "western", "central", "north", "south",
                "east", "west", "northeastern", "northwestern", "southeastern", "southwestern", "-"})
# Between a head title and the body it speaks or acts for: "a spokesman for the Ukrainian military".
FOR = frozenset({"for", "the"})
# Agents a country after "in"/"from" belongs to. Not officials, troops, reporters or firms: "diplomats in
# Moscow", "troops in Syria" and "reporters in Kyiv" are as often foreign as not.
LOCAL_SECTORS = frozenset({"REB", "OPP", "CVL", "REF", "COP", "LAB", "REL", "EDU", "CRM", "UAF", "PTY", "LEG",
                           "JUD", "AGR", "SOC", "MED", "PRM"})
# Between a title or agent and a country: "President of Ukraine", "the government of Ukraine".
OF = frozenset({"of", "the"})
# Unmatched modifiers allowed inside a phrase ("NATO peacekeeping troops"), by spaCy tag.
MODIFIER_POS = frozenset({"ADJ", "NOUN", "PROPN", "NUM"})
MAX_MODIFIERS = 2
ENTITY_LABELS = frozenset({"PERSON", "ORG"})
# spaCy labels under which a lone surname may still be a person (the small model calls "Lavrov" ORG).
NAME_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


_PLACE_KINDS = frozenset({"metonym", "country", "capital", "demonym", "region"})


def _category(m: Match, kb: KnowledgeBase) -> str:
    entry = m.first("entry")
    if entry is not None:
        return "P" if kb.entries[entry.value].kind == "person" else "O"
    kinds = {it.kind for it in m.items}  # one pass, then set tests (was one scan per question)
    if kinds & _PLACE_KINDS:
        return "C"
    for kind, cat in (("surname", "S"), ("title", "T"), ("agent", "A")):
        if kind in kinds:
            return cat
    return "F"


# Which category may follow which inside one phrase (with only glue or modifiers between).
_NEXT = {
    "F": set("CTAPSO"),
    "C": set("TAPSO"),
    "O": set("TAPS"),
    "T": set("TPS"),
    "A": set("AT"),  # "parliamentary ombudsman", "Catholic bishop", "army spokesman Igor Konashenkov"
    "P": set(),
    "S": set(),
}
# ... and which may follow after "of (the)".
_NEXT_OF = {"T": set("CO"), "A": set("CO")}


@dataclass
class Group:
    matches: list[Match] = field(default_factory=list)
    cats: list[str] = field(default_factory=list)

    @property
    def i(self) -> int:
        return self.matches[0].i

    @property
    def j(self) -> int:
        return self.matches[-1].j


def _token_arrays(doc: "Doc") -> tuple[list[int], list[int], list[str]]:
    """Start, length and coarse tag of every token, read from the Doc's arrays: iterating the
    Doc (or asking a Span for its offsets) builds a Python Token object per word, which cost
    more than everything else in this stage."""
    from spacy.attrs import IDX, LENGTH, POS

    if not len(doc):
        return [], [], []
    arr = doc.to_array([IDX, LENGTH, POS]).astype("int64")  # uint64 -> list is ~15x slower than int64
    pos_ids = arr[:, 2].tolist()
    strings = doc.vocab.strings
    names = {p: (strings[p] if p else "") for p in set(pos_ids)}
    return arr[:, 0].tolist(), arr[:, 1].tolist(), list(map(names.__getitem__, pos_ids))


def _joinable(tokens: Sequence[Tok], a: int, b: int, pos: dict[int, str], via_of: bool, title: bool = False,
              via: frozenset[str] = OF) -> bool:
    """May tokens[a:b] sit between two matches of one phrase? Before a title, capitalised
    words are part of it ("Chilean Mining Minister"); elsewhere only lower-case modifiers."""
    gap = tokens[a:b]
    if via_of:
        return bool(gap) and gap[0].norm != "the" and all(t.norm in via for t in gap)
    modifiers = 0
    for t in gap:
        if t.norm in GLUE:
            continue
        if (t.text[:1].islower() or title) and pos.get(t.start) in MODIFIER_POS and modifiers < MAX_MODIFIERS:
            modifiers += 1
            continue
        return False
    return True


def group(tokens: Sequence[Tok], matches: Sequence[Match], kb: KnowledgeBase, pos: dict[int, str]) -> list[Group]:
    groups: list[Group] = []
    for m in matches:
        cat = _category(m, kb)
        if groups and _joins(groups[-1], m, cat, tokens, kb, pos):
            groups[-1].matches.append(m)
            groups[-1].cats.append(cat)
        else:
            groups.append(Group([m], [cat]))
    return groups


def _joins(g: Group, m: Match, cat: str, tokens: Sequence[Tok], kb: KnowledgeBase, pos: dict[int, str]) -> bool:
    """Whether match ``m`` (of category ``cat``) goes on the phrase ``g``."""
    last = g.cats[-1]
    if cat in _NEXT[last] and _joinable(tokens, g.j, m.i, pos, via_of=False, title=cat == "T"):
        if cat in "AT" and any(t.norm == "the" for t in tokens[g.j:m.i]):
            return False  # "told Reuters the group had...": an article starts a new phrase
        return not (cat == "A" and last == "A" and m.i != g.j)
    if cat in _NEXT_OF.get(last, ()) and _joinable(tokens, g.j, m.i, pos, via_of=True):
        return True
    if last in "PS" and cat in "AT":  # "Kenyatta University", "the Assad regime", "Putin's spokesman"
        return _named_institution(tokens, m, g.j, kb) or _owned(tokens, m, g.j)
    if last == "C" and cat == "C":  # "Bosnian Serbs", "Kosovo Albanians": where they live, then who they are
        before = g.matches[-1]
        return m.i == g.j and _people_noun(tokens, m) and (before.j - before.i == 1 or before.has("demonym"))
    if last == "A" and cat == "O":  # "the paramilitary Rapid Support Forces"
        return m.i == g.j and tokens[g.j - 1].text[:1].islower()
    if last == "T" and cat in "CO" and g.matches[-1].first("title").value in kb.head_titles:  # type: ignore[union-attr]
        return _joinable(tokens, g.j, m.i, pos, via_of=True, via=FOR)  # "a spokesman for the Ukrainian military"
    if last == "A" and cat == "C":  # "rebels in the Ivory Coast"
        return _located(g, m, tokens, kb) and _joinable(tokens, g.j, m.i, pos, via_of=True, via=IN)
    return False


def _people_noun(tokens: Sequence[Tok], m: Match) -> bool:
    """True when ``m`` is a nationality noun in the plural ("Serbs", "Albanians"), not a country or adjective."""
    return m.first("demonym") is not None and m.first("country") is None and tokens[m.j - 1].norm.endswith("s")


def _named_institution(tokens: Sequence[Tok], m: Match, after: int, kb: KnowledgeBase) -> bool:
    """True when ``m`` is a capitalised institution noun right after a name ("Kenyatta University")."""
    return m.i == after and tokens[m.i].capitalised and tokens[m.j - 1].norm in kb.institution_words


def _owned(tokens: Sequence[Tok], m: Match, after: int) -> bool:
    """True when a title or agent noun follows a name as its head: "Putin's spokesman", or with nothing
    between and in lower case, "the Assad regime", "Trump envoy" (the name is whose, the noun is who)."""
    if m.i == after:
        return tokens[m.i].text[:1].islower()
    return m.i == after + 1 and tokens[after].norm in POSSESSIVES


def _located(g: Group, m: Match, tokens: Sequence[Tok], kb: KnowledgeBase) -> bool:
    """"Rebels in the Ivory Coast", "officials in Kyiv": a country after "in"/"from" is a group's own when
    nothing else in the phrase gives one ("pro-" and "anti-" countries give none) and the group is of a
    kind that is where it is (LOCAL_SECTORS, or a government seated there: agents.yaml ``seated``)."""
    if m.first("country", "capital", "region") is None or tokens[g.j].norm not in ("in", "from"):
        return False
    if g.i > 0 and tokens[g.i - 1].norm in kb.locative:
        return False  # "meet in person in Istanbul"
    if any(c != "A" and not against(tokens, x.i) for x, c in zip(g.matches, g.cats)):
        return False
    head = g.matches[-1]
    agent = head.first("agent")
    if agent is None:
        return False
    local = agent.value in LOCAL_SECTORS or head.words(tokens) in kb.seated
    return local and not incomer_in(kb, tokens, g.matches, g.j)


def _keep(g: Group, tokens: Sequence[Tok], kb: KnowledgeBase) -> tuple[bool, float]:
    """Whether a lone match is an actor in running text, and a confidence factor."""
    if len(g.matches) == 2 and g.cats[0] == "F":  # "former communist country": "former" makes no actor
        g = Group(g.matches[1:], g.cats[1:])
    if len(g.matches) > 1:
        return True, 1.0
    m, cat = g.matches[0], g.cats[0]
    words = m.words(tokens)
    prev = tokens[m.i - 1].norm if m.i > 0 else ""
    if prev == "the" and m.i > 1:
        prev = tokens[m.i - 2].norm
    nxt = tokens[m.j].norm if m.j < len(tokens) else ""
    if cat == "F" or words in kb.needs_modifier or against(tokens, m.i):
        return False, 0.0  # "anti-tank", "anti-terrorist": what a weapon or an operation is against
    if cat == "C":
        kind = (m.first("metonym", "country", "capital", "demonym", "region") or m.items[0]).kind
        if kind == "region":
            return False, 0.0
        if kind == "capital" and prev in kb.locative:
            return False, 0.0  # "talks in Moscow": a place, the places stage has it
        if kind == "demonym" and nxt in kb.non_agent_heads:
            return False, 0.0  # "Ukrainian territory"
        if kind == "country" and prev in kb.locative:
            return True, 0.5
        if kind == "demonym" and nxt.isalpha() and m.j < len(tokens) and tokens[m.j].text[:1].islower():
            return True, 0.6  # "Russian strikes": the nation acts, the head noun is not an actor word
    return True, 1.0


def _mention(text: str, start: int, end: int, res: Resolution, factor: float = 1.0) -> ActorMention:
    return ActorMention(text=text[start:end], start=start, end=end, actor_id=res.actor_id, name=res.name,
                        country=res.country, sector=res.sector, confidence=round(res.confidence * factor, 3),
                        role=res.role)


def _non_overlapping(mentions: list[ActorMention]) -> list[ActorMention]:
    """Longest first wins; then in text order.

    The kept spans never overlap, so sorted by start their ends are sorted too: only the
    kept span starting last before ``m.end`` can overlap ``m`` (a bisect, not a scan)."""
    chosen: list[ActorMention] = []
    starts: list[int] = []
    ends: list[int] = []
    for m in sorted(mentions, key=lambda m: (-(m.end - m.start), m.start)):
        i = bisect.bisect_left(starts, m.end)
        if i and ends[i - 1] > m.start:
            continue
        chosen.append(m)
        starts.insert(i, m.start)
        ends.insert(i, m.end)
    return sorted(chosen, key=lambda m: m.start)


@dataclass
class _State:
    """What the document has said so far: people by id, unknown people by surname."""

    seen: list[str] = field(default_factory=list)
    unknown: dict[str, Resolution] = field(default_factory=dict)
    full_names: set[str] = field(default_factory=set)  # people named in full anywhere in the text


def _kb_mentions(text: str, tokens: list[Tok], groups: list[Group], kb: KnowledgeBase, when: dt.date,
                 state: _State, doc_view: Optional[_DocView], dated: bool = True) -> list[ActorMention]:
    kept = [(g, factor) for g in groups for keep, factor in [_keep(g, tokens, kb)] if keep]
    # People named with more than a bare surname anywhere ("President Putin") license the bare surname.
    for g, _ in kept:
        if g.cats != ["S"] and ("S" in g.cats or "P" in g.cats):
            res = interpret(kb, tokens, g.matches, when, dated=dated)
            if res.actor_id:
                state.full_names.add(res.actor_id)
    out = []
    heads = _shared_heads(groups, tokens)
    for g, factor in kept:
        res = interpret(kb, tokens, g.matches + heads.get(g.i, []), when, prefer=state.seen, dated=dated)
        if res.country is None and res.sector is None and res.actor_id is None:
            continue
        if g.cats == ["S"] and not _surname_ok(res, tokens[g.i], state, doc_view):
            continue
        if res.actor_id and kb.entries[res.actor_id].kind == "person":
            state.seen.append(res.actor_id)
        end = tokens[g.j - 1].end
        if res.name and not res.actor_id and g.cats[-1] == "T":
            # "Minister Juan Carlos Jobet": the unknown name after the title is part of the mention.
            end = _name_end(tokens, g.j, len(res.name.split()), end)
            state.unknown[res.name.split()[-1]] = res
        start = tokens[g.i - 2].start if against(tokens, g.i) else tokens[g.i].start  # "anti-Syria journalist"
        out.append(_mention(text, start, end, res, factor))
    return out


_AND = frozenset({"and", "or", "&"})


def _shared_heads(groups: list[Group], tokens: Sequence[Tok]) -> dict[int, list[Match]]:
    """"Qatari and Egyptian mediators", "US and Ukrainian officials": a lone nationality coordinated with
    the next phrase shares its head noun (never its name: "Russian and Ukrainian President Zelensky")."""
    out: dict[int, list[Match]] = {}
    for g, nxt in reversed(list(zip(groups, groups[1:]))):  # from the right: "British, French and German officials"
        if g.cats != ["C"] or nxt.cats[0] != "C" or nxt.i != g.j + 1 or tokens[g.j].norm not in _AND | {","}:
            continue
        if nxt.cats[-1] in "AT" and tokens[g.j].norm != ",":
            out[g.i] = nxt.matches[1:]
        elif nxt.i in out:  # a list: the next nationality shares the head further on
            out[g.i] = out[nxt.i]
    return out


def _surname_ok(res: Resolution, tok: Tok, state: _State, doc_view: Optional["_DocView"]) -> bool:
    """A surname alone names the person when the full name is in the document, when spaCy
    reads exactly that word as a person, or when it is a proper noun outside any other entity:
    "May" is a month (a DATE) unless Theresa May is in the text, and the "Martin" of
    "George R. R. Martin" is someone else."""
    if doc_view is None or res.actor_id in state.full_names:
        return True
    if (tok.start, tok.end) in doc_view.persons:
        return True
    ent = doc_view.entity_at.get(tok.start)
    if ent is not None and (ent[0] not in NAME_LABELS or (ent[1], ent[2]) != (tok.start, tok.end)):
        return False  # part of a date ("in May") or of a longer name
    return doc_view.pos.get(tok.start) == "PROPN"


@dataclass
class _DocView:
    """What spaCy says about the document, by character offset."""

    pos: dict[int, str]
    persons: set[tuple[int, int]]
    entity_at: dict[int, tuple[str, int, int]]  # token start -> (label, start, end) of its entity
    ents: list[tuple[str, int, int]]  # (label, start, end) of every entity, in order

    @classmethod
    def of(cls, doc: "Doc") -> "_DocView":
        starts, lengths, tags = _token_arrays(doc)
        # Span.start_char/end_char would build Tokens: the arrays give the same offsets.
        spans = [(e.label_, starts[e.start], starts[e.end - 1] + lengths[e.end - 1], e.start, e.end) for e in doc.ents]
        return cls(pos=dict(zip(starts, tags)),
                   persons={(s, e) for label, s, e, _, _ in spans if label == "PERSON"},
                   entity_at={starts[k]: (label, s, e) for label, s, e, i, j in spans for k in range(i, j)},
                   ents=[(label, s, e) for label, s, e, _, _ in spans])


def _name_end(tokens: Sequence[Tok], k: int, words: int, end: int) -> int:
    """End offset of ``words`` capitalised words (hyphens inside) from token ``k``."""
    seen = 0
    while k < len(tokens) and seen < words and (tokens[k].capitalised or tokens[k].text == "-"):
        if tokens[k].text != "-":
            seen += 1
        end = tokens[k].end
        k += 1
    return end


def _entity_mentions(text: str, doc_view: _DocView, mentions: list[ActorMention], matched: list[tuple[int, int]],
                     state: _State, kb: KnowledgeBase) -> list[ActorMention]:
    """Unknown people and bodies from spaCy, joined to a title or nationality right before them.

    An entity touching any knowledge-base phrase is left to the knowledge base (which may
    have dropped it on purpose: "in Kyiv"); cities spaCy mistakes for bodies are skipped."""
    from peacetalks.nlp.model import clean_for_model  # here: ``resolve`` alone never imports spaCy

    out = []
    by_end = {m.end: m for m in mentions}
    by_start = {m.start: m for m in mentions}
    model_text = clean_for_model(text)  # what spaCy read (control characters blanked): the entity's text
    for label, s, e in doc_view.ents:
        if label not in ENTITY_LABELS:
            continue
        if any(a < e and s < b for a, b in matched) or any(m.start < e and s < m.end for m in mentions):
            continue
        ent_text = model_text[s:e]
        if _not_a_name(ent_text, kb) and ent_text not in state.unknown:  # a surname met in full earlier stays
            continue
        if label == "PERSON" or ent_text in state.unknown:
            out.append(_person(text, s, e, by_end, by_start, state))
        elif " " in ent_text.strip():
            out.append(ActorMention(text=text[s:e], start=s, end=e, name=ent_text, confidence=0.3))
    return out


def _not_a_name(ent_text: str, kb: KnowledgeBase) -> bool:
    """An entity spaCy calls a person or body that is a place or a time word: a city, a one-word town
    ("Hostomel", "Bucha" are PERSON and ORG to the small model), any place the places gazetteer knows
    ("Nova Kakhovka", "Chornobyl NPP", "Rostov"), "Easter"."""
    norm = normalise(ent_text)
    if norm in city_countries():
        return True
    words = norm.split()
    return (len(words) == 1 and norm in town_countries()) or all(w in kb.not_names for w in words) \
        or gazetteer_place(ent_text)


def _person(text: str, s: int, e: int, by_end: dict[int, ActorMention], by_start: dict[int, ActorMention],
            state: _State) -> ActorMention:
    name = text[s:e]
    surname = name.split()[-1]
    before = by_end.get(s - 1) if text[s - 1:s] == " " else None
    if before is not None and before.actor_id is None and before.name is None:
        # "Ukrainian President Zelensky"-like: a title or nationality we know, a name we do not.
        res = Resolution(None, name, before.country, before.sector, 0.6, before.role)
        state.unknown[surname] = res
        return _mention(text, before.start, e, res)
    title = _appositive(text, e, by_start)
    if title is not None:
        # "Juan Perez, the Nigerian finance minister,": the appositive title says who the person is.
        # The title keeps its own mention; the name gets its reading (and so do later surnames).
        res = Resolution(None, name, title.country, title.sector, 0.55, title.role)
        state.unknown[surname] = res
        return _mention(text, s, e, res)
    if " " not in name and surname in state.unknown:
        return _mention(text, s, e, state.unknown[surname])
    origin = name_origin(get_kb(), name)
    res = Resolution(None, name, origin, None, 0.35 if origin else 0.4)
    state.unknown.setdefault(surname, res)
    return _mention(text, s, e, res)


_APPOSITIVE = re.compile(r",\s+(?:the\s+|a\s+|an\s+)?")


def _appositive(text: str, end: int, by_start: dict[int, ActorMention]) -> Optional[ActorMention]:
    """A title mention right after a name and a comma ("X, the Nigerian finance minister")."""
    m = _APPOSITIVE.match(text, end)
    if m is None:
        return None
    title = by_start.get(m.end())
    if title is None or title.role is None:
        return None
    if title.actor_id is not None and _names_its_holder(title):
        return None  # "X, the Nigerian finance minister Zainab Ahmed": the title has a name of its own
    if title.actor_id is not None:
        # The title alone was read as its holder on the date; the apposition says it is this person.
        title.actor_id, title.name = None, None
    return title


def _names_its_holder(title: ActorMention) -> bool:
    """True when a title mention contains a word of the name of the person it was resolved to."""
    entry = get_kb().entries.get(title.actor_id or "")
    if entry is None:
        return True
    words = {normalise(w) for alias in [entry.name, *entry.aliases] for w in alias.split()}
    return any(normalise(w.strip(",.")) in words for w in title.text.split() if w[:1].isupper())


def _unknown_surnames(text: str, tokens: Sequence[Tok], found: list[ActorMention], state: _State) -> list[ActorMention]:
    """Later bare surnames of people we met with a full name but do not know ("... Jobet left")."""
    if not state.unknown:
        return []
    covered = sorted((m.start, m.end) for m in found)
    starts = [c[0] for c in covered]
    out = []
    for tok in tokens:
        res = state.unknown.get(tok.text)
        if res is None:
            continue
        k = bisect.bisect_right(starts, tok.start) - 1  # the last mention starting at or before the token
        if k >= 0 and covered[k][1] > tok.start:
            continue
        out.append(_mention(text, tok.start, tok.end, res))
    return out


def actor_mentions(text: str, doc: Optional["Doc"], published: Optional[dt.date]) -> list[ActorMention]:
    """All actor mentions of a text, sorted and non-overlapping (the longest wins)."""
    kb = get_kb()
    when = published or dt.date.today()
    dated = published is not None
    tokens = tokenize(text)
    matches, _ = respell(tokens, find(tokens, kb, strict=True), kb)  # "Zelenskyi", "Tseng Hou-jen"
    doc_view = _DocView.of(doc) if doc is not None else None
    pos = doc_view.pos if doc_view is not None else {}
    state = _State(full_names={it.value for m in matches for it in m.all("entry")
                               if kb.entries[it.value].kind == "person"})
    mentions = _kb_mentions(text, tokens, group(tokens, matches, kb, pos), kb, when, state, doc_view, dated)
    if doc_view is not None:
        matched = [(tokens[m.i].start, tokens[m.j - 1].end) for m in matches]
        extra = _entity_mentions(text, doc_view, mentions, matched, state, kb)
        extra += _unknown_surnames(text, tokens, mentions + extra, state)
        # A merged "title + unknown name" replaces the title-only mention it grew from.
        mentions = _non_overlapping(mentions + extra)
    return mentions


def annotate(analysis: "Analysis") -> None:
    """Append the document's actor mentions to ``analysis.actors``."""
    found = actor_mentions(analysis.text, analysis.doc, analysis.published)
    analysis.actors.extend(found)
    analysis.actors.sort(key=lambda m: m.start)
