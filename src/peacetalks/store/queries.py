"""Read queries over an open connection. Records come back in their SPEC ``to_dict()`` shape,
plus where they come from: ``doc_id``, ``published``, ``url``, ``title`` and ``doc_source`` (the
outlet; not ``source``, which an Event already uses for who reports it)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any, Iterable, Optional, Union

from sqlalchemy import Connection, ColumnElement, Select, func, or_, select, tuple_

from peacetalks.store import schema as s
from peacetalks.store.party_filter import country_filter
from peacetalks.store.rows import to_date

Many = Union[str, Iterable[str], None]
DateArg = Union[str, dt.date, None]
_DOC_COLS = (s.documents.c.id, s.documents.c.published, s.documents.c.url, s.documents.c.title,
             s.documents.c.source)
ORDERS = ("date", "-date", "ingested", "-ingested")
DOC_COLS = _DOC_COLS  # the document columns with_doc reads (for the API's own queries)


def _many(value: Many, upper: bool = False) -> list[str]:
    """'A' | 'A,B' | ['A', 'B'] -> ['A', 'B']."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    out = [str(v).strip() for v in items if str(v).strip()]
    return [v.upper() for v in out] if upper else out


def _contains(column: Any, needle: str) -> ColumnElement[bool]:
    return func.lower(column).contains(needle.lower(), autoescape=True)


def _date(value: DateArg, name: str) -> Optional[dt.date]:
    if value is None or value == "":
        return None
    parsed = to_date(value)
    if parsed is None:
        raise ValueError(f"{name}: not an ISO date: {value!r}")
    return parsed


def _with_doc(record: dict[str, Any], row: Any) -> dict[str, Any]:
    out = dict(record)
    out.update(doc_id=row.id, published=row.published.isoformat() if row.published else None,
               url=row.url, title=row.title, doc_source=row.source)
    return out


def _page(stmt: Select[Any], limit: Optional[int], offset: int) -> Select[Any]:
    if limit is not None:
        if limit < 0:
            raise ValueError("limit must be >= 0")
        stmt = stmt.limit(limit)
    if offset:
        if offset < 0:
            raise ValueError("offset must be >= 0")
        stmt = stmt.offset(offset)
    return stmt


def _dated(stmt: Select[Any], column: Any, since: DateArg, until: DateArg) -> Select[Any]:
    if (d := _date(since, "since")) is not None:
        stmt = stmt.where(column >= d)
    if (d := _date(until, "until")) is not None:
        stmt = stmt.where(column <= d)
    return stmt


