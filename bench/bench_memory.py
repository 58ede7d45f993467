"""Peak memory of `peacetalks code --workers N` over a long stream of articles.

    python bench/bench_memory.py [--docs 10000] [--workers 2] [--every 1000]

The documents come from a generator (never a list), so only the pipeline's own window
of in-flight batches is in memory: real news paragraphs (``../shared/corpus/
ukraine_addresses_2022.jsonl``, else the bundled sample), three at a time, each article
a different slice. A thread samples the RSS of this process and of every worker process
(psutil) every 0.5 s; the script prints the peak so far after every ``--every`` documents
and the overall peak. Flat memory: the figures stop growing after the first thousand.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterator

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_code import load_documents, machine  # noqa: E402


class RssSampler(threading.Thread):
    """Peak RSS (MB) of this process, of its largest child and of the whole tree."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.me = psutil.Process()
        self.peak = {"parent": 0.0, "largest_worker": 0.0, "total": 0.0}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.5):
            self.sample()

    def sample(self) -> None:
        try:
            own = self.me.memory_info().rss / 2**20
            kids = [c.memory_info().rss / 2**20 for c in self.me.children(recursive=True)]
        except psutil.Error:  # a worker ended between listing and reading
            return
        for key, value in (("parent", own), ("largest_worker", max(kids, default=0.0)),
                           ("total", own + sum(kids))):
            self.peak[key] = max(self.peak[key], value)


def articles(n: int) -> Iterator[tuple[int, dict[str, Any], None]]:
    """``n`` input items of 3 consecutive paragraphs each, cycling over the corpus."""
    _, docs = load_documents(None)
    paragraphs = [p for d in docs for p in d["text"].split("\n") if len(p.split()) > 10]
    for i in range(n):
        start = (i * 7) % max(1, len(paragraphs) - 3)
        text = "\n".join(paragraphs[start:start + 3])
        yield i + 1, {"id": f"mem-{i}", "text": text, "published": "2022-06-01"}, None


class _Counter:
    """An output stream that only counts lines and reports memory every ``every`` lines."""

    def __init__(self, sampler: RssSampler, every: int, started: float) -> None:
        self.sampler, self.every, self.started, self.lines = sampler, every, started, 0

    def write(self, text: str) -> None:
        self.lines += text.count("\n")
        if self.lines % self.every == 0:
            self.sampler.sample()
            p = self.sampler.peak
            print(f"{self.lines:>7} docs {time.perf_counter() - self.started:8.1f} s   peak RSS MB: "
                  f"parent {p['parent']:.0f}, largest worker {p['largest_worker']:.0f}, all {p['total']:.0f}",
                  flush=True)

    def flush(self) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--every", type=int, default=1000)
    args = parser.parse_args(argv)
    from peacetalks.parallel import code_stream

    m = machine()
    print(f"machine: {m['platform']}, {m['cpu_count']} CPUs, Python {m['python']}, spaCy {m['spacy']}, "
          f"{m['model']}, peacetalks {m['peacetalks']}")
    print(f"code_stream over a generator of {args.docs} articles, workers={args.workers}")
    sampler = RssSampler()
    sampler.start()
    started = time.perf_counter()
    out = _Counter(sampler, args.every, started)
    failed = code_stream(articles(args.docs), "bench", workers=args.workers, out=out)  # type: ignore[arg-type]
    sampler.stop.set()
    seconds = time.perf_counter() - started
    p = sampler.peak
    print(f"done: {out.lines} docs ({failed} failed) in {seconds:.1f} s = {out.lines / seconds:.1f} docs/s; "
          f"peak RSS MB: parent {p['parent']:.0f}, largest worker {p['largest_worker']:.0f}, "
          f"parent + workers {p['total']:.0f} (target < 1536)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
