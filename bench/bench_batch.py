"""`peacetalks batch` on a LocalCluster of N workers against `peacetalks code --workers N`.

    python bench/bench_batch.py [--workers 2] [--limit N] [--shard-size 50] [--repeat 1]

Both run in fresh processes on the same JSON Lines file and are timed end to end,
start-up included: ``python -m peacetalks code FILE --workers N > /dev/null`` and
``peacetalks.batch.run_batch(FILE, OUT, workers=N)`` (a LocalCluster of N processes with
one thread each, Parquet shards written to a temporary folder). The script checks that
both give the same event ids (a warning if not) and prints the time ratio (target: batch within 15%).
Texts: as bench_code.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_code import load_documents, machine  # noqa: E402

BATCH = ("from peacetalks.batch import run_batch; import sys; "
         "run_batch([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), shard_size=int(sys.argv[4]))")


def _timed(cmd: list[str], stdout=subprocess.DEVNULL) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=stdout, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0


def _code_events(path: Path, workers: int, tmp: Path) -> tuple[float, set[str]]:
    out = tmp / "code.jsonl"
    with open(out, "w", encoding="utf-8") as fh:
        seconds = _timed([sys.executable, "-m", "peacetalks", "code", str(path), "--workers", str(workers)], fh)
    ids = {e["id"] for line in out.read_text(encoding="utf-8").splitlines() for e in json.loads(line)["events"]}
    return seconds, ids


def _batch_events(path: Path, workers: int, shard_size: int, out: Path) -> tuple[float, set[str]]:
    import pyarrow.parquet as pq

    seconds = _timed([sys.executable, "-c", BATCH, str(path), str(out), str(workers), str(shard_size)])
    return seconds, set(pq.read_table(out / "events", columns=["id"]).column("id").to_pylist())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--shard-size", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args(argv)
    source, docs = load_documents(args.limit)
    m = machine()
    print(f"texts: {source} ({len(docs)} docs, {sum(len(d['text'].split()) for d in docs)} words)")
    print(f"machine: {m['platform']}, {m['cpu_count']} CPUs, Python {m['python']}, spaCy {m['spacy']}, "
          f"{m['model']}, peacetalks {m['peacetalks']}; workers={args.workers} shard-size={args.shard_size}")
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        path = tmp / "docs.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        code_s, batch_s = [], []
        for r in range(args.repeat):  # interleaved, so background load falls on both alike
            seconds, code_ids = _code_events(path, args.workers, tmp)
            code_s.append(seconds)
            seconds, batch_ids = _batch_events(path, args.workers, args.shard_size, tmp / f"out{r}")
            batch_s.append(seconds)
            if batch_ids != code_ids:  # only when the source changed between the two runs
                print(f"WARNING: events differ: {len(code_ids - batch_ids)} only in code, "
                      f"{len(batch_ids - code_ids)} only in batch")
    best_code, best_batch = min(code_s), min(batch_s)
    print(f"code --workers {args.workers}: {best_code:.1f} s ({len(docs) / best_code:.2f} docs/s)  runs {code_s}")
    print(f"batch LocalCluster({args.workers}): {best_batch:.1f} s ({len(docs) / best_batch:.2f} docs/s)  runs {batch_s}")
    same = "the same" if batch_ids == code_ids else "DIFFERENT"
    print(f"batch/code time ratio: {best_batch / best_code:.3f} (target <= 1.15); {same} event ids "
          f"({len(code_ids)} from code)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
