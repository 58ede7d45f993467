"""Page handlers. Each gathers plain data (store queries, process views, chart geometry) and
renders one template; no HTML is built here except the briefing, which render_brief escapes."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Optional

from fastapi import HTTPException, Query, Request
from fastapi.responses import Response
from markupsafe import Markup

from peacetalks.api import queries, views
from peacetalks.api.explore import all_actors, all_places, many, parse_day, weekly
from peacetalks.negotiation.process import LEVEL_ORDER, Process
from peacetalks.web import PAGE_SIZE, charts, doc_link, link, outlet, render, worldmap
from peacetalks.web.highlight import Mark, reader

STATUSES = ("proposed", "conditional", "planned", "held", "postponed", "unlikely", "cancelled", "rejected")
LEVELS = tuple(reversed(LEVEL_ORDER)) + ("unspecified",)
ISSUES = ("security_guarantees", "peacekeepers", "territory", "sanctions", "legitimacy", "ceasefire",
          "talks_format", "prisoners", "nato_membership", "military_aid", "elections", "other")
LATEST = 12


def Text() -> Any:  # noqa: N802 - a fresh Query each time: FastAPI writes the alias into it
    return Query(None, max_length=200)


def _store(request: Request) -> Any:
    return request.app.state.store


def _process(name: Optional[str]) -> Process:
    found = views.find_process(name) if name else views.processes()[0]
    if found is None:
        raise HTTPException(404, f"no process {name!r}")
    return found


def _monday(week: str) -> dt.date:
    year, _, num = week.partition("-W")
    return dt.date.fromisocalendar(int(year), int(num), 1)


# ------------------------------------------------------------------ overview

def overview_page(request: Request, name: Optional[str] = None) -> Response:
    process = _process(name)
    v = views.view(_store(request), process)

    def week_link(w: dict[str, Any]) -> str:
        start = _monday(w["week"])
        return link(request, "events_page", {"since": start, "until": start + dt.timedelta(days=6)})

    return render(request, "overview.html", {
        "process": process, "all_processes": views.processes(), "view": v, "ladder": _ladder(v.meetings),
        "chart": charts.stall_chart(v.overall, week_link), "latest": _latest(request, v)})


def _ladder(meetings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each level (top first) with the count of its meetings per status."""
    rows = []
    for level in reversed(LEVEL_ORDER):
        counts: dict[str, int] = {}
        for m in meetings:
            if m["level"] == level:
                counts[m["status"]] = counts.get(m["status"], 0) + 1
        rows.append({"level": level, "counts": counts, "held": counts.get("held", 0) > 0,
                     "proposed": any(counts.get(s) for s in ("proposed", "conditional", "planned"))})
    return rows


def _latest(request: Request, v: views.ProcessView) -> list[dict[str, Any]]:
    """Newest meeting statuses, positions and material events, each with its citation."""
    items = []
    for m in v.meetings:
        last = m["history"][-1]
        items.append({"date": last.get("date"), "kind": "meeting", "doc_id": last.get("doc_id"),
                      "label": f"{m['level'].replace('_', ' ')} meeting ({', '.join(_parties(m['participants']))}): {m['status']}",
                      "evidence": last.get("evidence")})
    for t in v.positions:
        last = t["history"][-1]
        items.append({"date": last.get("date"), "kind": "position", "doc_id": last.get("doc_id"),
                      "label": f"{t['actor_key']}: {t['stance']} on {t['issue'].replace('_', ' ')}",
                      "evidence": last.get("evidence")})
    for e in v.latest_events[:LATEST * 2]:
        if e.get("quad") in ("material_conflict", "material_cooperation") or e.get("event_type") == "AGREE":
            items.append({"date": e.get("date") or e.get("published"), "kind": "event", "doc_id": e["doc_id"],
                          "label": f"{e['event_type']}{' (negated)' if e.get('polarity') == 'negated' else ''}: "
                                   f"{', '.join(_parties(e.get('actors') or []))} → {', '.join(_parties(e.get('recipients') or []))}",
                          "evidence": e["evidence"], "event_id": e["id"]})
    items.sort(key=lambda i: str(i["date"] or ""), reverse=True)
    top = [i for i in items if i["doc_id"]][:LATEST]
    for i in top:  # links and titles only for what is shown
        doc = v.documents.get(i["doc_id"]) or {}
        i["quote"] = (i["evidence"] or {}).get("text")
        i["href"] = doc_link(request, i["doc_id"], i.get("event_id"), None if i.get("event_id") else i["evidence"])
        i["title"], i["source"] = doc.get("title") or i["doc_id"], outlet(doc.get("source"))
    return top


