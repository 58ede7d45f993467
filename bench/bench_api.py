"""Benchmark: latency of the main API endpoints and pages over N synthetic events in SQLite.

Fills a temporary SQLite store with N generated events (50 per document, with actors,
locations, a meeting and a position per document), then times each endpoint in-process
(fastapi TestClient: no network) and prints p50/p95 per endpoint. The first request of a
process page builds the cached process view; it is reported separately as "cold".

Run: /work/venv/bin/python bench/bench_api.py [N] [--repeat R] [--db PATH]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from typing import Any

from peacetalks.records import ActorMention, DocumentResult, Event, Meeting, PlaceMention, Position, Span, stable_id

PER_DOC = 50
TYPES = [("ASSAULT", "material_conflict", "190", -10.0), ("ACCUSE", "verbal_conflict", "112", -2.0),
         ("CONSULT", "verbal_cooperation", "040", 1.0), ("AGREE", "verbal_cooperation", "057", 3.0),
         ("SANCTION", "material_conflict", "163", -8.0), ("AID", "material_cooperation", "070", 7.0)]
ACTORS = [("Russian forces", "RUS", "MIL", None), ("Ukrainian officials", "UKR", "GOV", None),
          ("Sergey Lavrov", "RUS", "GOV", "sergey-lavrov"), ("Washington", "USA", "GOV", "usa-government"),
          ("Ankara", "TUR", "GOV", "turkey-government")]
PLACES = [("Lviv", 49.84, 24.02, "UKR"), ("Kharkiv", 49.98, 36.25, "UKR"), ("Istanbul", 41.01, 28.95, "TUR"),
          ("Odesa", 46.49, 30.74, "UKR"), ("Moscow", 55.75, 37.62, "RUS")]
PATHS = ["/api/events", "/api/events?type=ASSAULT", "/api/events?actor=sergey-lavrov", "/api/events?country=TUR",
         "/api/events?offset=5000", "/api/timeline", "/api/timeline?dyad=RUS-UKR", "/api/actors", "/api/places",
         "/api/search?q=Kharkiv%20talks", "/api/documents", "/api/processes/russia-ukraine",
         "/", "/timeline", "/events", "/map", "/meetings", "/positions", "/actors", "/actors/sergey-lavrov"]


def _mention(text: str, offset: int, who: tuple[str, str, str, Any]) -> ActorMention:
    name, country, sector, actor_id = who
    start = text.index(name, offset)
    return ActorMention(name, start, start + len(name), actor_id=actor_id, name=name if actor_id else None,
                        country=country, sector=sector)


def document(i: int, rnd: random.Random, start: dt.date) -> tuple[dict[str, Any], list[Span], DocumentResult]:
    day = start + dt.timedelta(days=i % 700)
    sents, events, parts, pos = [], [], [], 0
    for k in range(PER_DOC):
        a, r = rnd.sample(ACTORS, 2)
        place = rnd.choice(PLACES)
        kind = rnd.choice(TYPES)
        line = f"{a[0]} acted against {r[0]} near {place[0]} in talks round {i}-{k}. "
        parts.append(line)
        sents.append(Span(line.strip(), pos, pos + len(line) - 1))
        pos += len(line)
    text = "".join(parts)
    doc_id = f"bench-{i:06d}"
    for k, sp in enumerate(sents):
        words = sp.text.split(" acted against ")
        who = next(x for x in ACTORS if x[0] == words[0])
        whom = next(x for x in ACTORS if sp.text.find(x[0], len(words[0])) > 0)
        kind = rnd.choice(TYPES)
        trig_at = sp.start + sp.text.index("acted")
        trig = Span("acted", trig_at, trig_at + 5)
        place = next(p for p in PLACES if f" near {p[0]} " in sp.text)
        p_at = sp.start + sp.text.index(place[0])
        loc = PlaceMention(place[0], p_at, p_at + len(place[0]), name=place[0], lat=place[1], lon=place[2],
                           country=place[3], feature="city")
        events.append(Event(id=Event.make_id(doc_id, k, trig, kind[0]), sentence=k, event_type=kind[0], quad=kind[1],
                            cameo=kind[2], intensity=kind[3], trigger=trig, evidence=sp,
                            actors=[_mention(text, sp.start, who)], recipients=[_mention(text, sp.start + 10, whom)],
                            location=loc, date=(day - dt.timedelta(days=k % 3)).isoformat(), date_precision="day",
                            coder="bench"))
    ru, ua = _mention(text, 0, ACTORS[0]), _mention(text, 0, ACTORS[1])
    meeting = Meeting(id=stable_id(doc_id, "m"), level=rnd.choice(["leaders", "delegations", "working_groups"]),
                      format="bilateral", status=rnd.choice(["proposed", "held", "postponed"]),
                      participants=[ru, ua], evidence=[sents[0]], sentence=0, date=None)
    position = Position(id=stable_id(doc_id, "p"), actor=ru, issue=rnd.choice(["ceasefire", "territory"]),
                        stance=rnd.choice(["demand", "reject", "accept"]), statement="bench", evidence=sents[1],
                        date=day.isoformat(), sentence=1)
    result = DocumentResult(id=doc_id, events=events, meetings=[meeting], positions=[position])
    doc = {"id": doc_id, "text": text, "title": f"Bench article {i}", "published": day.isoformat(),
           "url": f"https://example.org/{doc_id}", "source": "Bench Wire", "lang": "en"}
    return doc, sents, result


def fill(store: Any, n_events: int) -> float:
    rnd, start, began = random.Random(0), dt.date(2024, 1, 1), time.perf_counter()
    for i in range(max(1, n_events // PER_DOC)):
        store.save_document(*document(i, rnd, start))
    return time.perf_counter() - began


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, default=100_000, help="synthetic events (default 100000)")
    parser.add_argument("--repeat", type=int, default=20, help="timed requests per endpoint")
    parser.add_argument("--db", help="SQLite file to use (filled when empty); default a temporary file")
    args = parser.parse_args()
    from fastapi.testclient import TestClient

    from peacetalks.api import create_app

    db = args.db or os.path.join(tempfile.mkdtemp(prefix="pt-bench-"), "bench.db")
    app = create_app(db)
    store = app.state.store
    if store.stats()["counts"]["events"] == 0:
        print(f"filling {db} with {args.n} events ...", file=sys.stderr)
        print(f"fill: {fill(store, args.n):.1f} s", file=sys.stderr)
    counts = store.stats()["counts"]
    print(f"# bench_api: {counts['events']} events, {counts['documents']} documents, SQLite; "
          f"python {platform.python_version()} on {platform.machine()}, {os.cpu_count()} cores; repeat {args.repeat}")
    print(f"{'endpoint':42} {'cold ms':>9} {'p50 ms':>9} {'p95 ms':>9}")
    with TestClient(app) as client:
        for path in PATHS:
            began = time.perf_counter()
            first = client.get(path)
            cold = (time.perf_counter() - began) * 1000
            assert first.status_code == 200, (path, first.status_code, first.text[:200])
            times = []
            for _ in range(args.repeat):
                began = time.perf_counter()
                client.get(path)
                times.append((time.perf_counter() - began) * 1000)
            print(f"{path:42} {cold:9.1f} {statistics.median(times):9.1f} {percentile(times, 0.95):9.1f}")


if __name__ == "__main__":
    main()
