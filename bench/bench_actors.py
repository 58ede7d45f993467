"""Benchmark ``peacetalks.actors.resolve``: 1,000 actor strings, time per string, machine info.

Run: /work/venv/bin/python bench/bench_actors.py [N] [--corpus FILE.jsonl [--docs 100]]
The strings are built from our own templates (titles, nationalities, names, sector nouns),
so the benchmark needs nothing outside the repository. With ``--corpus`` it also times the
pipeline's actors stage (``actor_mentions``) over the first documents of a JSON Lines file,
parsed with spaCy beforehand (the parse is not timed): the first pass includes the one-time
loads (city table), the second is warm. A last line times names written in another spelling
(``respelt``: hyphens dropped, doubled letters single, final -y as -i), which ``resolve`` finds
through the spelling-skeleton index when no exact phrase matches. The knowledge base is timed twice:
built from its YAML tables, and read back from the user cache as every process after the first does.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import re
import time

from peacetalks.actors import kb as kb_module
from peacetalks.actors import resolve
from peacetalks.actors.kb import build, get_kb

TEMPLATES = [
    "{nat} {title}", "the {nat} {noun}", "{name}", "{surname}", "{country}'s {title}", "former {nat} {title}",
    "{nat} {title} {name}", "{count} {nat} {noun}", "{noun}", "the {metonym}",
]
NATS = ["Russian", "Ukrainian", "American", "British", "French", "German", "Chinese", "Indian", "Turkish", "Polish",
        "Saudi", "Qatari", "Hungarian", "Belarusian", "Canadian", "Japanese", "Pakistani", "Somali", "Mexican"]
TITLES = ["president", "foreign minister", "defence minister", "prime minister", "envoy", "spokesman",
          "national security adviser", "negotiator", "ambassador", "army chief"]
NOUNS = ["troops", "negotiators", "officials", "protesters", "rebels", "police", "lawmakers", "journalists",
         "central bank", "soldiers", "diplomats", "farmers", "refugees"]
COUNTRIES = ["Russia", "Ukraine", "France", "Germany", "Turkey", "China", "India", "Qatar", "Hungary", "Japan"]
METONYMS = ["Kremlin", "White House", "Pentagon", "Elysee", "Bankova", "Downing Street"]


def strings(n: int, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    kb = get_kb()
    people = [e for e in kb.entries.values() if e.kind == "person"]
    dates = ["2015-06-01", "2019-04-01", "2022-04-01", "2025-06-01", "2026-01-15"]
    out = []
    for template in itertools.islice(itertools.cycle(TEMPLATES), n):
        person = rng.choice(people)
        text = template.format(
            nat=rng.choice(NATS), title=rng.choice(TITLES), noun=rng.choice(NOUNS), name=person.name,
            surname=person.surname or person.name, country=rng.choice(COUNTRIES), count=rng.choice(["two", "four", "20"]),
            metonym=rng.choice(METONYMS))
        out.append((text, rng.choice(dates)))
    return out


def respelt(n: int, seed: int = 11) -> list[str]:
    """Person names of two words or more written another way: "Ho-jen" -> "Hojen", "Hassan" ->
    "Hasan", "Zelenskyy" -> "Zelenski" (some come out unchanged: those are exact)."""
    rng = random.Random(seed)
    people = [e.name for e in get_kb().entries.values() if e.kind == "person" and " " in e.name]
    out = []
    for name in rng.sample(people, min(n, len(people))):
        name = re.sub(r"(\w)\1", r"\1", name.replace("-", "").lower()).title()
        out.append(re.sub(r"y\b", "i", name))
    return out


def bench_stage(path: str, n_docs: int) -> None:
    from peacetalks.actors import actor_mentions
    from peacetalks.nlp.dates import parse_published
    from peacetalks.nlp.model import load_model, parse

    with open(path, encoding="utf-8") as fh:
        docs = [json.loads(line) for line, _ in zip(fh, range(n_docs))]
    nlp = load_model()
    parsed = [(d["text"], parse(d["text"], nlp), parse_published(d.get("published"))) for d in docs]
    words = sum(len(doc) for _, doc, _ in parsed)
    for label in ("first pass", "second pass"):
        t0 = time.perf_counter()
        found = sum(len(actor_mentions(text, doc, when)) for text, doc, when in parsed)
        elapsed = time.perf_counter() - t0
        print(f"actors stage, {label}: {len(parsed)} docs ({words} tokens) in {elapsed:.3f}s, "
              f"{elapsed / len(parsed) * 1e3:.2f} ms per doc, {found} mentions")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=1000)
    ap.add_argument("--corpus", help="JSON Lines documents for the stage benchmark")
    ap.add_argument("--docs", type=int, default=100)
    args = ap.parse_args()
    n = args.n
    t0 = time.perf_counter()
    build()
    built = time.perf_counter() - t0
    get_kb()  # the first run on a machine also writes the user cache
    kb_module._cached.cache_clear()
    t0 = time.perf_counter()
    get_kb()  # as every later process: read back from the cache
    load = time.perf_counter() - t0
    items = strings(n)
    resolve("warm-up soldiers")
    t0 = time.perf_counter()
    resolved = sum(1 for text, date in items if resolve(text, date).country or resolve(text, date).sector)
    elapsed = (time.perf_counter() - t0) / 2  # each string resolved twice above
    print(f"python {platform.python_version()} on {platform.platform()}; {platform.processor() or platform.machine()}, "
          f"{os.cpu_count()} CPUs")
    print(f"knowledge base: {len(get_kb().entries)} entries, {len(get_kb().phrases)} phrases, built from YAML in "
          f"{built:.2f}s, loaded from the user cache in {load:.2f}s")
    print(f"resolved {n} strings in {elapsed:.3f}s: {elapsed / n * 1e6:.1f} µs per string "
          f"({resolved} with a country or sector)")
    names = respelt(n)
    t0 = time.perf_counter()
    resolve("Xqzy Blorfsky", "2022-04-01")  # the first name no exact phrase reads builds the spelling index
    first = time.perf_counter() - t0
    t0 = time.perf_counter()
    named = sum(1 for name in names if resolve(name, "2022-04-01").actor_id)
    elapsed = time.perf_counter() - t0
    print(f"respelt names: first in {first:.3f}s (builds the spelling index), then {len(names)} in {elapsed:.3f}s: "
          f"{elapsed / len(names) * 1e6:.1f} µs per name ({named} named)")
    if args.corpus:
        bench_stage(args.corpus, args.docs)


if __name__ == "__main__":
    main()
