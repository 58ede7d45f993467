"""`peacetalks batch` on Dask and `peacetalks load`: same events as `code`, resumable, robust
to a worker dying mid-shard."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

pytest.importorskip("distributed")  # the optional `dask` extra

from peacetalks.batch import complete_shards, plan_shards, run_batch
from peacetalks.cli_batch import register
from peacetalks.store import Store

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "peacetalks" / "data" / "sample" / "articles.jsonl"
N_DOCS = 12


def _app() -> typer.Typer:
    app = typer.Typer()
    app.callback()(lambda: None)
    register(app)
    return app


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("in") / "docs.jsonl"
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()[:N_DOCS]
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def code_events(corpus: Path) -> dict[str, list[str]]:
    """Event ids per document as `peacetalks code` gives them."""
    proc = subprocess.run([sys.executable, "-m", "peacetalks", "code", str(corpus)],
                          capture_output=True, text=True, check=True)
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    return {r["id"]: sorted(e["id"] for e in r["events"]) for r in records}


@pytest.fixture(scope="module")
def cluster():
    """One running Dask cluster for the module (as `--scheduler` users have)."""
    from dask.distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as running:
        yield running


def _batch_events(out: Path) -> dict[str, list[str]]:
    docs = pq.read_table(out / "documents").to_pylist()
    events = pq.read_table(out / "events", columns=["doc_id", "id"]).to_pylist()
    found: dict[str, list[str]] = {d["id"]: [] for d in docs}
    for e in events:
        found[e["doc_id"]].append(e["id"])
    return {k: sorted(v) for k, v in found.items()}


@pytest.fixture(scope="module")
def batch_out(corpus, cluster, tmp_path_factory) -> tuple[Path, list[str], dict]:
    """`peacetalks batch` on the running cluster: (output folder, its arguments, summary)."""
    out = tmp_path_factory.mktemp("batch") / "out"
    args = ["batch", str(corpus), "--out", str(out), "--shard-size", "4", "--scheduler", cluster.scheduler_address]
    result = CliRunner().invoke(_app(), args)
    assert result.exit_code == 0, result.output
    return out, args, json.loads(result.stdout.strip().splitlines()[-1])


def test_batch_gives_the_events_of_code_then_resumes(batch_out, code_events):
    out, args, summary = batch_out
    assert (summary["shards"], summary["done"], summary["documents"]) == (3, 3, N_DOCS)
    assert _batch_events(out) == code_events
    assert sum(map(len, code_events.values())) > 0
    again = CliRunner().invoke(_app(), args)
    assert json.loads(again.stdout.strip().splitlines()[-1])["skipped"] == 3  # a rerun resumes


def _load_twice(out: Path, db: str, code_events: dict[str, list[str]]) -> None:
    runner = CliRunner()
    first = runner.invoke(_app(), ["load", str(out), "--db", db])
    second = runner.invoke(_app(), ["load", str(out), "--db", db])
    assert json.loads(first.stdout)["stored"] == N_DOCS, first.output
    assert json.loads(second.stdout) == {"shards": 3, "stored": 0, "duplicate": N_DOCS, "failed": 0}
    with Store.open(db) as store:
        assert sorted(e["id"] for e in store.events()) == sorted(i for ids in code_events.values() for i in ids)
        doc = store.document(next(iter(code_events)))
        assert doc is not None and doc["text"]


def test_load_into_sqlite_is_idempotent(batch_out, code_events, tmp_path):
    _load_twice(batch_out[0], f"sqlite:///{tmp_path / 'batch.db'}", code_events)


def test_load_into_postgresql_is_idempotent(batch_out, code_events, pg_url):
    _load_twice(batch_out[0], pg_url, code_events)


def test_parquet_input_gives_the_same_events(corpus, code_events, tmp_path):
    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    src = tmp_path / "docs.parquet"
    pq.write_table(pa.Table.from_pylist(rows), src, row_group_size=3)
    assert len(plan_shards([str(src)], shard_size=6)) == 2
    summary = run_batch([str(src)], tmp_path / "out", workers=1, shard_size=6)
    assert summary.documents == N_DOCS and summary.failed == 0
    assert _batch_events(tmp_path / "out") == code_events


def test_a_worker_killed_mid_shard_loses_nothing(corpus, code_events, cluster, tmp_path):
    from dask.distributed import Client

    out = tmp_path / "out"
    with Client(cluster) as client:
        pids = client.run(os.getpid)
        holder: dict = {}
        thread = threading.Thread(target=lambda: holder.update(
            summary=run_batch([str(corpus)], out, scheduler=cluster.scheduler_address, shard_size=1)))
        thread.start()
        victim = _busy_worker(client)
        done_before = len(complete_shards(out)) if (out / "documents").exists() else 0
        os.kill(pids[victim], signal.SIGKILL)  # while it holds a shard
        thread.join(timeout=600)
    assert done_before < N_DOCS  # the run was not over when the worker died
    summary = holder["summary"]
    assert summary.shards == N_DOCS and summary.done == N_DOCS and summary.documents == N_DOCS
    assert len(complete_shards(out)) == N_DOCS
    assert _batch_events(out) == code_events


def _busy_worker(client) -> str:
    """The address of a worker that is running a shard."""
    for _ in range(600):
        busy = [w for w, keys in client.processing().items() if keys]
        if busy:
            return busy[0]
        time.sleep(0.05)
    raise AssertionError("no worker started a shard")
