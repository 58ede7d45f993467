"""Benchmark: the first requests a reader makes a few seconds after an ingest, with and
without ``serve``'s view warmer (peacetalks.api.warm).

    python bench/bench_warm.py STORE PORT warm|cold [ROUNDS]

STORE is a filled store (e.g. ``bench_api.py --events 1000000 --url /tmp/ptb-1m.db
--fill-only``). The app is served by uvicorn in this process; each round ingests one new
article with ``peacetalks ingest`` in another process (as a team's feed job would), waits
5 s, then times the process indicators, the process summary and the overview page. The new
articles stay in the store (use a scratch copy)."""
import pathlib
import platform
import subprocess
import sys
import tempfile
import threading
import time

import httpx
import uvicorn

from peacetalks.api import create_app

DB = sys.argv[1]; PORT = int(sys.argv[2]); WARM = sys.argv[3] == "warm"; N = int(sys.argv[4]) if len(sys.argv) > 4 else 5
print(f"machine: {platform.platform()}, Python {platform.python_version()}; store {DB}; warmer {'on' if WARM else 'off'}")
app = create_app(DB, warm_views=WARM)
server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=PORT, log_level="warning"))
t = threading.Thread(target=server.run, daemon=True); t.start()
while not server.started: time.sleep(0.05)
base = f"http://127.0.0.1:{PORT}"
paths = ["/api/processes/russia-ukraine/indicators", "/api/processes/russia-ukraine", "/"]
for p in paths: httpx.get(base + p, timeout=60)
time.sleep(3)
times = {p: [] for p in paths}
for k in range(N):
    f = pathlib.Path(tempfile.gettempdir()) / f"peacetalks-warm-{WARM}-{k}-{time.time_ns()}.txt"
    f.write_text(f"Russian drones struck Kharkiv overnight on Tuesday, regional officials said. Report {f.name}.\n")
    subprocess.run([sys.executable, "-m", "peacetalks", "ingest", str(f), "--db", DB], check=True, capture_output=True)
    time.sleep(5)  # a reader arriving a few seconds after the ingest
    for p in paths:
        t0 = time.perf_counter(); r = httpx.get(base + p, timeout=60); times[p].append((time.perf_counter() - t0) * 1000)
        assert r.status_code == 200
    f.unlink()
for p, v in times.items():
    print(f"{p:45s} ms per round: {', '.join(str(round(x)) for x in v)}")
server.should_exit = True