def _parties(actors: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(a.get("name") or a.get("country") or a.get("text") or "?" for a in actors))


# ------------------------------------------------------------------ timeline and events

def timeline_page(request: Request, dyad: Optional[str] = Query(None, max_length=20), type: Optional[str] = Text(),
                  actor: Optional[str] = Text(), since: Optional[str] = Query(None, max_length=40),
                  until: Optional[str] = Query(None, max_length=40)) -> Response:
    filters = {"dyad": dyad or "", "type": type or "", "actor": actor or "", "since": since or "", "until": until or ""}
    if dyad and not _is_dyad(dyad):
        raise HTTPException(400, "dyad: give ISO3-ISO3, e.g. RUS-UKR")
    weeks = weekly(_store(request), many(type), actor, dyad, parse_day(since, "since"), parse_day(until, "until"))

    def bar_link(w: dict[str, Any], quad: Optional[str] = None) -> str:
        return link(request, "events_page", {"since": w["start"], "until": w["end"], "quad": quad, "type": type,
                                             "actor": actor, "dyad": dyad})

    return render(request, "timeline.html", {"weeks": weeks, "filters": filters, "quads": queries.QUADS,
                                             "chart": charts.timeline_chart(weeks, bar_link), "bar_link": bar_link})


def _is_dyad(value: str) -> bool:
    a, _, b = value.partition("-")
    return len(a) == 3 and a.isalpha() and (not b or (len(b) == 3 and b.isalpha()))


def events_page(request: Request, offset: int = Query(0, ge=0, le=10_000_000), type: Optional[str] = Text(),
                country: Optional[str] = Text(), actor: Optional[str] = Text(), quad: Optional[str] = Text(),
                since: Optional[str] = Query(None, max_length=40), until: Optional[str] = Query(None, max_length=40),
                dyad: Optional[str] = Query(None, max_length=20)) -> Response:
    if dyad and not _is_dyad(dyad):
        raise HTTPException(400, "dyad: give ISO3-ISO3, e.g. RUS-UKR")
    if dyad:  # the timeline's own selection, so a bar and its list agree
        with _store(request).engine.connect() as conn:
            items = queries.dyad_events(conn, dyad, types=many(type), quads=[q.lower() for q in many(quad)],
                                        actor=actor, since=parse_day(since, "since"), until=parse_day(until, "until"),
                                        limit=PAGE_SIZE, offset=offset)
    else:
        items = _store(request).events(type=type, country=country, actor=actor, quad=quad, since=since, until=until,
                                       order="-date", limit=PAGE_SIZE, offset=offset)
    filters = {"type": type or "", "country": country or "", "actor": actor or "", "quad": quad or "",
               "since": since or "", "until": until or "", "dyad": dyad or ""}
    pages = {"newer": link(request, "events_page", {**filters, "offset": max(offset - PAGE_SIZE, 0)}) if offset else "",
             "older": link(request, "events_page", {**filters, "offset": offset + PAGE_SIZE})
             if len(items) == PAGE_SIZE else ""}
    return render(request, "events.html", {"events": items, "filters": filters, "pages": pages,
                                           "quads": queries.QUADS, "offset": offset})


# ------------------------------------------------------------------ meetings and positions

CELL_SHOWN = 8  # meetings per board cell (the most recent); the cell links to all of its meetings
HISTORY_SHOWN = 5  # latest entries of a position thread in its grid cell; the cell links to the thread


def _recent(m: dict[str, Any]) -> str:
    """Recency of a consolidated meeting or thread: its latest report (history is chronological)."""
    last = (m.get("history") or [{}])[-1]
    return str(m.get("last_seen") or last.get("date") or "")


