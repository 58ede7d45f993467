"""Throughput of `peacetalks code` against the bare spaCy model on the same texts.

    python bench/bench_code.py [--workers N] [--limit DOCS] [--repeat R] [--json OUT]

Three measurements, each run in a fresh Python process (so peak memory is its own),
interleaved spacy, parse, pipeline, spacy, ... so that load from other processes falls
on every mode alike:

* ``spacy``: the bare model, ``spacy.load(MODEL_NAME)`` and ``nlp.pipe(texts, n_process=N)``;
* ``spacy-split``: the bare model in N forked processes, each piping 1/N of the texts and
  returning only a count: the model's throughput ceiling with N processes;
* ``parse``: the pipeline with no stages (``code_documents(docs, stages=())``): our model
  set-up and one-document-at-a-time parsing, plus records and JSON (one worker only);
* ``pipeline``: the pure pipeline as ``peacetalks code`` runs it, including the JSON
  serialisation of every output line: ``peacetalks.parallel.code_stream`` with N workers.

Model loading and one warm-up document are outside the timed region; each mode is timed
``--repeat`` times and the best run is reported (the median too). The ratio is pipeline
words/s divided by spaCy words/s: 1.0 means no overhead, the project's budget is >= 0.80.

Texts: ``../shared/corpus/ukraine_addresses_2022.jsonl`` when present (real news text),
else the bundled sample corpus ``src/peacetalks/data/sample/articles.jsonl``, else
generated sentences (so the script runs on any clone).
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterable

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "src" / "peacetalks" / "data" / "sample" / "articles.jsonl"
MODES = ("spacy", "spacy-split", "parse", "pipeline")


# --- the texts ------------------------------------------------------------------------

def _shared_corpus() -> Path | None:
    from peacetalks.evaluation import shared_dir

    base = shared_dir()
    path = base / "corpus" / "ukraine_addresses_2022.jsonl" if base else None
    return path if path is not None and path.exists() else None


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    return [r for r in rows if isinstance(r.get("text"), str) and r["text"].strip()]


def _generated(n: int = 200) -> list[dict[str, Any]]:
    """Deterministic news-like paragraphs, for clones without any corpus."""
    rng = random.Random(7)
    actors = ["Russia", "Ukraine", "Foreign Minister Lavrov", "President Zelensky", "NATO",
              "the European Union", "Turkish mediators", "the Kremlin", "US envoys"]
    verbs = ["met", "accused", "rejected proposals from", "called on", "agreed with",
             "threatened", "imposed sanctions on", "negotiated with", "criticised"]
    places = ["Istanbul", "Geneva", "Kyiv", "Moscow", "Lviv", "Riyadh", "Brussels"]
    whens = ["on Monday", "last week", "yesterday", "in March", "on 18 February", ""]
    docs = []
    for i in range(n):
        sents = [f"{rng.choice(actors)} {rng.choice(verbs)} {rng.choice(actors)} in "
                 f"{rng.choice(places)} {rng.choice(whens)}.".replace(" .", ".")
                 for _ in range(rng.randint(3, 25))]
        docs.append({"id": f"gen-{i}", "text": " ".join(sents), "published": "2025-08-10"})
    return docs


def load_documents(limit: int | None) -> tuple[str, list[dict[str, Any]]]:
    """(where the texts came from, the documents), the first ``limit`` of them."""
    corpus = _shared_corpus()
    if corpus is not None:
        source, docs = str(corpus), _read_jsonl(corpus)
    elif SAMPLE.exists():
        source, docs = str(SAMPLE), _read_jsonl(SAMPLE)
    else:
        source, docs = "generated", _generated()
    return source, docs[:limit] if limit else docs


# --- one timed mode (run in a child process) --------------------------------------------

def _peak_rss_mb() -> dict[str, float]:
    # ru_maxrss is in KiB on Linux (bytes on macOS); children's is the largest child.
    scale = 1 / 1024 / 1024 if sys.platform == "darwin" else 1 / 1024
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale
    return {"self_mb": round(own, 1), "largest_child_mb": round(kids, 1)}


@functools.lru_cache(maxsize=1)
def _bare_model() -> Any:
    import spacy

    from peacetalks.nlp import MODEL_NAME

    return spacy.load(MODEL_NAME)


def _run_spacy(docs: list[dict[str, Any]], workers: int, batch_size: int) -> int:
    texts = [d["text"] for d in docs]
    return sum(1 for _ in _bare_model().pipe(texts, n_process=workers, batch_size=batch_size))


def _spacy_slice(args: tuple[list[str], int]) -> int:
    texts, batch_size = args
    return sum(1 for _ in _bare_model().pipe(texts, batch_size=batch_size))


def _run_spacy_split(docs: list[dict[str, Any]], workers: int, batch_size: int) -> int:
    """The model's own ceiling with N processes: each process parses 1/N of the texts
    (round robin) and returns a count, so no Doc is shipped back (nlp.pipe(n_process=N)
    pickles every Doc to the parent, which costs it ~15% with 2 processes)."""
    import multiprocessing as mp

    texts = [d["text"] for d in docs]
    if workers <= 1:
        return _spacy_slice((texts, batch_size))
    _bare_model()  # loaded before the fork: every process starts with it
    with mp.get_context("fork").Pool(workers) as pool:
        return sum(pool.map(_spacy_slice, [(texts[i::workers], batch_size) for i in range(workers)]))


class _Null:
    def write(self, _text: str) -> None:
        pass

    def flush(self) -> None:
        pass


def _run_pipeline(docs: list[dict[str, Any]], workers: int, stages: tuple[str, ...] | None = None) -> int:
    """``peacetalks code`` minus reading the file: ``code_stream`` (batches of documents,
    one nlp.pipe call per batch, stages, JSON) with ``workers`` processes."""
    from peacetalks.parallel import code_stream
    from peacetalks.pipeline import InputDocument, code_documents

    if stages is not None:  # "parse": the batched parse with no stages, records and JSON
        results = code_documents((InputDocument.from_dict(d) for d in docs), stages)
        return sum(1 for r in results if json.dumps(r.to_dict(), ensure_ascii=False))
    items = [(i + 1, d, None) for i, d in enumerate(docs)]
    failed = code_stream(items, "bench", workers=workers, out=_Null())  # type: ignore[arg-type]
    return len(docs) - failed


def _run(mode: str, docs: list[dict[str, Any]], workers: int, batch_size: int) -> int:
    if mode == "spacy":
        return _run_spacy(docs, workers, batch_size)
    if mode == "spacy-split":
        return _run_spacy_split(docs, workers, batch_size)
    return _run_pipeline(docs, workers, () if mode == "parse" else None)


def run_mode(mode: str, docs: list[dict[str, Any]], workers: int, repeat: int, batch_size: int) -> dict[str, Any]:
    """Time ``mode`` ``repeat`` times in this process (the child side)."""
    _run(mode, docs[:1], 1, batch_size)  # warm-up: model load, lazy imports, data tables
    seconds, cpu = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), _cpu_s()
        n = _run(mode, docs, workers, batch_size)
        seconds.append(time.perf_counter() - t0)
        cpu.append(_cpu_s() - c0)
        assert n == len(docs), f"{mode}: {n} results for {len(docs)} documents"
    return {"mode": mode, "seconds": seconds, "cpu_s": cpu, "peak_rss": _peak_rss_mb()}


def _cpu_s() -> float:
    """CPU seconds of this process and its finished children (user + system). Unlike wall
    time it does not depend on what else runs on the machine: the fair figure on a shared one."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def summarise(mode: str, docs: list[dict[str, Any]], workers: int, runs: list[dict[str, Any]]) -> dict[str, Any]:
    seconds = [s for r in runs for s in r["seconds"]]
    words = sum(len(d["text"].split()) for d in docs)
    best = min(seconds)
    return {
        "mode": mode, "workers": workers, "docs": len(docs), "words": words,
        "chars": sum(len(d["text"]) for d in docs), "seconds": [round(s, 3) for s in seconds],
        "best_s": round(best, 3), "median_s": round(statistics.median(seconds), 3),
        "words_per_s": round(words / best, 1), "docs_per_s": round(len(docs) / best, 2),
        "peak_rss": {k: max(r["peak_rss"][k] for r in runs) for k in runs[0]["peak_rss"]},
        "cpu_s": round(min(c for r in runs for c in r["cpu_s"]), 2),
        "words_per_cpu_s": round(words / min(c for r in runs for c in r["cpu_s"]), 1),
    }


