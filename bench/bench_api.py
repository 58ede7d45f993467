"""Benchmark: latency of the main API endpoints and pages over N synthetic events, SQLite or PostgreSQL.

Fills a store with N generated events (bulk: the store's own row builders, executemany in
large transactions, the weekly aggregate and full-text index filled as Store.save_document
would; MinHash near-duplicate rows are skipped), then times each endpoint in-process (fastapi
TestClient through the ASGI app: no network). Per endpoint: the first request ("cold": empty
caches) and p50/p95 over --repeat warm requests. Endpoints that use the process-view cache
are also timed with the cache emptied before every request ("uncached": what the first
reader after each ingest waits).

Data: ~40 countries with Zipf-like activity (RUS and UKR first), dyads drawn from it, dates
spread over 3 years, 20 PLOVER types in their quad classes, 3-17 events per document (one
sentence each), 60% located, one meeting and one position per 8 documents.

Run: python bench/bench_api.py --events 1000000 [--db sqlite|pg] [--url PATH_OR_URL] [--repeat 50]
     [--only TEXT] [--baseline]   (a subset of endpoints; the previous query forms, for before/after)
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
from typing import Any, Iterator

from peacetalks.records import ActorMention, DocumentResult, Event, Meeting, PlaceMention, Position, Span, stable_id

COUNTRIES = ["RUS", "UKR", "USA", "TUR", "DEU", "FRA", "GBR", "POL", "CHN", "BLR", "SAU", "QAT", "ARE", "HUN",
             "ITA", "ESP", "NLD", "BEL", "SWE", "FIN", "NOR", "EST", "LVA", "LTU", "ROU", "MDA", "GEO", "ARM",
             "AZE", "KAZ", "IRN", "ISR", "EGY", "IND", "JPN", "KOR", "BRA", "ZAF", "CHE", "AUT"]
WEIGHTS = [1.0 / (i + 1) ** 1.1 for i in range(len(COUNTRIES))]
SECTORS = ["GOV", "MIL", "GOV", "GOV", "CVL", "MED"]
TYPES = [("ASSAULT", "material_conflict", -9.0), ("COERCE", "material_conflict", -7.0),
         ("SANCTION", "material_conflict", -6.0), ("MOBILIZE", "material_conflict", -5.0),
         ("SEIZE", "material_conflict", -7.5), ("PROTEST", "verbal_conflict", -3.0),
         ("ACCUSE", "verbal_conflict", -2.0), ("THREATEN", "verbal_conflict", -4.0),
         ("REJECT", "verbal_conflict", -2.5), ("DEMAND", "verbal_conflict", -1.5),
         ("CONSULT", "verbal_cooperation", 1.0), ("AGREE", "verbal_cooperation", 3.0),
         ("SUPPORT", "verbal_cooperation", 2.0), ("COOPERATE", "verbal_cooperation", 3.5),
         ("REQUEST", "verbal_cooperation", 0.5), ("AID", "material_cooperation", 6.0),
         ("RETREAT", "material_cooperation", 5.0), ("CONCEDE", "material_cooperation", 4.0),
         ("ASSAULT", "material_conflict", -9.5), ("CONSULT", "verbal_cooperation", 1.5)]
PLACES = [("Lviv", 49.84, 24.02, "UKR"), ("Kharkiv", 49.98, 36.25, "UKR"), ("Odesa", 46.49, 30.74, "UKR"),
          ("Kyiv", 50.45, 30.52, "UKR"), ("Donetsk", 48.0, 37.8, "UKR"), ("Zaporizhzhia", 47.84, 35.14, "UKR"),
          ("Moscow", 55.75, 37.62, "RUS"), ("Belgorod", 50.6, 36.6, "RUS"), ("Kursk", 51.73, 36.19, "RUS"),
          ("Istanbul", 41.01, 28.95, "TUR"), ("Geneva", 46.2, 6.14, "CHE"), ("Riyadh", 24.71, 46.68, "SAU"),
          ("Doha", 25.29, 51.53, "QAT"), ("Warsaw", 52.23, 21.01, "POL"), ("Minsk", 53.9, 27.57, "BLR"),
          ("Berlin", 52.52, 13.4, "DEU"), ("Paris", 48.86, 2.35, "FRA"), ("London", 51.51, -0.13, "GBR")]
VERBS = {"material_conflict": "struck", "verbal_conflict": "accused", "verbal_cooperation": "met",
         "material_cooperation": "sent aid to"}
TOPICS = ["ceasefire", "prisoner exchange", "grain corridor", "security guarantees", "peace talks", "sanctions",
          "energy infrastructure", "drone attacks", "humanitarian corridor", "nuclear plant", "troop withdrawal"]
START = dt.date(2023, 1, 2)
DAYS = 3 * 365
BATCH_DOCS = 2000  # documents per transaction


def _country(rnd: random.Random, not_this: str = "") -> str:
    while True:
        c = rnd.choices(COUNTRIES, WEIGHTS)[0]
        if c != not_this:
            return c


def _mention(text: str, country: str, sector: str, at: int) -> ActorMention:
    label = f"{country} {sector.lower()} officials"
    start = text.index(label, at)
    known = f"{country.lower()}-government" if sector == "GOV" else None
    return ActorMention(label, start, start + len(label), actor_id=known, name=label if known else None,
                        country=country, sector=sector)


def _sentence(rnd: random.Random) -> tuple[str, dict[str, Any]]:
    a = _country(rnd)
    r = _country(rnd, a)
    kind = rnd.choice(TYPES)
    sa, sr = rnd.choice(SECTORS), rnd.choice(SECTORS)
    place = rnd.choice(PLACES) if rnd.random() < 0.6 else None
    where = f" near {place[0]}" if place else ""
    line = (f"{a} {sa.lower()} officials {VERBS[kind[1]]} {r} {sr.lower()} officials{where} "
            f"over the {rnd.choice(TOPICS)}, reports said. ")
    return line, {"a": (a, sa), "r": (r, sr), "kind": kind, "place": place}


def document(i: int, rnd: random.Random) -> tuple[dict[str, Any], list[Span], DocumentResult]:
    day = START + dt.timedelta(days=rnd.randrange(DAYS))
    n = rnd.randint(3, 17)
    parts, specs, sents, pos = [], [], [], 0
    for _ in range(n):
        line, spec = _sentence(rnd)
        parts.append(line)
        sents.append(Span(line.strip(), pos, pos + len(line) - 1))
        specs.append(spec)
        pos += len(line)
    text = "".join(parts)
    doc_id = f"bench-{i:07d}"
    events = [_event(doc_id, k, text, sp, spec, day, rnd) for k, (sp, spec) in enumerate(zip(sents, specs))]
    meetings, positions = [], []
    if i % 8 == 0:
        first = events[0]
        meetings.append(Meeting(id=stable_id(doc_id, "m"), level=rnd.choice(["leaders", "delegations", "ministers"]),
                                format="bilateral", status=rnd.choice(["proposed", "held", "postponed", "planned"]),
                                participants=[first.actors[0], first.recipients[0]], evidence=[sents[0]],
                                sentence=0, date=None))
        positions.append(Position(id=stable_id(doc_id, "p"), actor=first.actors[0],
                                  issue=rnd.choice(["ceasefire", "territory", "sanctions"]),
                                  stance=rnd.choice(["demand", "reject", "accept", "condition"]), statement="bench",
                                  evidence=sents[0], date=day.isoformat(), sentence=0))
    result = DocumentResult(id=doc_id, events=events, meetings=meetings, positions=positions)
    doc = {"id": doc_id, "text": text, "title": f"{specs[0]['a'][0]} and {specs[0]['r'][0]}: {rnd.choice(TOPICS)}",
           "published": day.isoformat(), "url": f"https://example.org/{doc_id}", "source": "Bench Wire",
           "lang": "en"}
    return doc, sents, result


def _event(doc_id: str, k: int, text: str, sp: Span, spec: dict[str, Any], day: dt.date,
           rnd: random.Random) -> Event:
    kind, quad, intensity = spec["kind"]
    verb = VERBS[quad]
    at = sp.start + sp.text.index(verb)
    trig = Span(verb, at, at + len(verb))
    loc = None
    if spec["place"]:
        name, lat, lon, country = spec["place"]
        p_at = sp.start + sp.text.index(name)
        loc = PlaceMention(name, p_at, p_at + len(name), name=name, lat=lat, lon=lon, country=country, feature="city")
    undated = rnd.random() < 0.02
    return Event(id=Event.make_id(doc_id, k, trig, kind), sentence=k, event_type=kind, quad=quad, cameo="000",
                 intensity=intensity, trigger=trig, evidence=sp,
                 actors=[_mention(text, *spec["a"], sp.start)],
                 recipients=[_mention(text, *spec["r"], sp.start + len(spec["a"][0]) + 5)],
                 location=loc, polarity="negated" if rnd.random() < 0.03 else "asserted",
                 date=None if undated else (day - dt.timedelta(days=k % 3)).isoformat(),
                 date_precision=None if undated else "day", coder="bench")


# ------------------------------------------------------------------ bulk load

def _batches(n_events: int, seed: int) -> Iterator[list[tuple[dict[str, Any], list[Span], DocumentResult]]]:
    rnd, made, i, batch = random.Random(seed), 0, 0, []
    while made < n_events:
        doc = document(i, rnd)
        made += len(doc[2].events)
        batch.append(doc)
        i += 1
        if len(batch) >= BATCH_DOCS:
            yield batch
            batch = []
    if batch:
        yield batch


def fill(store: Any, n_events: int, seed: int = 0) -> float:
    """Bulk insert through the store's row builders; aggregate and search index as on save."""
    from sqlalchemy import insert

    from peacetalks.store import aggregate, rows as R, schema as s

    began, done = time.perf_counter(), 0
    for batch in _batches(n_events, seed):
        tables: dict[Any, list[dict[str, Any]]] = {t: [] for t in (s.documents, *s.DOCUMENT_TABLES)}
        delta = aggregate.Delta()
        now = R.utc_now()
        for doc, sents, result in batch:
            row = {**R.document_row(doc, None, now), "run_id": None}
            tables[s.documents].append(row)
            rows = R.record_rows(doc["id"], row["published"], sents, result)
            for table, items in rows.items():
                tables[table].extend(items)
            aggregate.document_delta(rows[s.events], rows[s.event_actors], row["published"], into=delta)
        with store.engine.begin() as conn:
            for table in (s.documents, *s.DOCUMENT_TABLES):
                items = tables[table]
                for k in range(0, len(items), 5000):
                    conn.execute(insert(table), items[k:k + 5000])
            aggregate.apply(conn, delta)
        done += sum(len(d[2].events) for d in batch)
        print(f"\r  {done:,} events, {time.perf_counter() - began:.0f} s", end="", file=sys.stderr)
    print(file=sys.stderr)
    if store.engine.dialect.name == "postgresql":
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    else:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")
    return time.perf_counter() - began