def _pages(request: Request, name: str, params: dict[str, Any], offset: int, total: int) -> dict[str, str]:
    return {"newer": link(request, name, {**params, "offset": max(offset - PAGE_SIZE, 0) or None}) if offset else "",
            "older": link(request, name, {**params, "offset": offset + PAGE_SIZE}) if offset + PAGE_SIZE < total else ""}


def meetings_page(request: Request, process: Optional[str] = Query(None, max_length=100),
                  level: Optional[str] = Query(None, max_length=40), status: Optional[str] = Query(None, max_length=40),
                  offset: int = Query(0, ge=0, le=10_000_000)) -> Response:
    """The board: per level and status, the CELL_SHOWN most recent meetings and a link to all of
    them. With ``level`` and/or ``status``: those meetings, newest first, PAGE_SIZE a page (at 1M
    events a process has thousands of meetings: rendering every card took 0.4-0.7 s)."""
    p = _process(process)
    v = views.view(_store(request), p)
    if level or status:
        return _meeting_list(request, p, v.meetings, level, status, offset)
    board = {(lv, st): [] for lv in LEVELS for st in STATUSES}  # type: dict[tuple[str, str], list[dict[str, Any]]]
    for m in v.meetings:
        board.setdefault((_level(m), m["status"]), []).append(m)
    totals = {cell: len(items) for cell, items in board.items()}
    shown = {cell: sorted(items, key=_recent, reverse=True)[:CELL_SHOWN] for cell, items in board.items()}
    levels = [lv for lv in LEVELS if any(board.get((lv, st)) for st in STATUSES)]
    statuses = [st for st in STATUSES if any(board.get((lv, st)) for lv in LEVELS)]
    more = {cell: link(request, "meetings_page", {"process": process, "level": cell[0], "status": cell[1]})
            for cell, n in totals.items() if n > CELL_SHOWN}
    return render(request, "meetings.html", {"process": p, "board": shown, "totals": totals, "more": more,
                                             "levels": levels, "statuses": statuses, "count": len(v.meetings),
                                             "parties": _parties, "listing": None, "cell_shown": CELL_SHOWN})


def _level(m: dict[str, Any]) -> str:
    return str(m["level"]) if m["level"] in LEVELS else "unspecified"


def _meeting_list(request: Request, p: Process, meetings: list[dict[str, Any]], level: Optional[str],
                  status: Optional[str], offset: int) -> Response:
    chosen = sorted((m for m in meetings if (not level or _level(m) == level) and (not status or m["status"] == status)),
                    key=_recent, reverse=True)
    params = {"process": p.name, "level": level, "status": status}
    listing = {"level": level or "", "status": status or "", "offset": offset, "total": len(chosen),
               "cards": chosen[offset:offset + PAGE_SIZE], "pages": _pages(request, "meetings_page", params, offset, len(chosen)),
               "board": link(request, "meetings_page", {"process": p.name})}
    return render(request, "meetings.html", {"process": p, "listing": listing, "count": len(meetings),
                                             "parties": _parties})


def positions_page(request: Request, process: Optional[str] = Query(None, max_length=100),
                   actor: Optional[str] = Query(None, max_length=200), issue: Optional[str] = Query(None, max_length=40),
                   offset: int = Query(0, ge=0, le=10_000_000)) -> Response:
    """The grid: per party and issue the latest stance with its HISTORY_SHOWN latest reports and a
    link to the thread. With ``actor`` and ``issue``: that thread's whole history, newest first,
    PAGE_SIZE a page (threads reach a thousand reports at 1M events)."""
    p = _process(process)
    v = views.view(_store(request), p)
    if actor and issue:
        return _thread(request, p, v.positions, actor, issue, offset)
    cells = {(t["actor_key"], t["issue"]): t for t in v.positions}
    actors = sorted({t["actor_key"] for t in v.positions})
    issues = [i for i in ISSUES if any(t["issue"] == i for t in v.positions)]
    issues += sorted({t["issue"] for t in v.positions} - set(issues))
    recent = {key: t["history"][-HISTORY_SHOWN:] for key, t in cells.items()}
    threads = {key: link(request, "positions_page", {"process": process, "actor": key[0], "issue": key[1]})
               for key in cells}
    return render(request, "positions.html", {"process": p, "cells": cells, "actors": actors, "issues": issues,
                                              "recent": recent, "threads": threads, "thread": None})


