"""A process's weekly indicators read from the store's weekly aggregate (peacetalks.store.aggregate).

``negotiation.process.weekly_indicators`` walks every event; here the event part comes from the
aggregate rows of the party signatures that involve the process, summed in SQL: one query for
the "ALL" rows (grouped by week and quad) and one for the few signatures that form a dyad of
members. Meetings and positions are few and order-dependent (new preconditions), so they go
through the same counting code as the full computation, over the process's own records only.
The result equals ``weekly_indicators(process, every_event, meetings, positions)``; the test
suite checks that on the sample corpus.
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Any, Iterable, Optional

from sqlalchemy import Connection, func, select

from peacetalks.negotiation import process as P
from peacetalks.negotiation.consolidate import party_key
from peacetalks.store import schema as s

_SUMS = ("events", "intensity_sum", "assaults", "sanctions", "rejections", "agreements")
_ROW_FIELDS = {"assaults": "assaults", "sanctions": "sanctions", "rejections": "rejections",
               "agreements": "agreements"}


def _signatures(conn: Connection, process: P.Process, only: Optional[str]) -> tuple[dict[str, set[str]], dict[str, list[str]]]:
    """Signatures whose events count for the process (with their parties among the process's),
    and the dyads of each that has any (only the dyad ``only`` when given; "" for none)."""
    parties, members = set(process.parties), process.members
    involved: dict[str, set[str]] = {}
    dyads: dict[str, list[str]] = {}
    ps = s.party_signatures
    for sig, actors, recipients in conn.execute(select(ps.c.id, ps.c.actors, ps.c.recipients)):
        a, r = set(actors) & members, set(recipients) & members
        if not (a | r) & parties:
            continue
        involved[sig] = (a | r) & parties
        pairs = sorted({"-".join(sorted((x, y))) for x in a for y in r if x != y})
        if only is not None:
            pairs = [d for d in pairs if d == only]
        if pairs:
            dyads[sig] = pairs
    return involved, dyads


def _sums(conn: Connection, sigs: list[str], by_sig: bool) -> Iterable[Any]:
    w = s.weekly_events
    keys = [w.c.week, w.c.quad] + ([w.c.sig] if by_sig else [])
    stmt = (select(*keys, *[func.sum(w.c[c]).label(c) for c in _SUMS])
            .where(w.c.sig.in_(sigs)).group_by(*keys))
    return conn.execute(stmt)


def _places(conn: Connection, sigs: list[str], by_sig: bool) -> Iterable[Any]:
    p = s.weekly_assault_places
    keys = [p.c.week, p.c.place] + ([p.c.sig] if by_sig else [])
    return conn.execute(select(*keys).where(p.c.sig.in_(sigs)).distinct())


MAX_EXACT_PARTIES = 4  # inclusion-exclusion terms: 2^k - 1 (15 for 4 parties)


def event_counts(conn: Connection, process: P.Process, table: dict[tuple[str, str], dict[str, Any]],
                 only: Optional[str] = None) -> int:
    """Add the process's events to the raw weekly ``table`` (process._new_row rows); the number
    of events involving a party (dated or not). ``only``: the dyad rows of that dyad alone
    ("" for none: just the "ALL" rows); None: every dyad."""
    involved, dyads = _signatures(conn, process, only)
    if not involved:
        return 0
    if len(process.parties) <= MAX_EXACT_PARTIES:
        n_events = _overall_by_party(conn, process, involved, table)
    else:
        n_events = _overall_by_signature(conn, sorted(involved), table)
    if not dyads:
        return n_events
    if only:  # one dyad: every selected signature maps to it alone, sum them in SQL
        dyad_sigs = sorted(dyads)
        for r in _sums(conn, dyad_sigs, by_sig=False):
            if r.week:
                _add(_row(table, r.week, only), r)
        for r in _places(conn, dyad_sigs, by_sig=False):
            if r.week:
                _row(table, r.week, only)["assault_places"].add(r.place)
        return n_events
    dyad_sigs = sorted(dyads)
    for r in _sums(conn, dyad_sigs, by_sig=True):
        if r.week:
            for d in dyads[r.sig]:
                _add(_row(table, r.week, d), r)
    for r in _places(conn, dyad_sigs, by_sig=True):
        if r.week:
            for d in dyads[r.sig]:
                _row(table, r.week, d)["assault_places"].add(r.place)
    return n_events


def _overall_by_signature(conn: Connection, involved: list[str], table: dict[tuple[str, str], dict[str, Any]]) -> int:
    n_events = 0
    for r in _sums(conn, involved, by_sig=False):
        n_events += r.events
        if r.week:
            _add(_row(table, r.week, P.ALL), r)
    for r in _places(conn, involved, by_sig=False):
        if r.week:
            _row(table, r.week, P.ALL)["assault_places"].add(r.place)
    return int(n_events)


def _overall_by_party(conn: Connection, process: P.Process, involved: dict[str, set[str]],
                      table: dict[tuple[str, str], dict[str, Any]]) -> int:
    """The "ALL" rows as events involving party 1 + party 2 - both (inclusion-exclusion): the
    single-party terms come from weekly_party_events (a few hundred rows per party), the
    intersections from the signatures holding every party of the term (few events)."""
    parties = sorted(process.parties)
    totals: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0] * 6)
    w = s.weekly_party_events
    for party in parties:
        stmt = (select(w.c.week, w.c.quad, *[w.c[c] for c in _SUMS]).where(w.c.party == party))
        _accumulate(totals, conn.execute(stmt), +1)
    for size in range(2, len(parties) + 1):
        for subset in combinations(parties, size):
            sigs = sorted(sig for sig, k in involved.items() if set(subset) <= k)
            if sigs:
                _accumulate(totals, _sums(conn, sigs, by_sig=False), -1 if size % 2 == 0 else +1)
    n_events = 0
    for (week, quad), v in sorted(totals.items()):
        n_events += int(v[0])
        if week and v[0]:
            _add(_row(table, week, P.ALL), _Sums(quad, *v))
    wp = s.weekly_party_places
    for r in conn.execute(select(wp.c.week, wp.c.place).where(wp.c.party.in_(parties), wp.c.week != "").distinct()):
        _row(table, r.week, P.ALL)["assault_places"].add(r.place)
    return n_events


class _Sums:
    def __init__(self, quad: str, events: float, intensity_sum: float, assaults: float, sanctions: float,
                 rejections: float, agreements: float) -> None:
        self.quad, self.events, self.intensity_sum = quad, events, intensity_sum
        self.assaults, self.sanctions, self.rejections, self.agreements = assaults, sanctions, rejections, agreements


def _accumulate(totals: dict[tuple[str, str], list[float]], rows: Iterable[Any], sign: int) -> None:
    for r in rows:
        row = totals[(r.week, r.quad)]
        for i, c in enumerate(_SUMS):
            row[i] += sign * getattr(r, c)


def _row(table: dict[tuple[str, str], dict[str, Any]], week: str, dyad: str) -> dict[str, Any]:
    return table.setdefault((week, dyad), P._new_row(week, dyad))


def _add(row: dict[str, Any], r: Any) -> None:
    row["events"] += int(r.events)
    row["quads"][r.quad] += int(r.events)
    row["intensity_sum"] += float(r.intensity_sum)
    for name in _ROW_FIELDS:
        row[name] += int(getattr(r, name))


def weekly(conn: Connection, process: P.Process, meetings: list[dict[str, Any]],
           positions: list[dict[str, Any]], only: Optional[str] = None) -> tuple[list[dict[str, Any]], int]:
    """(weekly_indicators rows, events involving a party) with events from the aggregate.

    ``meetings`` and ``positions`` may be every record or only the process's: the counting
    below keeps the same ones weekly_indicators keeps. Like weekly_indicators it counts the
    meeting rows as given: pass them through ``with_joined_parties`` (over every row) so that a
    partyless report joined to a meeting counts for it (api/views.py does). ``only``: the "ALL" rows and the rows
    of that one dyad ("" for "ALL" alone); None: every dyad."""
    table: dict[tuple[str, str], dict[str, Any]] = {}
    n_events = event_counts(conn, process, table, only)
    _meetings_and_positions(process, meetings, positions, table)
    keep = sorted(k for k in table if only is None or k[1] in (P.ALL, only))
    return [P._finish(table[k]) for k in keep], n_events


def dyads(conn: Connection, process: P.Process, meetings: list[dict[str, Any]]) -> list[str]:
    """The dyads that have weekly rows (what ``weekly(...)`` would list), without computing them."""
    _, by_sig = _signatures(conn, process, None)
    found: set[str] = set()
    if by_sig:
        w = s.weekly_events
        for (sig,) in conn.execute(select(w.c.sig).where(w.c.sig.in_(sorted(by_sig)), w.c.week != "").distinct()):
            found.update(by_sig[sig])
    table: dict[tuple[str, str], dict[str, Any]] = {}
    _meetings_and_positions(process, meetings, [], table)
    found.update(k[1] for k in table)
    return sorted(found - {P.ALL})


def _meetings_and_positions(process: P.Process, meetings: list[dict[str, Any]], positions: list[dict[str, Any]],
                            table: dict[tuple[str, str], dict[str, Any]]) -> None:
    """weekly_indicators' meeting and position loops (the same helpers, the same order)."""
    def rows_for(week: str, dyads: list[str]) -> list[dict[str, Any]]:
        return [_row(table, week, d) for d in dyads + [P.ALL]]

    seen_pre: set[str] = set()
    for m in sorted(meetings, key=lambda r: (r.get("published") or "", r.get("id") or "")):
        countries = {party_key(p) for p in m.get("participants") or []}
        week = P.week_of(m)
        if week is None or not countries & set(process.parties):
            continue
        for row in rows_for(week, P._dyads(countries & process.members)):
            P._count_meeting(row, m, seen_pre)
        seen_pre |= set(m.get("preconditions") or [])
    for p in positions:
        week = P.week_of(p)
        if week and p.get("stance") == "condition" and party_key(p.get("actor")) in process.members:
            for row in rows_for(week, []):
                row["new_preconditions"] += 1
