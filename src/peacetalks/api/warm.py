"""Keeping the process views computed while the server runs.

The views (stage, weekly indicators, stall index, meetings board) are cached per store
contents (``views.cached``): the first request after an ingest recomputes them, ~0.1 s at
100,000 events, ~0.6-1.5 s at 1,000,000. A team server whose store is fed by ``peacetalks
ingest`` in another process would make some reader wait after every ingest. The warmer
watches the store's data version from a background thread and, when it changes, recomputes
what the overview and the process endpoints read, so readers find it ready. Readers that
arrive while it works wait for the same computation (``cached_property`` locks per property
in Python 3.11) or compute it themselves: never a wrong answer, at worst the old latency.
"""

from __future__ import annotations

import logging
import threading
from typing import Optional

from peacetalks.api import queries, views
from peacetalks.store import Store

log = logging.getLogger("peacetalks.api")

POLL_SECONDS = 2.0


def warm(store: Store) -> int:
    """Compute, for every configured process, the parts the overview page, /api/processes
    and /api/processes/{name}/indicators read. Returns how many processes were warmed."""
    n = 0
    for process in views.processes():
        v = views.view(store, process)
        v.summary()
        _ = v.overall, v.weeks, v.dyads, v.latest_events
        n += 1
    return n


class Warmer:
    """A daemon thread re-warming the views whenever the store's data version changes."""

    def __init__(self, store: Store, interval: float = POLL_SECONDS) -> None:
        self.store, self.interval = store, interval
        self._stop = threading.Event()
        self._thread: Optional[threading.Thread] = None
        self.warmed_version: object = None  # the data version last warmed (tests read it)

    def start(self) -> "Warmer":
        self._thread = threading.Thread(target=self._run, name="peacetalks-view-warmer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.step()
            except Exception:  # a failure here must not stop the server; requests compute
                log.exception("peacetalks: warming the process views failed")
            self._stop.wait(self.interval)

    def step(self) -> bool:
        """Warm once if the data changed since the last warm-up; True when it did."""
        with self.store.engine.connect() as conn:
            version = queries.data_version(conn)
        if version == self.warmed_version:
            return False
        warm(self.store)
        self.warmed_version = version
        return True
