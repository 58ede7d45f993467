"""Concurrency (issue 8, item 4): `peacetalks ingest` writes while `peacetalks serve` answers
from another process on the same store (SQLite in WAL mode, and PostgreSQL), under a bounded
load of concurrent clients on loopback. No 5xx, no lock errors, nothing lost."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Iterator

import httpx
import pytest

from peacetalks.store import Store

from hostile.checks import integrity_ok
from hostile.corpus import BODY

CLIENTS = 20
LOAD_SECONDS = 10.0
N_DOCS = 30
PATHS = ["/api/health", "/api/documents?limit=20", "/api/events?limit=50&order=-date", "/api/stats",
         "/api/meetings", "/api/positions", "/api/events?country=RUS&type=ACCUSE", "/"]


def _cli(*args: str, **kw: object) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    command = [sys.executable, "-c", "from peacetalks.cli import main; main()", *args]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
                            **kw)  # type: ignore[call-overload]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"c{i:02d}.txt").write_text(
            f"Report {i}. Russia accused Ukraine of shelling Kharkiv on day {i}. {BODY}", encoding="utf-8")
    return folder


def _serve(db: str) -> Iterator[str]:
    port = _free_port()
    server = _cli("serve", "--db", db, "--port", str(port))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(240):  # up to 60 s to start
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.25)
        else:
            pytest.fail("serve did not start")
        yield base
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _load(base: str, seconds: float) -> Counter[int]:
    """CLIENTS threads, each looping over PATHS until the deadline; status codes counted."""
    statuses: Counter[int] = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(k: int) -> None:
        with httpx.Client(base_url=base, timeout=30) as http:
            i = k
            while time.monotonic() < deadline:
                try:
                    code = http.get(PATHS[i % len(PATHS)]).status_code
                except httpx.HTTPError:
                    code = 0  # a refused or broken connection counts as a failure
                with lock:
                    statuses[code] += 1
                i += 1

    threads = [threading.Thread(target=client, args=(k,)) for k in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return statuses


def _ingest_under_load(db: str, folder: Path) -> None:
    Store.open(db).close()  # migrated before both processes start
    for base in _serve(db):
        ingest = _cli("ingest", str(folder), "--db", db, "-q")
        statuses = _load(base, LOAD_SECONDS)
        _, stderr = ingest.communicate(timeout=600)
        assert ingest.returncode == 0, stderr.decode()[-2000:]
        assert sum(statuses.values()) > CLIENTS  # the load really ran
        bad = {code: n for code, n in statuses.items() if code >= 500 or code == 0}
        assert bad == {}, statuses
        assert set(statuses) <= {200}, statuses
        stats = httpx.get(f"{base}/api/stats", timeout=30).json()  # the server sees every write
        assert stats["counts"]["documents"] == N_DOCS
        assert b"locked" not in stderr.lower()


@pytest.mark.slow
def test_ingest_while_serving_on_sqlite(tmp_path: Path) -> None:
    db = str(tmp_path / "live.db")
    _ingest_under_load(db, _corpus(tmp_path / "in"))
    assert integrity_ok(Path(db))


@pytest.mark.slow
@pytest.mark.postgres
def test_ingest_while_serving_on_postgres(pg_url: str, tmp_path: Path) -> None:
    _ingest_under_load(pg_url, _corpus(tmp_path / "in"))
    with Store.open(pg_url) as store:
        assert store.stats()["counts"]["documents"] == N_DOCS
