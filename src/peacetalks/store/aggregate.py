"""The weekly event aggregate: what process indicators need, kept up to date on every write.

Per (ISO week, party signature, quad class) one row of sums: events, intensity, and the asserted
ASSAULT / SANCTION / REJECT / agreement counts the stall index weighs; per (week, signature,
place) the asserted assaults located there. A signature is the sorted set of party keys among an
event's actors and the set among its recipients (``party_key``: country, else actor id, else
lower-cased text), so any process (any set of parties and mediators) can be read from it without
touching the events table. ``Store.save_document`` adds a document's contributions in its own
transaction; ``rebuild`` recomputes everything (migration 0003's backfill, ``Store.rebuild_aggregates``).
Meetings are not aggregated: a report naming no party ("a planned meeting ... in London was
cancelled") belongs to a process only once consolidation over every meeting row has joined it
(negotiation.process.with_joined_parties), which a save cannot know for later reports, so the
indicators count meetings from their rows at read time (api.queries.lean_party_meetings).
The reading side (process -> weekly rows) is peacetalks.api.indicators; the week of an event is
negotiation.process's own rule (event_week), so both paths place an event in the same week.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from sqlalchemy import Connection, delete, select

from peacetalks.store import schema as s

ROLES = ("actor", "recipient")
PLACE_MAX = 200  # characters of a place name kept (the key column's width)
_SUMS = ("events", "intensity_sum", "assaults", "sanctions", "rejections", "agreements")
_CHUNK = 5000  # events per rebuild step: bounded memory on millions of events


def iso_week(day: Any) -> str:
    """'2025-W33' for a date or ISO string, '' for None or no date (the undated bucket)."""
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        try:
            day = dt.date.fromisoformat(day[:10])
        except ValueError:
            return ""
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


@functools.lru_cache(maxsize=65536)
def event_week(raw_date: Optional[str], published: Any, modality: Optional[str]) -> str:
    """The week an event counts in, exactly as the indicators read a record (negotiation.process:
    its own date when given to the day and not long before the report, else the report's;
    none for a historical event). '' for none. A change of that rule needs a migration that
    calls ``rebuild``."""
    from peacetalks.negotiation.process import week_of

    day = published.isoformat() if hasattr(published, "isoformat") else published
    return week_of({"date": raw_date, "published": day, "modality": modality}) or ""


def party_key(country: Optional[str], actor_id: Optional[str], text: Optional[str]) -> str:
    """negotiation.consolidate.party_key over store columns."""
    return country or actor_id or (text or "").lower()


@functools.lru_cache(maxsize=65536)
def _signature(actors: frozenset[str], recipients: frozenset[str]) -> tuple[str, list[str], list[str]]:
    a, r = sorted(actors), sorted(recipients)
    digest = hashlib.sha1(json.dumps([a, r], ensure_ascii=False).encode("utf-8")).hexdigest()[:16]
    return digest, a, r


def signature(actors: Iterable[str], recipients: Iterable[str]) -> tuple[str, list[str], list[str]]:
    """(id, sorted actor keys, sorted recipient keys); empty keys are no party and are dropped."""
    return _signature(frozenset(k for k in actors if k), frozenset(k for k in recipients if k))


@dataclass
class Delta:
    """Contributions of some events, ready to be added to the tables."""

    signatures: dict[str, tuple[list[str], list[str]]] = field(default_factory=dict)
    sums: dict[tuple[str, str, str], list[float]] = field(default_factory=lambda: defaultdict(lambda: [0] * 6))
    places: dict[tuple[str, str, str], int] = field(default_factory=lambda: defaultdict(int))

    def add(self, event: dict[str, Any], parties: dict[str, list[str]], published: Any) -> None:
        """One event row (store columns) with its party keys by role and its document's date."""
        sig, a, r = signature(parties.get("actor", ()), parties.get("recipient", ()))
        self.signatures[sig] = (a, r)
        week = event_week(event["raw_date"], published, event["modality"])
        row = self.sums[(week, sig, event["quad"] or "unknown")]
        row[0] += 1
        row[1] += float(event["intensity"] or 0.0)
        if (event["polarity"] or "asserted") != "asserted":
            return
        kind = event["event_type"]
        if kind == "ASSAULT":
            row[2] += 1
            if event["location_name"]:
                self.places[(week, sig, event["location_name"][:PLACE_MAX])] += 1
        elif kind == "SANCTION":
            row[3] += 1
        elif kind == "REJECT":
            row[4] += 1
        elif kind == "AGREE" or (kind == "RETREAT" and event["mode"] == "ceasefire"):
            row[5] += 1


