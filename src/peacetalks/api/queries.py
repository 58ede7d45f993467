"""Read-only queries the API and pages need beyond the store's own (peacetalks.store.queries).

They run on the store's engine and tables with bound parameters only (SQLAlchemy expressions,
never SQL built from strings). Aggregates group by calendar day or key in SQL, which is portable
across SQLite and PostgreSQL, and are folded into weeks here.

Full-text search is the store's (peacetalks.store.search: SQLite FTS5 with bm25, PostgreSQL
GIN-indexed to_tsvector with websearch_to_tsquery, a LIKE scan where FTS5 is missing).
"""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from sqlalchemy import Connection, ColumnElement, Select, and_, func, or_, select, tuple_

from peacetalks.negotiation.consolidate import party_key
from peacetalks.store import party_filter, queries as store_queries, schema as s, search

MAX_TERMS = search.MAX_WORDS
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def terms(q: str) -> list[str]:
    """The distinct words of a query, at most MAX_TERMS, each at most 50 characters."""
    return search.words(q)


def search_documents(conn: Connection, q: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Documents matching every word of ``q``, best first, each with ``snippet`` (plain text) and
    ``fragments`` (the snippet as [{"text", "hit"}] for highlighting; see peacetalks.store.search)."""
    words = terms(q)
    return search.search(conn, words, limit, offset) if words else []


def _contains(column: Any, needle: str) -> ColumnElement[bool]:
    return func.lower(column).contains(needle.lower(), autoescape=True)


# ------------------------------------------------------------------ actors

def actor_key(actor_id: Optional[str], country: Optional[str], sector: Optional[str]) -> str:
    """A known actor's id, else COUNTRY:SECTOR for a generic one ("RUS:GOV")."""
    return actor_id or f"{country or 'UNK'}:{sector or 'UNK'}"


def actors(conn: Connection, q: Optional[str], country: Optional[str], limit: int, offset: int) -> list[dict[str, Any]]:
    """Actors of events (as actor or recipient) with how many events they take part in."""
    ea = s.event_actors
    n = func.count().label("events")  # rows in events: an actor named twice in one event counts twice
    stmt = (select(ea.c.actor_id, ea.c.country, ea.c.sector, func.max(ea.c.name).label("name"),
                   func.max(ea.c.text).label("text"), n)
            .where(ea.c.role.in_(("actor", "recipient")))
            .group_by(ea.c.actor_id, ea.c.country, ea.c.sector))
    if q:
        stmt = stmt.where(or_(ea.c.actor_id == q, _contains(ea.c.name, q), _contains(ea.c.text, q)))
    if country:
        stmt = stmt.where(ea.c.country == country.upper())
    stmt = stmt.order_by(n.desc(), ea.c.actor_id, ea.c.country, ea.c.sector)
    merged: dict[str, dict[str, Any]] = {}
    for r in conn.execute(stmt.limit(limit).offset(offset)):
        k = actor_key(r.actor_id, r.country, r.sector)
        if k in merged:  # sector UNK and no sector share one key: one row
            merged[k]["events"] += r.events
            continue
        # A generic actor has no name of its own: a mention's words ("Sviatoshynskyi") would mislabel it.
        merged[k] = {"key": k, "actor_id": r.actor_id, "name": (r.name or r.text) if r.actor_id else None,
                     "country": r.country, "sector": r.sector, "events": r.events}
    return sorted(merged.values(), key=lambda a: -a["events"])


def _actor_filter(key: str) -> ColumnElement[bool]:
    """event_actors rows of the actor ``key`` (see actor_key)."""
    return _actor_match(key)(lambda name: s.event_actors.c[name])


def _actor_match(key: str) -> party_filter.Match:
    """The actor ``key`` over event_actors columns given by name (party_filter hides them from
    the planner when it walks the events in page order)."""
    country, sep, sector = key.partition(":")
    if sep and country.isupper() and sector.isupper():
        return lambda col: and_(s.event_actors.c.actor_id.is_(None), _code_is(col("country"), country),
                                _code_is(col("sector"), sector))
    return lambda col: col("actor_id") == key


def _code_is(column: Any, code: str) -> ColumnElement[bool]:
    """UNK in a key stands for an unknown code: UNK itself or none at all ("Russia" as an actor has
    country RUS and no sector; its key is RUS:UNK, as actor_key writes it)."""
    return or_(column == code, column.is_(None)) if code == "UNK" else column == code


def actor_events(conn: Connection, key: str, limit: int, offset: int) -> list[dict[str, Any]]:
    """Events the actor ``key`` takes part in (as actor or recipient), newest first: for a busy
    actor the newest events are walked in index order and checked one by one (party_filter);
    the IN over all its event_actors rows took 0.66 s for rus-government at 1M events."""
    e, d = s.events, s.documents
    mine = party_filter.party_filter(conn, _actor_match(key), page_end=offset + limit, walkable=True)
    stmt = (select(e.c.record, d.c.id.label("doc_id"), d.c.published, d.c.title, d.c.source, d.c.url)
            .join(d, d.c.id == e.c.doc_id).where(mine))
    return [_event_row(r) for r in store_queries.ordered_rows(conn, stmt, e, "-date", limit, offset)]


def actor_info(conn: Connection, key: str) -> Optional[dict[str, Any]]:
    ea = s.event_actors
    row = conn.execute(select(ea.c.actor_id, ea.c.country, ea.c.sector, ea.c.name, ea.c.text)
                       .where(_actor_filter(key)).limit(1)).first()
    if row is None:
        return None
    return {"key": key, "actor_id": row.actor_id, "name": row.name or row.text if row.actor_id else None,
            "country": row.country, "sector": row.sector}


def _event_row(r: Any) -> dict[str, Any]:
    return {**r.record, "doc_id": r.doc_id, "published": r.published.isoformat() if r.published else None,
            "title": r.title, "doc_source": r.source, "url": r.url}


# ------------------------------------------------------------------ places and the map

def places(conn: Connection, country: Optional[str], limit: int, offset: int) -> list[dict[str, Any]]:
    """Places where events happened, with coordinates and counts per quad class."""
    e = s.events
    stmt = (select(e.c.location_name, e.c.location_country, e.c.location_geonameid,
                   func.avg(e.c.lat).label("lat"), func.avg(e.c.lon).label("lon"), e.c.quad,
                   func.count().label("n"), func.max(e.c.date).label("last"))
            .where(e.c.lat.is_not(None), e.c.lon.is_not(None))
            .group_by(e.c.location_name, e.c.location_country, e.c.location_geonameid, e.c.quad))
    if country:
        stmt = stmt.where(e.c.location_country == country.upper())
    merged: dict[tuple[Any, ...], dict[str, Any]] = {}
    for r in conn.execute(stmt):
        key = (r.location_name, r.location_country, r.location_geonameid)
        row = merged.setdefault(key, {"name": r.location_name, "country": r.location_country,
                                      "geonameid": r.location_geonameid, "lat": float(r.lat), "lon": float(r.lon),
                                      "events": 0, "quads": {}, "last_date": None})
        row["events"] += r.n
        row["quads"][r.quad] = r.n
        last = r.last.isoformat() if r.last else None
        row["last_date"] = max(filter(None, (row["last_date"], last)), default=None)
    out = sorted(merged.values(), key=lambda p: (-p["events"], p["name"] or ""))
    return out[offset:offset + limit]


def located_events(conn: Connection, place: str, limit: int) -> list[dict[str, Any]]:
    e, d = s.events, s.documents
    stmt = (select(e.c.record, d.c.id.label("doc_id"), d.c.published, d.c.title, d.c.source, d.c.url)
            .join(d, d.c.id == e.c.doc_id).where(e.c.location_name == place)
            .order_by(e.c.effective_date.desc(), e.c.doc_id, e.c.id).limit(limit))
    return [_event_row(r) for r in conn.execute(stmt)]


# ------------------------------------------------------------------ timeline

def week_of(day: dt.date) -> dt.date:
    """The Monday starting the ISO week of ``day``."""
    return day - dt.timedelta(days=day.weekday())


def _party_filter(actor: Optional[str]) -> Optional[ColumnElement[bool]]:
    if not actor:
        return None
    e, ea = s.events, s.event_actors
    match = or_(ea.c.actor_id == actor, _contains(ea.c.name, actor), _contains(ea.c.text, actor))
    party = select(ea.c.doc_id, ea.c.event_id).where(ea.c.role.in_(("actor", "recipient")), match)
    return tuple_(e.c.doc_id, e.c.id).in_(party)


def _dyad_filter(dyad: Optional[str]) -> Optional[ColumnElement[bool]]:
    """"RUS-UKR": events between the two, in either direction."""
    if not dyad:
        return None
    return store_queries.dyad_filter(s.events, dyad)


def _event_filters(stmt: Select, *, actor: Optional[str], dyad: Optional[str], types: Optional[list[str]],
                   since: Optional[dt.date], until: Optional[dt.date], quads: Optional[list[str]] = None,
                   dates: Optional[tuple[Any, ...]] = None) -> Select:
    """The filters the timeline and its event lists share, so a bar and the list it opens agree."""
    e = s.events
    for cond in (_party_filter(actor), _dyad_filter(dyad)):
        if cond is not None:
            stmt = stmt.where(cond)
    if types:
        stmt = stmt.where(e.c.event_type.in_(types))
    if quads:
        stmt = stmt.where(e.c.quad.in_(quads))
    for col in dates or (e.c.date,):
        if since:
            stmt = stmt.where(col >= since)
        if until:
            stmt = stmt.where(col <= until)
    return stmt


def timeline(conn: Connection, *, type: Optional[list[str]] = None, actor: Optional[str] = None,
             dyad: Optional[str] = None, since: Optional[dt.date] = None,
             until: Optional[dt.date] = None) -> list[dict[str, Any]]:
    """Dated events per ISO week (Monday) and quad class: [{"week", "start", "end", "quads": {...}, "total"}]."""
    e = s.events
    stmt = select(e.c.date, e.c.quad, func.count().label("n")).where(e.c.date.is_not(None))
    stmt = _event_filters(stmt, actor=actor, dyad=dyad, types=type, since=since, until=until)
    weeks: dict[dt.date, dict[str, int]] = defaultdict(lambda: {q: 0 for q in QUADS})
    for r in conn.execute(stmt.group_by(e.c.date, e.c.quad)):
        day = r.date if isinstance(r.date, dt.date) else dt.date.fromisoformat(str(r.date))
        weeks[week_of(day)][r.quad] = weeks[week_of(day)].get(r.quad, 0) + r.n
    out = []
    for start in sorted(weeks):
        y, w, _ = start.isocalendar()
        out.append({"week": f"{y}-W{w:02d}", "start": start.isoformat(),
                    "end": (start + dt.timedelta(days=6)).isoformat(), "quads": weeks[start],
                    "total": sum(weeks[start].values())})
    return out


def data_version(conn: Connection) -> tuple[Any, ...]:
    """Changes whenever a document is stored or removed: the key of the process cache."""
    d = s.documents
    return tuple(conn.execute(select(func.count(), func.max(d.c.ingested_at))).one())


# ------------------------------------------------------------------ lean events for indicators

def lean_events(conn: Connection) -> list[dict[str, Any]]:
    """Every event as the few fields weekly_indicators reads, from indexed columns only.

    Decoding 100k JSON records takes seconds; these columns take a fraction of that. Actors and
    recipients carry ``country``, ``actor_id`` and ``text`` (what party_key needs); ``evidence``
    is absent (fetch full records for what is quoted)."""
    e, ea, d = s.events, s.event_actors, s.documents
    roles: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = {}
    for r in conn.execute(select(ea.c.doc_id, ea.c.event_id, ea.c.role, ea.c.actor_id, ea.c.country, ea.c.text)
                          .where(ea.c.role.in_(("actor", "recipient")))):
        slot = roles.setdefault((r.doc_id, r.event_id), {"actor": [], "recipient": []})
        slot[r.role].append({"actor_id": r.actor_id, "country": r.country, "text": r.text})
    stmt = select(e.c.doc_id, e.c.id, e.c.date, d.c.published, e.c.event_type, e.c.quad, e.c.mode, e.c.polarity,
                  e.c.intensity, e.c.location_name).join(d, d.c.id == e.c.doc_id)
    out = []
    for r in conn.execute(stmt):
        slot = roles.get((r.doc_id, r.id), {})
        out.append({"id": r.id, "doc_id": r.doc_id, "date": r.date.isoformat() if r.date else None,
                    "published": r.published.isoformat() if r.published else None, "event_type": r.event_type,
                    "quad": r.quad, "mode": r.mode, "polarity": r.polarity or "asserted",
                    "intensity": r.intensity, "location": {"name": r.location_name} if r.location_name else None,
                    "actors": slot.get("actor", []), "recipients": slot.get("recipient", [])})
    return out


def latest_events(conn: Connection, types: list[str], countries: list[str], limit: int) -> list[dict[str, Any]]:
    """Full records of the newest events (by publication) of ``types`` involving ``countries``.

    Walks documents newest first (index on published) and checks each event's parties by its
    event_actors primary key, stopping at ``limit``: an IN over every event of the parties would
    read hundreds of thousands of keys first. Undated documents come last."""
    e, ea, d = s.events, s.event_actors, s.documents
    theirs = (select(ea.c.doc_id).where(ea.c.doc_id == e.c.doc_id, ea.c.event_id == e.c.id,
                                        ea.c.role.in_(("actor", "recipient")), ea.c.country.in_(countries))
              .exists())
    stmt = (select(e.c.record, d.c.id.label("doc_id"), d.c.published, d.c.title, d.c.source, d.c.url)
            .join(e, e.c.doc_id == d.c.id).where(theirs))
    if types:
        stmt = stmt.where(e.c.event_type.in_(types))
    rows = list(conn.execute(stmt.where(d.c.published.is_not(None))
                             .order_by(d.c.published.desc(), e.c.id.desc()).limit(limit)))
    if len(rows) < limit:
        rows += conn.execute(stmt.where(d.c.published.is_(None)).order_by(e.c.id.desc()).limit(limit - len(rows)))
    return [_event_row(r) for r in rows]


def dyad_events(conn: Connection, dyad: str, *, types: list[str], quads: list[str], actor: Optional[str],
                since: Optional[dt.date], until: Optional[dt.date], limit: int, offset: int) -> list[dict[str, Any]]:
    """Events of a dyad (first actor and first recipient, either direction), newest first: the
    same selection the timeline counts, so a bar and the list it opens agree."""
    e, d = s.events, s.documents
    stmt = (select(e.c.record, d.c.id.label("doc_id"), d.c.published, d.c.title, d.c.source, d.c.url)
            .join(d, d.c.id == e.c.doc_id))
    # bounds on effective_date too (equal to date for a dated event): the order index's range
    stmt = _event_filters(stmt, actor=actor, dyad=dyad, types=types, quads=quads, since=since, until=until,
                          dates=(e.c.date, e.c.effective_date))
    # newest first, undated last, read in index order (store.queries.ordered_rows)
    return [_event_row(r) for r in store_queries.ordered_rows(conn, stmt, e, "-date", limit, offset)]


# ------------------------------------------------------------------ a process's own records

def party_meetings(conn: Connection, keys: list[str]) -> list[dict[str, Any]]:
    """Meetings with a participant whose party key (country, else actor id, else lower-cased
    text) may be one of ``keys``, in the store's date order; the caller applies party_key exactly."""
    m, mp = s.meetings, s.meeting_participants
    low = [k.lower() for k in keys]
    theirs = select(mp.c.doc_id, mp.c.meeting_id).where(
        or_(mp.c.country.in_(keys), mp.c.actor_id.in_(keys), func.lower(mp.c.text).in_(low)))
    stmt = (select(m.c.record, *store_queries.DOC_COLS).join(s.documents, s.documents.c.id == m.c.doc_id)
            .where(tuple_(m.c.doc_id, m.c.id).in_(theirs)))
    with gc_paused():
        return [store_queries.with_doc(r.record, r) for r in store_queries.ordered_rows(conn, stmt, m, "date", None, 0)]


def party_positions(conn: Connection, keys: list[str], stance: Optional[str] = None) -> list[dict[str, Any]]:
    """Positions whose actor's party key may be one of ``keys`` (as party_meetings)."""
    p = s.positions
    low = [k.lower() for k in keys]
    stmt = (select(p.c.record, *store_queries.DOC_COLS).join(s.documents, s.documents.c.id == p.c.doc_id)
            .where(or_(p.c.actor_country.in_(keys), p.c.actor_id.in_(keys), func.lower(p.c.actor_text).in_(low))))
    if stance:
        stmt = stmt.where(p.c.stance == stance)
    with gc_paused():
        return [store_queries.with_doc(r.record, r) for r in store_queries.ordered_rows(conn, stmt, p, "date", None, 0)]


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a bulk of records is decoded. Thousands of new dicts
    (none in a cycle) trigger collections that each walk the whole heap: half of the time of
    reading a process's 8,000 meetings at 1M events (220 ms against 120 ms). Reference counting
    still frees everything; the collector runs again afterwards, as it was. The switch is
    process-wide: of overlapping requests, whichever found it on turns it back on."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def document_metas(conn: Connection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Metadata (no text) of the documents ``ids``, by id."""
    d = s.documents
    out: dict[str, dict[str, Any]] = {}
    for i in range(0, len(ids), 500):
        stmt = select(*store_queries.META_COLS).where(d.c.id.in_(ids[i:i + 500]))
        out.update({r.id: store_queries.doc_meta(r) for r in conn.execute(stmt)})
    return out


def lean_party_meetings(conn: Connection, keys: list[str]) -> list[dict[str, Any]]:
    """Meetings with a participant whose party key is one of ``keys``, plus every meeting that
    names no participant and, for those, the meetings they could join: what
    ``negotiation.process.with_joined_parties`` needs to resolve a partyless report ("a planned
    meeting of foreign ministers in London was cancelled") exactly as over all rows. Consolidation
    joins such a report to the single earlier meeting with parties at its place (level, days,
    channel), so every party set with a meeting at one of those places is read whole (a second
    candidate of other parties makes the report ambiguous). Each row carries only what the weekly
    indicators and that join read (id, doc_id, sentence, published, the record's own date string,
    status, level, channel, place name, historical, preconditions, participants' country /
    actor_id / text): columns and JSON fields, no record decoded whole."""
    rows = {(r["doc_id"], r["id"]): r for r in _lean_meetings(conn, keys)}
    partyless = _lean_partyless(conn)
    rows.update(((r["doc_id"], r["id"]), r) for r in partyless)
    places = sorted({r["place"]["name"] for r in partyless if r["place"]["name"] and r["date"]})
    rivals = sorted(_party_keys_at(conn, places) - set(keys))
    for r in _lean_meetings(conn, rivals) if rivals else []:
        rows.setdefault((r["doc_id"], r["id"]), r)
    return list(rows.values())


def meetings_by_key(conn: Connection, keys: list[tuple[str, str]]) -> list[dict[str, Any]]:
    """Full meeting records (with their document's columns) of the (doc_id, meeting id) ``keys``."""
    m = s.meetings
    out: list[dict[str, Any]] = []
    for i in range(0, len(keys), 400):  # bounded IN lists (SQLite's variable limit)
        stmt = (select(m.c.record, *store_queries.DOC_COLS).join(s.documents, s.documents.c.id == m.c.doc_id)
                .where(tuple_(m.c.doc_id, m.c.id).in_(keys[i:i + 400])))
        out += [store_queries.with_doc(r.record, r) for r in conn.execute(stmt)]
    return out


def has_partyless_meetings(conn: Connection) -> bool:
    """Whether any meeting names no participant (most stores: none, and nothing to resolve)."""
    m, mp = s.meetings, s.meeting_participants
    named = (select(mp.c.doc_id).where(mp.c.doc_id == m.c.doc_id, mp.c.meeting_id == m.c.id,
                                       mp.c.role == "participant").exists())
    return conn.execute(select(m.c.id).where(~named).limit(1)).first() is not None


def _lean_meetings(conn: Connection, keys: list[str]) -> list[dict[str, Any]]:
    """Meetings with a participant whose party key is one of ``keys``. Two plain scans joined
    here: a tuple IN over the participants costs seconds on SQLite at 10k meetings."""
    m, mp = s.meetings, s.meeting_participants
    wanted = set(keys)
    # documents with a candidate participant, from the country and actor id indexes (a party key
    # from lower-cased text can only equal a lower-case key: that branch is scanned only then)
    match = [mp.c.country.in_(keys), mp.c.actor_id.in_(keys)]
    if any(k == k.lower() for k in keys):
        match.append(func.lower(mp.c.text).in_(keys))
    docs = select(mp.c.doc_id).where(or_(*match))
    people: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for p in conn.execute(select(mp.c.doc_id, mp.c.meeting_id, mp.c.country, mp.c.actor_id, mp.c.text)
                          .where(mp.c.role == "participant", mp.c.doc_id.in_(docs))):  # any order: read as a set
        people[(p.doc_id, p.meeting_id)].append({"country": p.country, "actor_id": p.actor_id, "text": p.text})
    theirs = {k for k, ps in people.items() if any(party_key(x) in wanted for x in ps)}
    return [_lean_row(r, people[(r.doc_id, r.id)])
            for r in conn.execute(_lean_select().where(m.c.doc_id.in_(docs))) if (r.doc_id, r.id) in theirs]


def _lean_partyless(conn: Connection) -> list[dict[str, Any]]:
    """Meetings without a participant row (few: most reports name who meets)."""
    m, mp = s.meetings, s.meeting_participants
    named = (select(mp.c.doc_id).where(mp.c.doc_id == m.c.doc_id, mp.c.meeting_id == m.c.id,
                                       mp.c.role == "participant").exists())
    return [_lean_row(r, []) for r in conn.execute(_lean_select().where(~named))]


def _party_keys_at(conn: Connection, places: list[str]) -> set[str]:
    """Party keys of the participants of meetings at ``places`` (names as stored)."""
    if not places:
        return set()
    m, mp = s.meetings, s.meeting_participants
    stmt = (select(mp.c.country, mp.c.actor_id, mp.c.text)
            .join(m, and_(m.c.doc_id == mp.c.doc_id, m.c.id == mp.c.meeting_id))
            .where(mp.c.role == "participant", m.c.place_name.in_(places)))
    return {party_key({"country": r.country, "actor_id": r.actor_id, "text": r.text}) for r in conn.execute(stmt)}


def _lean_select() -> Select[Any]:
    m, d = s.meetings, s.documents
    return (select(m.c.doc_id, m.c.id, m.c.sentence, m.c.status, m.c.level, m.c.place_name, d.c.published,
                   m.c.record["date"].as_string().label("date"), m.c.record["channel"].as_string().label("channel"),
                   m.c.record["historical"].as_boolean().label("historical"),
                   m.c.record["preconditions"].as_string().label("preconditions"))
            .join(d, d.c.id == m.c.doc_id))


def _lean_row(r: Any, participants: list[dict[str, Any]]) -> dict[str, Any]:
    return {"id": r.id, "doc_id": r.doc_id, "sentence": r.sentence, "status": r.status, "level": r.level,
            "channel": r.channel, "place": {"name": r.place_name}, "date": r.date,
            "published": r.published.isoformat() if r.published else None, "historical": bool(r.historical),
            "preconditions": _json_list(r.preconditions), "participants": participants}


def _json_list(text: Optional[str]) -> list[Any]:
    """A JSON array read as text (most are empty: decoding only the others is the saving)."""
    if not text or text == "[]":
        return []
    value = json.loads(text)
    return value if isinstance(value, list) else []
