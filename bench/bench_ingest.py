"""Ingest throughput (docs/s) and peak memory into SQLite and PostgreSQL.

    python bench/bench_ingest.py [--workers 2] [--limit N] [--pg-url postgresql://...]

Each database runs ``peacetalks.runner.run_ingest`` (what ``peacetalks ingest`` does:
read, normalise, code with N worker processes, one transaction per document) in a fresh
Python process, on a fresh database: a temporary SQLite file, and a fresh PostgreSQL
database created on the server of ``--pg-url`` (or $PEACETALKS_PG_URL; skipped when
neither is set). Start a throwaway server with ``scripts/pg.sh start``. Texts: as
bench_code.py (the Ukrainian addresses corpus when ../shared exists). Timed: the whole
run, pool start-up and model loading included.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_code import load_documents, machine  # noqa: E402


def _child(url: str, path: str, workers: int) -> dict[str, Any]:
    from peacetalks.runner import run_ingest
    from peacetalks.store import Store

    with Store.open(url) as store, open(os.devnull, "w") as sink:
        t0 = time.perf_counter()
        summary = run_ingest([path], store, workers=workers, errors_to=sink)
        seconds = time.perf_counter() - t0
    return {"stored": summary.stored, "failed": summary.failed, "seconds": round(seconds, 2),
            "self_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "largest_child_mb": round(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)}


def _fresh_pg(base: str) -> str:
    import psycopg

    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{base.rpartition('/')[0]}/{name}"


def _run(url: str, path: str, workers: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", url, "--input", path, "--workers", str(workers)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--pg-url", default=os.environ.get("PEACETALKS_PG_URL"))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--input", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(_child(args.child, args.input, args.workers)))
        return 0
    source, docs = load_documents(args.limit)
    m = machine()
    print(f"texts: {source} ({len(docs)} docs, {sum(len(d['text'].split()) for d in docs)} words)")
    print(f"machine: {m['platform']}, {m['cpu_count']} CPUs, Python {m['python']}, spaCy {m['spacy']}, "
          f"{m['model']}, peacetalks {m['peacetalks']}; workers={args.workers}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        targets = [("sqlite", f"sqlite:///{Path(tmp) / 'bench.db'}")]
        if args.pg_url:
            targets.append(("postgresql", _fresh_pg(args.pg_url)))
        for name, url in targets:
            r = _run(url, str(path), args.workers)
            print(f"{name:<11} stored {r['stored']:>5}  {r['seconds']:>8.1f} s  {r['stored'] / r['seconds']:>6.2f} docs/s"
                  f"  peak RSS MB {r['self_mb']} (parent) / {r['largest_child_mb']} (largest worker)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
