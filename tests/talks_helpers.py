"""A stored document with one held meeting and one position, for tests that page through many
consolidated meetings and positions (all text here is written for the tests)."""

from __future__ import annotations

import datetime as dt
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from fastapi.testclient import TestClient

from peacetalks.api import create_app

from peacetalks.records import ActorMention, DocumentResult, Meeting, Position, Span, stable_id

LEADERS = (("Putin", "putin", "Vladimir Putin"), ("Zelensky", "zelensky", "Volodymyr Zelensky"))
MINISTERS = (("Lavrov", "lavrov", "Sergei Lavrov"), ("Sybiha", "sybiha", "Andrii Sybiha"))


def weekly_talks(i: int, level: str = "leaders", prefix: str = "talks", verb: str = "held talks",
                 ) -> tuple[dict[str, Any], list[Span], DocumentResult]:
    """Week ``i`` from 2025-01-06: the two sides meet on a new date (one meeting each time) and
    Russia restates its ceasefire stance, alternating demand and reject (a change each week)."""
    (ru_text, ru_id, ru_name), (ua_text, ua_id, ua_name) = LEADERS if level == "leaders" else MINISTERS
    day = (dt.date(2025, 1, 6) + dt.timedelta(days=7 * i)).isoformat()
    stance = "reject" if i % 2 else "demand"
    text = f"{ru_text} and {ua_text} {verb} on {day}. Russia said it {stance}s a ceasefire."
    first, second = text.index(". ") + 1, text.index("Russia")
    sents = [Span(text[:first], 0, first), Span(text[second:], second, len(text))]
    ua_start = len(ru_text) + 5
    ru = ActorMention(ru_text, 0, len(ru_text), actor_id=ru_id, name=ru_name, country="RUS", sector="GOV")
    ua = ActorMention(ua_text, ua_start, ua_start + len(ua_text), actor_id=ua_id, name=ua_name, country="UKR",
                      sector="GOV")
    doc_id = f"{prefix}-{i:03d}"
    meeting = Meeting(id=stable_id(doc_id, "m"), level=level, format="bilateral", status="held",
                      participants=[ru, ua], date=day, evidence=[sents[0]], sentence=0)
    position = Position(id=stable_id(doc_id, "p"), actor=ActorMention("Russia", second, second + 6, country="RUS",
                                                                      sector="GOV"),
                        issue="ceasefire", stance=stance, statement=sents[1].text, evidence=sents[1], date=day,
                        sentence=1)
    doc = {"id": doc_id, "text": text, "title": f"Talks {i}", "published": day}
    return doc, sents, DocumentResult(id=doc_id, meetings=[meeting], positions=[position])


@contextmanager
def talks_client(folder: Path, n: int, make: Callable[[int], tuple[dict[str, Any], list[Span], DocumentResult]],
                 ) -> Iterator[TestClient]:
    """A client over a fresh SQLite store in ``folder`` holding documents ``make(0) .. make(n - 1)``."""
    app = create_app(str(folder / "talks.db"))
    for i in range(n):
        app.state.store.save_document(*make(i))
    with TestClient(app) as client:
        yield client
