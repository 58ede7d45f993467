"""The "any actor or recipient in these countries" filter of the event list (and an actor's
events on its page), in the cheaper of two query shapes for the page asked.

* ``in``: ``(doc_id, id) IN (SELECT ... FROM event_actors WHERE country IN ...)``. The planner
  reads every event_actors row of the countries through ``ix_event_actors_country_role``, then
  sorts the matches: cost grows with how common the countries are (0.55 s for TUR, 12% of 1M
  events, on SQLite), small for a rare one.
* ``walk``: the events in page order from ``ix_events_order`` (the same index the unfiltered
  list reads), each checked by a correlated EXISTS on the event_actors primary key, stopping at
  the end of the page: cost grows with ``(offset + limit) / share of events matching``, small
  for a common country, the whole table for a country with no event.

With ``n`` matching party rows, ``N`` events and a page ending at ``k``, the walk reads about
``k * N / n`` events and the IN form about ``n`` rows, each of which costs about three times an
event walked (it is sorted with its record): the walk wins when ``n * n > WALK_COST * k * N``.
``n`` is counted only up to that threshold (an index-only count that stops early), so deciding
costs at most ``sqrt(WALK_COST * k * N)`` index entries (5,500 for a 100-event page of 1M
events), and so does the worse of the two forms near the threshold. Measured at 1M on SQLite
(warm, 100-event pages): TUR walk 16 ms against IN 550 ms, TUR at offset 5,000 79 against 763 ms,
AUT (1%) at offset 2,000 IN 130 against walk 377 ms.

PostgreSQL's planner already makes this choice from its statistics (9-10 ms at 1M), so only
SQLite walks. The walk is used only for the date orders with no other event filter but
since/until: a type or quad filter would thin the walk further than the country share says.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Optional

from sqlalchemy import Connection, ColumnElement, func, select, tuple_

from peacetalks.store import schema as s

PARTY_ROLES = ("actor", "recipient")
# an event walked (~2 us on SQLite at 1M) against a matching row through IN and its sort (~6-13 us)
WALK_COST = 0.3
FORCE: Optional[str] = None  # "in" | "walk": tests compare both shapes on the same store


Column = Callable[[str], Any]  # an event_actors column by name (hidden from the planner in the walk)
Match = Callable[[Column], ColumnElement[bool]]  # the party rows wanted, written over such columns


def country_filter(conn: Connection, countries: list[str], *, page_end: Optional[int],
                   walkable: bool) -> ColumnElement[bool]:
    """The WHERE term selecting events with an actor or recipient in ``countries``.
    ``page_end`` is offset + limit (None: every row); ``walkable`` says the statement is read
    in date order with no filter that the country share does not account for."""
    return party_filter(conn, lambda col: col("country").in_(countries), page_end=page_end, walkable=walkable)


def party_filter(conn: Connection, match: Match, *, page_end: Optional[int], walkable: bool) -> ColumnElement[bool]:
    """The WHERE term selecting events with an actor or recipient row that ``match`` accepts
    (a country, an actor id, a country and sector), in the cheaper shape (module docstring)."""
    if _shape(conn, match, page_end, walkable) == "walk":
        return _exists(match)
    return _in(match)


def _plain(name: str) -> Any:
    return s.event_actors.c[name]


def _hidden(name: str) -> Any:
    # coalesce() hides the column from the planner: the probe must use the primary key
    # (doc_id, event_id, role), not scan a country or actor index once per event.
    return func.coalesce(s.event_actors.c[name], "")


def _shape(conn: Connection, match: Match, page_end: Optional[int], walkable: bool) -> str:
    if FORCE is not None:
        return FORCE
    if conn.dialect.name != "sqlite" or not walkable or page_end is None:
        return "in"
    n_events = conn.exec_driver_sql("SELECT max(rowid) FROM events").scalar() or 0  # O(1): last rowid
    threshold = math.isqrt(int(WALK_COST * page_end * n_events)) + 1
    ea = s.event_actors
    rows = select(ea.c.doc_id).where(match(_plain), ea.c.role.in_(PARTY_ROLES)).limit(threshold).subquery()
    found = conn.execute(select(func.count()).select_from(rows)).scalar_one()
    return "walk" if found >= threshold else "in"


def _in(match: Match) -> ColumnElement[bool]:
    e, ea = s.events, s.event_actors
    # Uncorrelated IN (subquery): one pass over the matching party rows on both backends.
    party = select(ea.c.doc_id, ea.c.event_id).where(ea.c.role.in_(PARTY_ROLES), match(_plain))
    return tuple_(e.c.doc_id, e.c.id).in_(party)


def _exists(match: Match) -> ColumnElement[bool]:
    e, ea = s.events, s.event_actors
    return (select(ea.c.doc_id)
            .where(ea.c.doc_id == e.c.doc_id, ea.c.event_id == e.c.id, ea.c.role.in_(PARTY_ROLES), match(_hidden))
            .exists())