def _thread(request: Request, p: Process, positions: list[dict[str, Any]], actor: str, issue: str,
            offset: int) -> Response:
    found = next((t for t in positions if t["actor_key"] == actor and t["issue"] == issue), None)
    if found is None:
        raise HTTPException(404, f"no position of {actor!r} on {issue!r} in {p.name}")
    history = list(reversed(found["history"]))
    params = {"process": p.name, "actor": actor, "issue": issue}
    thread = {"t": found, "offset": offset, "total": len(history), "entries": history[offset:offset + PAGE_SIZE],
              "pages": _pages(request, "positions_page", params, offset, len(history)),
              "grid": link(request, "positions_page", {"process": p.name})}
    return render(request, "positions.html", {"process": p, "thread": thread, "actors": [], "cells": {}})


# ------------------------------------------------------------------ actors, places

def actors_page(request: Request, q: Optional[str] = Text(), country: Optional[str] = Query(None, max_length=8),
                offset: int = Query(0, ge=0, le=10_000_000)) -> Response:
    rows = all_actors(_store(request), q, country)[offset:offset + 200]
    return render(request, "actors.html", {"actors": rows, "filters": {"q": q or "", "country": country or ""}})


def actor_page(request: Request, key: str, offset: int = Query(0, ge=0, le=10_000_000)) -> Response:
    store = _store(request)
    with store.engine.connect() as conn:
        info = queries.actor_info(conn, key)
        if info is None:
            raise HTTPException(404, f"no actor {key!r}")
        events = queries.actor_events(conn, key, PAGE_SIZE, offset)
    positions = store.positions(actor=info["actor_id"] or info["country"], limit=200) \
        if info["actor_id"] or info["country"] else []
    pages = {"newer": link(request, "actor_page", {"offset": max(offset - PAGE_SIZE, 0) or None}, key=key)
             if offset else "",
             "older": link(request, "actor_page", {"offset": offset + PAGE_SIZE}, key=key)
             if len(events) == PAGE_SIZE else ""}
    return render(request, "actor.html", {"actor": info, "events": events, "positions": positions, "pages": pages,
                                          "offset": offset})


def map_page(request: Request, place: Optional[str] = Text(), world: bool = False) -> Response:
    located = all_places(_store(request), None)
    events: list[dict[str, Any]] = []
    if place:
        with _store(request).engine.connect() as conn:
            events = queries.located_events(conn, place, PAGE_SIZE)
    view = worldmap.build(located, lambda p: link(request, "map_page", {"place": p["name"], "world": world or None})
                          + "#events", world=world)
    return render(request, "map.html", {"map": view, "places": located, "place": place, "events": events,
                                        "world": world, "shown": len(view.markers)})


# ------------------------------------------------------------------ documents, search, brief

def document_page(request: Request, doc_id: str, event: Optional[str] = Query(None, max_length=64),
                  span: Optional[str] = Query(None, max_length=40, pattern=r"^\d+-\d+$")) -> Response:
    doc = _store(request).document(doc_id)
    if doc is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    chosen = next((e for e in doc["events"] if e["id"] == event), None) if event else None
    if event and chosen is None:
        raise HTTPException(404, f"document {doc_id!r} has no event {event!r}")
    evidence = chosen["evidence"] if chosen else _span(span)
    text = reader(doc["text"], _marks(doc), evidence)
    return render(request, "document.html", {"doc": doc, "event": chosen, "text": text,
                                             "url": views.safe_url(doc.get("url"))})


def _span(value: Optional[str]) -> Optional[dict[str, int]]:
    if not value:
        return None
    start, _, end = value.partition("-")
    return {"start": int(start), "end": int(end)}