def document_delta(event_rows: list[dict[str, Any]], actor_rows: list[dict[str, Any]], published: Any,
                   into: Optional[Delta] = None) -> Delta:
    """The contributions of one document's rows (as rows.record_rows builds them), added to
    ``into`` when given (a bulk load sums many documents before one ``apply``)."""
    parties: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "recipient": []})
    for a in actor_rows:
        if a["role"] in ROLES:
            parties[a["event_id"]][a["role"]].append(party_key(a["country"], a["actor_id"], a["text"]))
    delta = into if into is not None else Delta()
    for e in event_rows:
        delta.add({**e, "raw_date": e["record"].get("date")}, parties[e["id"]], published)
    return delta


def apply(conn: Connection, delta: Delta, party_level: bool = True) -> None:
    """Add ``delta`` to the tables (insert or add to the existing row) inside the caller's
    transaction. ``party_level`` False: the per-signature tables only (migration 0003 runs
    before the per-party tables exist)."""
    if not delta.sums:
        return
    sig_rows = [{"id": k, "actors": a, "recipients": r} for k, (a, r) in delta.signatures.items()]
    conn.execute(_upsert_insert(conn)(s.party_signatures).on_conflict_do_nothing(index_elements=["id"]), sig_rows)
    _add_sums(conn, s.weekly_events, "sig", delta.sums)
    _add_places(conn, s.weekly_assault_places, "sig", delta.places)
    if party_level:
        by_party = per_party(delta.signatures, delta.sums, delta.places)
        _add_sums(conn, s.weekly_party_events, "party", by_party[0])
        _add_places(conn, s.weekly_party_places, "party", by_party[1])


def per_party(signatures: dict[str, tuple[list[str], list[str]]], sums: dict[tuple[str, str, str], list[float]],
              places: dict[tuple[str, str, str], int]) -> tuple[dict[tuple[str, str, str], list[float]],
                                                               dict[tuple[str, str, str], int]]:
    """Signature-level sums spread to each party of the signature (once per event and party)."""
    out_sums: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0] * 6)
    out_places: dict[tuple[str, str, str], int] = defaultdict(int)
    for (week, sig, quad), values in sums.items():
        for party in _parties(signatures[sig]):
            row = out_sums[(week, party, quad)]
            for i, v in enumerate(values):
                row[i] += v
    for (week, sig, place), n in places.items():
        for party in _parties(signatures[sig]):
            out_places[(week, party, place)] += n
    return out_sums, out_places


def _parties(sig: tuple[list[str], list[str]]) -> set[str]:
    return {k[:PLACE_MAX] for k in (*sig[0], *sig[1])}


def _add_sums(conn: Connection, table: Any, key: str, sums: dict[tuple[str, str, str], list[float]]) -> None:
    if not sums:
        return
    stmt = _upsert_insert(conn)(table)
    stmt = stmt.on_conflict_do_update(index_elements=["week", key, "quad"],
                                      set_={c: table.c[c] + stmt.excluded[c] for c in _SUMS})
    conn.execute(stmt, [{"week": k[0], key: k[1], "quad": k[2], **dict(zip(_SUMS, v))} for k, v in sums.items()])