def _ordered(stmt: Select[Any], table: Any, order: str) -> Select[Any]:
    """``stmt`` sorted (one statement; ``ordered_rows`` reads the date order from an index)."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    if order.endswith("ingested"):
        col = s.documents.c.ingested_at
        first = col.desc() if order.startswith("-") else col.asc()
        return stmt.order_by(first, table.c.doc_id, table.c.sentence, table.c.id)
    col = table.c.effective_date
    # undated records last in both directions
    first = col.desc() if order.startswith("-") else col.asc()
    return stmt.order_by(col.is_(None), first, table.c.doc_id, table.c.sentence, table.c.id)


def ordered_rows(conn: Connection, stmt: Select[Any], table: Any, order: str, limit: Optional[int],
                 offset: int) -> list[Any]:
    """Rows of ``stmt`` in ``order``, one page. Date order (undated records last) is read as two
    index-ordered queries, dated then undated: ``ORDER BY effective_date IS NULL, ...`` in one
    statement would sort every matching row before returning the first (0.35 s at 100k events).
    "-date" reverses the whole key among dated records (ties in reverse document order) so the
    same index serves it read backwards. Counting the dated rows is needed only for a page past
    their end."""
    if order not in ORDERS:
        raise ValueError(f"order must be one of {', '.join(ORDERS)}")
    if order.endswith("ingested"):
        return list(conn.execute(_page(_ordered(stmt, table, order), limit, offset)))
    col = table.c.effective_date
    tail = (table.c.doc_id, table.c.sentence, table.c.id)
    # "-date" is the exact reverse of "date" among dated records (ties too): one index read backwards
    dated_order = [c.desc() for c in (col, *tail)] if order.startswith("-") else [col, *tail]
    dated = stmt.where(col.is_not(None))
    rows = list(conn.execute(_page(dated.order_by(*dated_order), limit, offset)))
    if limit is not None and len(rows) >= limit:
        return rows
    skip = 0
    if offset and not rows:
        n_dated = conn.execute(select(func.count()).select_from(dated.order_by(None).subquery())).scalar_one()
        skip = max(0, offset - n_dated)
    rest = None if limit is None else limit - len(rows)
    undated = stmt.where(col.is_(None)).order_by(*tail)
    return rows + list(conn.execute(_page(undated, rest, skip)))


def _actor_match(table: Any, actor: str) -> ColumnElement[bool]:
    return or_(table.c.actor_id == actor, _contains(table.c.name, actor), _contains(table.c.text, actor))


def events(conn: Connection, *, actor: Optional[str] = None, country: Many = None, type: Many = None,
           quad: Many = None, since: DateArg = None, until: DateArg = None, doc: Optional[str] = None,
           limit: Optional[int] = None, offset: int = 0, order: str = "date",
           dyad: Optional[str] = None) -> list[dict[str, Any]]:
    """Events; ``actor`` and ``country`` match any actor or recipient of the event; ``since`` and
    ``until`` compare the event's own date (undated events drop out when either is given);
    ``dyad`` ("RUS-UKR", either direction; "RUS" alone: either side) compares the countries of
    the first actor and first recipient, as the timeline does."""
    e, ea = s.events, s.event_actors
    stmt = select(e.c.record, *_DOC_COLS).join(s.documents, s.documents.c.id == e.c.doc_id)
    if types := _many(type, upper=True):
        stmt = stmt.where(e.c.event_type.in_(types))
    if quads := _many(quad):
        stmt = stmt.where(e.c.quad.in_(quads))
    if doc:
        stmt = stmt.where(e.c.doc_id == doc)
    # Uncorrelated IN (subquery): a correlated EXISTS lets SQLite's planner scan the whole
    # country index once per event (seconds on 10k events); this form is one pass on both backends.
    party = select(ea.c.doc_id, ea.c.event_id).where(ea.c.role.in_(("actor", "recipient")))
    key = tuple_(e.c.doc_id, e.c.id)
    if actor:
        stmt = stmt.where(key.in_(party.where(_actor_match(ea, actor))))
    if countries := _many(country, upper=True):
        # page order with nothing but dates besides: walking the order index may be cheaper
        walkable = order in ("date", "-date") and not (types or quads or doc or actor or dyad)
        page_end = None if limit is None else offset + limit
        stmt = stmt.where(country_filter(conn, countries, page_end=page_end, walkable=walkable))
    if dyad:
        stmt = stmt.where(dyad_filter(e, dyad))
    # the event's own date: an undated event is never "since" anything (ordering still places
    # it at its report date, see _ordered). A dated event's effective_date is its date, so the
    # same bounds on effective_date change nothing but let the order index narrow the range.
    stmt = _dated(_dated(stmt, e.c.date, since, until), e.c.effective_date, since, until)
    return [_with_doc(row.record, row) for row in ordered_rows(conn, stmt, e, order, limit, offset)]


def dyad_filter(e: Any, dyad: str) -> ColumnElement[bool]:
    """"RUS-UKR": events whose first actor and first recipient are these two countries, either
    way round (one indexed column, events.dyad); "RUS": either of them is RUS."""
    a, _, b = dyad.strip().upper().partition("-")
    if not (a.isalpha() and (not b or b.isalpha())):
        raise ValueError(f"dyad: give ISO3-ISO3 or ISO3, not {dyad!r}")
    if not b:
        return or_(e.c.actor_country == a, e.c.recipient_country == a)
    return e.c.dyad == "-".join(sorted((a, b)))


def meetings(conn: Connection, *, since: DateArg = None, until: DateArg = None, doc: Optional[str] = None,
             status: Many = None, level: Many = None, actor: Optional[str] = None,
             limit: Optional[int] = None, offset: int = 0, order: str = "date") -> list[dict[str, Any]]:
    m, mp = s.meetings, s.meeting_participants
    stmt = select(m.c.record, *_DOC_COLS).join(s.documents, s.documents.c.id == m.c.doc_id)
    if doc:
        stmt = stmt.where(m.c.doc_id == doc)
    if statuses := _many(status):
        stmt = stmt.where(m.c.status.in_(statuses))
    if levels := _many(level):
        stmt = stmt.where(m.c.level.in_(levels))
    if actor:
        stmt = stmt.where(tuple_(m.c.doc_id, m.c.id).in_(
            select(mp.c.doc_id, mp.c.meeting_id).where(_actor_match(mp, actor))))
    stmt = _dated(stmt, m.c.effective_date, since, until)
    return [_with_doc(row.record, row) for row in ordered_rows(conn, stmt, m, order, limit, offset)]


def positions(conn: Connection, *, actor: Optional[str] = None, issue: Many = None, stance: Many = None,
              since: DateArg = None, until: DateArg = None, doc: Optional[str] = None,
              limit: Optional[int] = None, offset: int = 0, order: str = "date") -> list[dict[str, Any]]:
    p = s.positions
    stmt = select(p.c.record, *_DOC_COLS).join(s.documents, s.documents.c.id == p.c.doc_id)
    if actor:
        stmt = stmt.where(or_(p.c.actor_id == actor, _contains(p.c.actor_name, actor),
                              _contains(p.c.actor_text, actor), p.c.actor_country == actor.upper()))
    if issues := _many(issue):
        stmt = stmt.where(p.c.issue.in_(issues))
    if stances := _many(stance):
        stmt = stmt.where(p.c.stance.in_(stances))
    if doc:
        stmt = stmt.where(p.c.doc_id == doc)
    stmt = _dated(stmt, p.c.effective_date, since, until)
    return [_with_doc(row.record, row) for row in ordered_rows(conn, stmt, p, order, limit, offset)]


def actor_mentions(conn: Connection, *, actor: Optional[str] = None, country: Many = None,
                   sector: Many = None, doc: Optional[str] = None, limit: Optional[int] = None,
                   offset: int = 0) -> list[dict[str, Any]]:
    a = s.actor_mentions
    stmt = select(a.c.record, *_DOC_COLS).join(s.documents, s.documents.c.id == a.c.doc_id)
    if actor:
        stmt = stmt.where(_actor_match(a, actor))
    if countries := _many(country, upper=True):
        stmt = stmt.where(a.c.country.in_(countries))
    if sectors := _many(sector, upper=True):
        stmt = stmt.where(a.c.sector.in_(sectors))
    if doc:
        stmt = stmt.where(a.c.doc_id == doc)
    stmt = _page(stmt.order_by(s.documents.c.published, a.c.doc_id, a.c.idx), limit, offset)
    return [_with_doc(row.record, row) for row in conn.execute(stmt)]


def place_mentions(conn: Connection, *, place: Optional[str] = None, country: Many = None,
                   feature: Many = None, doc: Optional[str] = None, limit: Optional[int] = None,
                   offset: int = 0) -> list[dict[str, Any]]:
    pm = s.place_mentions
    stmt = select(pm.c.record, *_DOC_COLS).join(s.documents, s.documents.c.id == pm.c.doc_id)
    if place:
        stmt = stmt.where(or_(_contains(pm.c.name, place), _contains(pm.c.text, place)))
    if countries := _many(country, upper=True):
        stmt = stmt.where(pm.c.country.in_(countries))
    if features := _many(feature):
        stmt = stmt.where(pm.c.feature.in_(features))
    if doc:
        stmt = stmt.where(pm.c.doc_id == doc)
    stmt = _page(stmt.order_by(s.documents.c.published, pm.c.doc_id, pm.c.idx), limit, offset)
    return [_with_doc(row.record, row) for row in conn.execute(stmt)]


def _doc_meta(row: Any) -> dict[str, Any]:
    return {"id": row.id, "title": row.title, "published": row.published.isoformat() if row.published else None,
            "url": row.url, "author": row.author, "source": row.source, "lang": row.lang,
            "content_hash": row.content_hash, "cluster_id": row.cluster_id, "ingested_at": row.ingested_at,
            "run_id": row.run_id}


_META_COLS = [c for c in s.documents.c if c.name != "text"]
META_COLS = _META_COLS


def documents(conn: Connection, *, limit: Optional[int] = 50, offset: int = 0,
              q: Optional[str] = None) -> list[dict[str, Any]]:
    """Newest first (publication date, then ingestion), with the number of events of each."""
    d, e = s.documents, s.events
    n_events = select(func.count()).where(e.c.doc_id == d.c.id).scalar_subquery().label("n_events")
    stmt = select(*_META_COLS, n_events)
    if q:
        stmt = stmt.where(or_(_contains(d.c.title, q), _contains(d.c.text, q)))
    stmt = stmt.order_by(d.c.published.is_(None), d.c.published.desc(), d.c.ingested_at.desc(), d.c.id)
    return [{**_doc_meta(row), "n_events": row.n_events} for row in conn.execute(_page(stmt, limit, offset))]


def document(conn: Connection, doc_id: str) -> Optional[dict[str, Any]]:
    """One document with its text, sentences, records and story cluster."""
    row = conn.execute(select(s.documents).where(s.documents.c.id == doc_id)).first()
    if row is None:
        return None
    out = {**_doc_meta(row), "text": row.text}
    sent = s.sentences
    out["sentences"] = [
        {"index": r.idx, "start": r.start, "end": r.end, "text": row.text[r.start:r.end]}
        for r in conn.execute(select(sent).where(sent.c.doc_id == doc_id).order_by(sent.c.idx))]
    out["events"] = [_strip(r) for r in events(conn, doc=doc_id)]
    out["actors"] = [_strip(r) for r in actor_mentions(conn, doc=doc_id)]
    out["places"] = [_strip(r) for r in place_mentions(conn, doc=doc_id)]
    out["meetings"] = [_strip(r) for r in meetings(conn, doc=doc_id)]
    out["positions"] = [_strip(r) for r in positions(conn, doc=doc_id)]
    out["cluster"] = _cluster(conn, row.cluster_id)
    return out


def _strip(record: dict[str, Any]) -> dict[str, Any]:
    """A record inside its own document needs no document fields."""
    for key in ("doc_id", "published", "url", "title", "doc_source"):
        record.pop(key, None)
    return record


def _cluster(conn: Connection, cluster_id: Optional[str]) -> Optional[dict[str, Any]]:
    if cluster_id is None:
        return None
    d = s.documents
    rows = conn.execute(select(d.c.id, d.c.title, d.c.source, d.c.url, d.c.published)
                        .where(d.c.cluster_id == cluster_id).order_by(d.c.ingested_at, d.c.id))
    members = [{"id": r.id, "title": r.title, "source": r.source, "url": r.url,
                "published": r.published.isoformat() if r.published else None} for r in rows]
    return {"id": cluster_id, "documents": members}


def stats(conn: Connection) -> dict[str, Any]:
    tables = [s.documents, s.story_clusters, s.sentences, s.events, s.event_actors, s.actor_mentions,
              s.place_mentions, s.meetings, s.meeting_participants, s.positions, s.ingest_runs, s.ingest_items]
    counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}
    e = s.events
    by_type = dict(conn.execute(select(e.c.event_type, func.count()).group_by(e.c.event_type)
                                .order_by(e.c.event_type)).all())
    by_quad = dict(conn.execute(select(e.c.quad, func.count()).group_by(e.c.quad).order_by(e.c.quad)).all())
    # grouped by day in SQL (portable), folded into months here (strftime/to_char differ)
    months: Counter[str] = Counter()
    for published, n in conn.execute(select(s.documents.c.published, func.count())
                                     .group_by(s.documents.c.published)):
        months[published.strftime("%Y-%m") if published else "undated"] += n
    return {"counts": counts, "events_by_type": by_type, "events_by_quad": by_quad,
            "documents_by_month": dict(sorted(months.items()))}


with_doc = _with_doc
doc_meta = _doc_meta