# ------------------------------------------------------------------ timing

def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def endpoints() -> list[tuple[str, list[str], bool]]:
    """(label, paths rotated through, uses the process-view cache)."""
    windows = [("2023-03-01", "2023-04-15"), ("2024-01-01", "2024-02-29"), ("2025-06-01", "2025-07-31"),
               ("2023-09-01", "2023-12-31"), ("2025-10-01", "2025-12-31")]
    dyads = ["RUS-UKR", "UKR-USA", "RUS-TUR", "DEU-POL", "UKR-RUS"]
    filtered = [f"/api/events?dyad={d}&since={s}&until={u}" for d, (s, u) in zip(dyads, windows)]
    return [
        ("/api/events", ["/api/events"], False),
        ("/api/events?order=-date", ["/api/events?order=-date"], False),
        ("/api/events?dyad&since&until (5 combos)", filtered, False),
        ("/api/events?dyad=RUS-UKR&order=-date&offset=5000", ["/api/events?dyad=RUS-UKR&order=-date&offset=5000"], False),
        ("/api/events?country=TUR", ["/api/events?country=TUR"], False),
        ("/api/events?country=TUR&order=-date&offset=5000", ["/api/events?country=TUR&order=-date&offset=5000"], False),
        ("/api/events?country=AUT (1% of events)", ["/api/events?country=AUT"], False),
        ("/api/events?country=RUS,UKR&order=-date", ["/api/events?country=RUS,UKR&order=-date"], False),
        ("/api/processes/russia-ukraine", ["/api/processes/russia-ukraine"], True),
        ("/api/processes/russia-ukraine/indicators", ["/api/processes/russia-ukraine/indicators?dyad=RUS-UKR"], True),
        ("/api/processes/russia-ukraine/meetings", ["/api/processes/russia-ukraine/meetings"], True),
        ("/api/processes/russia-ukraine/positions", ["/api/processes/russia-ukraine/positions"], True),
        ("/api/processes/russia-ukraine/positions?history=5", ["/api/processes/russia-ukraine/positions?history=5"],
         True),
        ("/api/meetings", ["/api/meetings"], False),
        ("/api/positions", ["/api/positions"], False),
        ("/api/search (5 queries)", ["/api/search?q=ceasefire%20Kharkiv", "/api/search?q=grain%20corridor",
                                     "/api/search?q=nuclear%20plant%20Odesa", "/api/search?q=prisoner",
                                     "/api/search?q=Geneva%20security"], False),
        ("/api/timeline?dyad=RUS-UKR", ["/api/timeline?dyad=RUS-UKR"], True),
        ("/ (overview)", ["/"], True),
        ("/timeline", ["/timeline"], True),
        ("/map", ["/map"], True),
        ("/meetings", ["/meetings"], True),
        ("/positions", ["/positions"], True),
        ("/meetings?level=leaders&status=held (a cell, paged)", ["/meetings?level=leaders&status=held"], True),
        ("/positions?actor=RUS&issue=ceasefire (a thread, paged)", ["/positions?actor=RUS&issue=ceasefire"], True),
        ("/actors/rus-government", ["/actors/rus-government"], False),
        ("/search?q=ceasefire", ["/search?q=ceasefire"], False),
        ("/events?dyad=RUS-UKR", ["/events?dyad=RUS-UKR"], False),
    ]