def _add_places(conn: Connection, table: Any, key: str, places: dict[tuple[str, str, str], int]) -> None:
    if not places:
        return
    stmt = _upsert_insert(conn)(table)
    stmt = stmt.on_conflict_do_update(index_elements=["week", key, "place"],
                                      set_={"events": table.c.events + stmt.excluded.events})
    conn.execute(stmt, [{"week": k[0], key: k[1], "place": k[2], "events": n} for k, n in places.items()])


def rebuild_party_level(conn: Connection) -> None:
    """Recompute the per-party tables from the per-signature ones (no event is read)."""
    for table in (s.weekly_party_places, s.weekly_party_events):
        conn.execute(delete(table))
    ps, w, p = s.party_signatures, s.weekly_events, s.weekly_assault_places
    signatures = {r.id: (r.actors, r.recipients) for r in conn.execute(select(ps.c.id, ps.c.actors, ps.c.recipients))}
    sums = {(r.week, r.sig, r.quad): [getattr(r, c) for c in _SUMS] for r in conn.execute(select(w))}
    places = {(r.week, r.sig, r.place): r.events for r in conn.execute(select(p))}
    by_party = per_party(signatures, sums, places)
    _add_sums(conn, s.weekly_party_events, "party", by_party[0])
    _add_places(conn, s.weekly_party_places, "party", by_party[1])


def _upsert_insert(conn: Connection) -> Any:
    # INSERT ... ON CONFLICT exists on both backends, with the same SQLAlchemy API per dialect
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def _event_columns() -> list[Any]:
    e = s.events
    # the record's own date string: its precision decides the week (event_week)
    return [e.c.doc_id, e.c.id, e.c.record["date"].as_string().label("raw_date"), e.c.modality, e.c.quad, e.c.intensity, e.c.polarity, e.c.event_type, e.c.mode,
            e.c.location_name]


def _chunks(conn: Connection, doc_ids: Optional[list[str]]) -> Iterator[list[Any]]:
    """Events with their document's date, in chunks of documents (ordered by document id)."""
    d, e = s.documents, s.events
    docs = conn.execute(select(d.c.id, d.c.published).order_by(d.c.id)).all()
    if doc_ids is not None:  # filtered here: an IN list of every imported id could pass SQLite's limit
        wanted = set(doc_ids)
        docs = [row for row in docs if row.id in wanted]
    step = max(1, _CHUNK // 10)
    for i in range(0, len(docs), step):
        part = dict(docs[i:i + step])
        yield [(r, part[r.doc_id]) for r in conn.execute(select(*_event_columns()).where(e.c.doc_id.in_(list(part))))]


def _parties_of(conn: Connection, doc_ids: list[str]) -> dict[tuple[str, str], dict[str, list[str]]]:
    ea = s.event_actors
    out: dict[tuple[str, str], dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "recipient": []})
    for r in conn.execute(select(ea.c.doc_id, ea.c.event_id, ea.c.role, ea.c.country, ea.c.actor_id, ea.c.text)
                          .where(ea.c.doc_id.in_(doc_ids), ea.c.role.in_(ROLES))):
        out[(r.doc_id, r.event_id)][r.role].append(party_key(r.country, r.actor_id, r.text))
    return out


def add_documents(conn: Connection, doc_ids: Optional[list[str]] = None, party_level: bool = True) -> None:
    """Add the contributions of stored documents (all of them when ``doc_ids`` is None)."""
    for chunk in _chunks(conn, doc_ids):
        if not chunk:
            continue
        parties = _parties_of(conn, sorted({r.doc_id for r, _ in chunk}))
        delta = Delta()
        for r, published in chunk:
            delta.add(r._mapping, parties[(r.doc_id, r.id)], published)
        apply(conn, delta, party_level)


def rebuild(conn: Connection, party_level: bool = True) -> None:
    """Recompute the aggregate from the events (inside the caller's transaction)."""
    tables = [s.weekly_assault_places, s.weekly_events, s.party_signatures]
    if party_level:
        tables = [s.weekly_party_places, s.weekly_party_events, *tables]
    for table in tables:
        conn.execute(delete(table))
    add_documents(conn, party_level=party_level)