def _marks(doc: dict[str, Any]) -> list[Mark]:
    marks: list[Mark] = []
    for a in doc["actors"]:
        who = a.get("name") or a.get("text")
        marks.append((a["start"], a["end"], "actor", f"actor: {who} ({a.get('country') or '?'} {a.get('sector') or '?'})"))
    for p in doc["places"]:
        marks.append((p["start"], p["end"], "place", f"place: {p.get('name') or p.get('text')} ({p.get('country') or '?'})"))
    for e in doc["events"]:
        t = e.get("trigger") or {}
        if isinstance(t.get("start"), int) and isinstance(t.get("end"), int):
            marks.append((t["start"], t["end"], "trigger", f"trigger: {e['event_type']}"))
    return marks


def search_page(request: Request, q: Optional[str] = Text(), offset: int = Query(0, ge=0, le=10_000_000)) -> Response:
    hits: list[dict[str, Any]] = []
    terms = queries.terms(q or "")
    if q:
        with _store(request).engine.connect() as conn:
            hits = queries.search_documents(conn, q, PAGE_SIZE + 1, offset)  # one more: is there a next page?
    more, hits = len(hits) > PAGE_SIZE, hits[:PAGE_SIZE]
    for h in hits:
        h["parts"] = snippet_parts(h, terms)
    pages = {"newer": link(request, "search_page", {"q": q, "offset": max(offset - PAGE_SIZE, 0) or None})
             if offset else "",
             "older": link(request, "search_page", {"q": q, "offset": offset + PAGE_SIZE}) if more else ""}
    return render(request, "search.html", {"q": q or "", "hits": hits, "terms": terms, "offset": offset,
                                           "pages": pages})


def snippet_parts(hit: dict[str, Any], terms: list[str]) -> list[dict[str, Any]]:
    """The snippet as [{"text", "hit"}] pieces for <mark>: the store's own fragments when it gives
    them (FTS5 or PostgreSQL highlighting), else the query words found in the plain snippet. The
    template escapes every piece: a snippet is document text, never markup."""
    if hit.get("fragments"):
        return [{"text": str(f.get("text") or ""), "hit": bool(f.get("hit"))} for f in hit["fragments"]]
    snippet = str(hit.get("snippet") or "")
    words = sorted((t for t in terms if t), key=len, reverse=True)
    if not words:
        return [{"text": snippet, "hit": False}] if snippet else []
    pieces = re.split("(" + "|".join(re.escape(w) for w in words) + ")", snippet, flags=re.IGNORECASE)
    return [{"text": piece, "hit": i % 2 == 1} for i, piece in enumerate(pieces) if piece]


def brief_page(request: Request, process: Optional[str] = Query(None, max_length=100),
               since: Optional[str] = Query(None, max_length=40)) -> Response:
    p = _process(process)
    parse_day(since, "since")
    html = views.brief_html(_store(request), p, since)
    # render_brief escapes every text it writes (negotiation/brief.py) and URLs are http(s) only
    return render(request, "brief.html", {"process": p, "brief": Markup(html), "since": since or "",
                                          "all_processes": views.processes()})


def api_docs(request: Request) -> Response:
    schema = request.app.openapi()
    ops = [{"method": method.upper(), "path": path, "summary": op.get("summary") or "",
            "description": op.get("description") or "", "params": op.get("parameters") or [],
            "tag": (op.get("tags") or ["other"])[0]}
           for path, methods in schema.get("paths", {}).items() for method, op in methods.items()]
    return render(request, "apidocs.html", {"ops": ops, "info": schema.get("info", {})})


ROUTES = [
    ("/", overview_page, "overview_page"),
    ("/process/{name}", overview_page, "process_page"),
    ("/timeline", timeline_page, "timeline_page"),
    ("/events", events_page, "events_page"),
    ("/meetings", meetings_page, "meetings_page"),
    ("/positions", positions_page, "positions_page"),
    ("/actors", actors_page, "actors_page"),
    ("/actors/{key}", actor_page, "actor_page"),
    ("/map", map_page, "map_page"),
    ("/documents/{doc_id}", document_page, "document_page"),
    ("/search", search_page, "search_page"),
    ("/brief", brief_page, "brief_page"),
    ("/docs", api_docs, "api_docs"),
]