# --- the parent: machine, both modes, the report ----------------------------------------

def machine() -> dict[str, Any]:
    import spacy

    from peacetalks import __version__
    from peacetalks.nlp import MODEL_NAME

    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        usable = os.cpu_count()
    try:
        model_version = spacy.util.get_package_version(MODEL_NAME)
    except Exception:  # a model installed from a path has no package version
        model_version = None
    return {
        "platform": platform.platform(), "processor": platform.processor() or platform.machine(),
        "cpu_count": os.cpu_count(), "cpus_usable": usable,
        "python": platform.python_version(), "spacy": spacy.__version__,
        "model": f"{MODEL_NAME} {model_version or '?'}", "peacetalks": __version__,
    }


def _child(mode: str, args: argparse.Namespace) -> dict[str, Any]:
    """One timed run of ``mode`` in a fresh interpreter."""
    cmd = [sys.executable, __file__, "--child", mode, "--workers", str(args.workers),
           "--repeat", "1", "--batch-size", str(args.batch_size)]
    if args.limit:
        cmd += ["--limit", str(args.limit)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def report(result: dict[str, Any]) -> str:
    m, rows = result["machine"], result["modes"]
    lines = [
        f"texts: {result['source']} ({rows['spacy']['docs']} docs, {rows['spacy']['words']} words)",
        f"machine: {m['platform']}, {m['cpu_count']} CPUs ({m['cpus_usable']} usable), "
        f"Python {m['python']}, spaCy {m['spacy']}, {m['model']}, peacetalks {m['peacetalks']}",
        f"workers={result['workers']} repeat={result['repeat']} (best run; median in brackets)",
        f"{'mode':<12}{'words/s':>12}{'docs/s':>10}{'best s':>9}{'median s':>10}{'CPU s':>8}{'peak RSS MB (self / largest child)':>38}",
    ]
    for name in MODES:
        if name not in rows:
            continue
        r = rows[name]
        rss = r["peak_rss"]
        lines.append(f"{name:<12}{r['words_per_s']:>12,.0f}{r['docs_per_s']:>10.2f}{r['best_s']:>9.2f}"
                     f"{r['median_s']:>10.2f}{r['cpu_s']:>8.1f}{rss['self_mb']:>24.0f} / {rss['largest_child_mb']:.0f}")
    if "parse" in rows:
        lines.append(f"ratio parse/spacy (words/s): {rows['parse']['words_per_s'] / rows['spacy']['words_per_s']:.3f}"
                     "  (no stages: model set-up, per-document parsing, records, JSON)")
    lines.append(f"ratio pipeline/spacy (words/s): {result['ratio']:.3f}  (spaCy's own n_process)")
    lines.append(f"ratio pipeline/spacy-split (words/s): {result['ratio_split']:.3f}  "
                 "(the model's ceiling: N processes, no Doc shipped back; target >= 0.85)")
    lines.append(f"ratio pipeline/spacy-split (words per CPU second): {result['ratio_cpu']:.3f}  "
                 "(independent of other load on the machine)")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=1, help="processes for both modes (default 1)")
    parser.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per mode; the best counts")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (spaCy mode)")
    parser.add_argument("--json", type=Path, default=None, help="also write the full result here")
    parser.add_argument("--child", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    source, docs = load_documents(args.limit)
    if not docs:
        parser.error("no documents to benchmark")
    if args.child:
        print(json.dumps(run_mode(args.child, docs, args.workers, args.repeat, args.batch_size)))
        return 0
    # "parse" has no multi-process form (code_stream always runs every stage).
    names = [m for m in MODES if m != "parse" or args.workers <= 1]
    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in names}
    for _ in range(args.repeat):
        for name in names:
            runs[name].append(_child(name, args))
    modes = {m: summarise(m, docs, args.workers, runs[m]) for m in names}
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "source": source,
        "workers": args.workers, "repeat": args.repeat, "machine": machine(), "modes": modes,
        "ratio": round(modes["pipeline"]["words_per_s"] / modes["spacy"]["words_per_s"], 3),
        "ratio_split": round(modes["pipeline"]["words_per_s"] / modes["spacy-split"]["words_per_s"], 3),
        "ratio_cpu": round(modes["pipeline"]["words_per_cpu_s"] / modes["spacy-split"]["words_per_cpu_s"], 3),
    }
    print(report(result))
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