def _get(client: Any, path: str) -> float:
    began = time.perf_counter()
    res = client.get(path)
    took = (time.perf_counter() - began) * 1000
    assert res.status_code == 200, (path, res.status_code, res.text[:300])
    return took


def machine(store: Any) -> str:
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), "?")
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    with store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            db = conn.exec_driver_sql("SHOW server_version").scalar()
            db = f"PostgreSQL {db}"
        else:
            db = f"SQLite {conn.exec_driver_sql('select sqlite_version()').scalar()}"
    return (f"{platform.platform()}, {cpu}, {os.cpu_count()} CPUs, {mem:.0f} GB RAM, Python "
            f"{platform.python_version()}, {db}; load average {_load()}")


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def baseline() -> None:
    """The previous forms, for before/after on the same store and machine: the country filter as
    IN over event_actors, /meetings and /positions rendering every card and history entry."""
    from peacetalks.store import party_filter
    from peacetalks.web import pages

    party_filter.FORCE = "in"
    pages.CELL_SHOWN = pages.HISTORY_SHOWN = 10 ** 9


def run(app: Any, repeat: int, only: str = "") -> None:
    from fastapi.testclient import TestClient

    from peacetalks.api import views

    print(f"{'endpoint':52} {'cold ms':>8} {'p50 ms':>8} {'p95 ms':>8} {'uncached p50':>13} {'p95':>8}")
    with TestClient(app) as client:
        for label, paths, uses_cache in endpoints():
            if only and not any(part in label for part in only.split("|")):
                continue
            cold = _get(client, paths[0])
            warm = [_get(client, paths[k % len(paths)]) for k in range(repeat)]
            line = f"{label:52} {cold:8.1f} {statistics.median(warm):8.1f} {percentile(warm, 0.95):8.1f}"
            if uses_cache:
                fresh = []
                for k in range(max(10, repeat // 5)):
                    views._cache.clear()  # as after an ingest: the view is rebuilt
                    fresh.append(_get(client, paths[k % len(paths)]))
                line += f" {statistics.median(fresh):13.1f} {percentile(fresh, 0.95):8.1f}"
            print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", nargs="?", type=int, help=argparse.SUPPRESS)  # the old positional form
    parser.add_argument("--events", type=int, default=100_000, help="synthetic events (default 100000)")
    parser.add_argument("--db", choices=("sqlite", "pg"), default="sqlite")
    parser.add_argument("--url", help="SQLite file (filled when empty) or PostgreSQL URL; default: a temporary "
                                      "SQLite file, or $PEACETALKS_PG_URL for pg")
    parser.add_argument("--repeat", type=int, default=50, help="timed warm requests per endpoint (default 50)")
    parser.add_argument("--fill-only", action="store_true", help="fill the store and stop (time it later)")
    parser.add_argument("--only", default="", help="time only the endpoints whose label contains one of these texts (A|B)")
    parser.add_argument("--baseline", action="store_true",
                        help="time the previous forms (country filter as IN, unbounded /meetings and /positions)")
    args = parser.parse_args()
    n_events = args.n or args.events
    from peacetalks.api import create_app

    url = args.url
    if url is None:
        url = (os.environ.get("PEACETALKS_PG_URL") if args.db == "pg"
               else os.path.join(tempfile.mkdtemp(prefix="pt-bench-"), "bench.db"))
    if not url:
        raise SystemExit("--db pg needs --url postgresql://... (or $PEACETALKS_PG_URL)")
    app = create_app(url)
    store = app.state.store
    if store.stats()["counts"]["events"] == 0:
        print(f"filling {store.url} with {n_events:,} events ...", file=sys.stderr)
        print(f"fill: {fill(store, n_events):.0f} s", file=sys.stderr)
    if args.fill_only:
        store.close()
        return
    counts = store.stats()["counts"]
    print(f"# bench_api: {counts['events']:,} events, {counts['documents']:,} documents, {counts['meetings']:,} "
          f"meetings, {counts['positions']:,} positions in {store.engine.dialect.name}; repeat {args.repeat}")
    print(f"# machine: {machine(store)}")
    if args.baseline:
        baseline()
        print("# baseline: country filter as IN, /meetings and /positions unbounded")
    run(app, args.repeat, args.only)
    print(f"# load average at the end: {_load()}")
    store.close()


if __name__ == "__main__":
    main()
