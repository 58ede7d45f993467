"""Who holds a post on a date: a title looked up in a country (ISO3), an organisation (slug) or the
non-state code of the one body that has the post (knowledge base ``holders``)."""

from __future__ import annotations

import datetime as dt
from typing import Optional

from peacetalks.actors.kb import Entry, KnowledgeBase
from peacetalks.records import NON_STATE_COUNTRIES


def holder(kb: KnowledgeBase, where: str, title: str, when: dt.date) -> Optional[Entry]:
    """The person holding ``title`` in a country (ISO3) or organisation (slug) on a date."""
    if title in kb.body_heads:  # "the UN chief": the body's first post that has holders
        if where.isupper() and where not in NON_STATE_COUNTRIES:
            return holder(kb, where, "leader", when)  # "the Kremlin chief"
        people = (holder(kb, where, t, when) for t in kb.body_heads[title] if (where, t) in kb.holders)
        return next((p for p in people if p is not None), None)
    if title == "leader" and where in kb.leaders:
        title = kb.leaders[where]
    candidates = kb.holders.get((where, title))
    if not candidates and title == "leader":
        candidates = kb.holders.get((where, "president")) or kb.holders.get((where, "prime minister"))
    if not candidates:  # an organisation's own head title ("Commission" + "president")
        candidates = [c for t in kb.org_heads.get((where, title.split()[-1]), ()) for c in kb.holders[(where, t)]]
    for role, pid in candidates or []:
        if role.active(when):
            return kb.entries.get(pid)
    return None


def post_holder(kb: KnowledgeBase, title: str, org: Optional[Entry], country: Optional[str],
                 when: dt.date) -> Optional[Entry]:
    """Who holds the post a title names in the phrase's body or country on the date, if one can tell."""
    if title not in kb.unique_titles:
        # "the ICC prosecutor": a post many bodies have, but only one person at a time in this one
        return sole_holder(kb, org.id, title, when) if org is not None else None
    where = org.id if org else country
    person = holder(kb, where, title, when) if where else None
    if person is None and org is not None and national_body_of(kb, org, title):
        person = holder(kb, org.country, title, when)  # "the Russian parliament speaker": the Duma's is Russia's
    if person is None and org is not None and org.country in NON_STATE_COUNTRIES:
        person = holder(kb, org.country, title, when)  # "the EU foreign policy chief": the EEAS's post
    return person


def sole_holder(kb: KnowledgeBase, where: str, title: str, when: dt.date) -> Optional[Entry]:
    """The one person holding a post in a body on the date; None if nobody or several at once."""
    active = [pid for role, pid in kb.holders.get((where, title), ()) if role.active(when)]
    return kb.entries.get(active[0]) if len(set(active)) == 1 else None


def national_body_of(kb: KnowledgeBase, org: Entry, title: str) -> bool:
    """A country's own body of the title's sector (a parliament for a speaker): its head is the
    country's holder of the title. Not a company or an international body ("the Gazprom president")."""
    return org.country is not None and org.country not in NON_STATE_COUNTRIES \
        and org.sector is not None and org.sector == kb.titles.get(title)
