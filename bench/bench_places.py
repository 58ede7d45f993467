"""Benchmark: geocode 100 articles and compare with the bare spaCy parse.

Uses GeoWebNews texts from ../shared when present, else generated news-like text.
Run: /work/venv/bin/python bench/bench_places.py [N]
"""

from __future__ import annotations

import os
import platform
import random
import sys
import time

from peacetalks.evaluation import gold_path, read_jsonl
from peacetalks.nlp import load_model, parse
from peacetalks.places import places_in
from peacetalks.places.gazetteer import get_gazetteer

_SUBJECTS = ["Moscow", "Kyiv", "Washington", "The Kremlin", "Officials in Kharkiv", "Ankara", "Beijing"]
_VERBS = ["said", "rejected", "welcomed", "warned about", "criticised", "announced"]
_OBJECTS = ["talks in Istanbul", "strikes on Lviv and Zakarpattia", "a summit in Geneva",
            "sanctions on Russia", "a meeting in Riyadh", "shelling near Donetsk", "aid for Odesa"]


REPEATS = 3


def texts(n: int) -> tuple[str, list[str]]:
    path = gold_path("geo_gwn.jsonl")
    if path is not None:
        docs = [d["text"] for d in read_jsonl(path)]
        return "GeoWebNews", [docs[i % len(docs)] for i in range(n)]
    rnd = random.Random(0)
    make = lambda: " ".join(  # noqa: E731
        f"{rnd.choice(_SUBJECTS)} {rnd.choice(_VERBS)} {rnd.choice(_OBJECTS)}." for _ in range(25))
    return "generated", [make() for _ in range(n)]


def main(n: int = 100) -> None:
    source, docs = texts(n)
    nlp = load_model()
    parse("warm up")
    t0 = time.perf_counter()
    get_gazetteer()
    t_gaz = time.perf_counter() - t0

    t0 = time.perf_counter()
    parsed = [parse(t, nlp) for t in docs]
    t_parse = time.perf_counter() - t0
    # The places stage is short next to the parse: best of REPEATS passes, CPU time of this
    # process, so that other jobs on a shared machine disturb it less.
    runs = []
    for _ in range(REPEATS):
        t0 = time.process_time()
        count = sum(len(places_in(d)) for d in parsed)
        runs.append(time.process_time() - t0)
    t_places = min(runs)

    chars = sum(len(t) for t in docs)
    print(f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs, Python {platform.python_version()}")
    print(f"texts: {n} from {source}, {chars / n:.0f} characters on average")
    print(f"gazetteer load (first use in this process): {t_gaz:.2f} s")
    print(f"spaCy parse:        {1000 * t_parse / n:7.1f} ms/article")
    print(f"places stage only:  {1000 * t_places / n:7.1f} ms/article, CPU, best of {REPEATS} "
          f"({100 * t_places / t_parse:.1f}% of the parse), {count / n:.1f} places/article")
    print(f"parse + places:     {1000 * (t_parse + t_places) / n:7.1f} ms/article")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
