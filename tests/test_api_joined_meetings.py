"""One count of a process's meetings on every path: a report naming no party that consolidation
joins to a meeting ("a planned meeting of foreign ministers in London was cancelled", sample-03)
counts for that meeting's process and dyads in the API's indicators, `peacetalks process show`
and the brief alike, on SQLite and PostgreSQL."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from peacetalks.api import create_app
from peacetalks.api.views import view
from peacetalks.data import sample_inputs
from peacetalks.negotiation.process import Process, get_process, weekly_indicators, with_joined_parties
from peacetalks.records import ActorMention, DocumentResult, Meeting, PlaceMention, Span
from peacetalks.runner import run_ingest
from peacetalks.store import Store

WEEK = "2025-W17"  # the week of sample-03's London cancellation


def _api_rows(c: TestClient, dyad: str) -> dict[str, dict[str, Any]]:
    rows = c.get("/api/processes/russia-ukraine/indicators", params={"dyad": dyad}).json()["weeks"]
    return {w["week"]: w for w in rows}


def _cli_report(db: str) -> dict[str, Any]:
    # a child process: write_json_line binds sys.stdout at import, which CliRunner cannot capture
    res = subprocess.run([sys.executable, "-c", "from peacetalks.cli import main; main()", "process", "show", "russia-ukraine", "--json",
                          "--db", db], capture_output=True, text=True, check=False)
    assert res.returncode == 0, res.stderr
    return json.loads(res.stdout.strip().splitlines()[-1])


def _brief_row(c: TestClient, week: str) -> list[str]:
    """The brief's stall table row of ``week`` (held, proposed, setbacks, ... stall index)."""
    html = c.get("/brief").text
    row = re.search(rf"<tr><td>{week}</td>(.*?)</tr>", html, re.S)
    assert row, f"no {week} row in the brief's stall table"
    return re.findall(r"<td>(.*?)</td>", row.group(1))


def _articles_until(path: Path, last_day: str) -> Path:
    """The sample articles published up to ``last_day``: the brief's stall table shows the last
    eight weeks, so the corpus stops after the week under test."""
    articles = next(p for p in sample_inputs() if p.name == "articles.jsonl")
    lines = [line for line in articles.read_text(encoding="utf-8").splitlines()
             if line.strip() and json.loads(line)["published"][:10] <= last_day]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _check_every_path_counts_the_cancellation(db: str, tmp: Path) -> None:
    app = create_app(db)
    store = app.state.store
    try:
        run_ingest([str(_articles_until(tmp / "articles.jsonl", "2025-04-27"))], store, errors_to=io.StringIO())
        process = get_process("russia-ukraine")
        without = {(w["week"], w["dyad"]): w for w in
                   weekly_indicators(process, store.events(), store.meetings(), store.positions())}
        with TestClient(app) as c:
            api_all, api_dyad = _api_rows(c, "ALL")[WEEK], _api_rows(c, "UKR-USA")[WEEK]
            brief = _brief_row(c, WEEK)
            summary = c.get("/api/processes/russia-ukraine").json()
        # the partyless London report adds one cancellation to the week's ALL and UKR-USA rows
        for api_row, dyad in ((api_all, "ALL"), (api_dyad, "UKR-USA")):
            assert api_row["cancellations"] == without[(WEEK, dyad)]["cancellations"] + 1, dyad
            assert api_row["stall_index"] > without[(WEEK, dyad)]["stall_index"], dyad
        report = _cli_report(db)
        cli = {(w["week"], w["dyad"]): w for w in report["weeks"]}
        assert cli[(WEEK, "ALL")] == api_all and cli[(WEEK, "UKR-USA")] == api_dyad
        setbacks = api_all["postponements"] + api_all["cancellations"] + api_all["unlikely"]
        assert brief[2] == str(setbacks) and brief[-1] == f"{api_all['stall_index']:.2f}"
        # and the whole series agrees: the view's rows are the CLI's
        assert summary["indicators"] == [w for w in report["weeks"] if w["dyad"] == "ALL"]
        # the stage too: the London meeting's cancellation is in the process's meetings
        assert summary["stage"] == report["stage"] and summary["stage"]["counts"].get("cancelled")
    finally:
        store.close()


def test_partyless_cancellation_counts_alike_on_sqlite(tmp_path: Path) -> None:
    _check_every_path_counts_the_cancellation(str(tmp_path / "sample.db"), tmp_path)


@pytest.mark.postgres
def test_partyless_cancellation_counts_alike_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    _check_every_path_counts_the_cancellation(pg_url, tmp_path)


# ------------------------------------------------------------------ the fast path's candidates

def _meeting_doc(doc_id: str, published: str, status: str, countries: tuple[str, ...]) -> tuple[Any, ...]:
    """One document with one ministers' meeting in London on 2025-04-23 among ``countries``
    (none: a report naming no party)."""
    names = " and ".join(f"the {c} minister" for c in countries) or "foreign ministers"
    text = f"Report {doc_id}: a meeting of {names} in London on 23 April was {status}."
    sentence = Span(text, 0, len(text))
    people = []
    for c in countries:
        at = text.index(f"the {c} minister")
        people.append(ActorMention(f"the {c} minister", at, at + len(c) + 13, country=c, sector="GOV"))
    at = text.index("London")
    meeting = Meeting(id=f"{doc_id}-m1", level="ministers", format="bilateral", status=status, participants=people,
                      place=PlaceMention("London", at, at + 6, name="London", country="GBR"), date="2025-04-23",
                      evidence=[sentence], sentence=0)
    doc = {"id": doc_id, "text": text, "title": f"Report {doc_id}", "published": published}
    return doc, [sentence], DocumentResult(id=doc_id, meetings=[meeting])


def _cancellations(store: Store, process: Process) -> tuple[int, int]:
    """(the API view's, the full computation's) cancellations of the process, all weeks."""
    full = weekly_indicators(process, store.events(), with_joined_parties(store.meetings()), store.positions())
    weeks = view(store, process).weeks
    assert weeks == full  # the fast path reads the same rows as every other path
    return tuple(sum(w["cancellations"] for w in rows if w["dyad"] == "ALL") for rows in (weeks, full))


def test_fast_path_sees_other_processes_candidates(tmp_path: Path) -> None:
    """The partyless report joins the one London meeting; with a second one of other parties on the
    same day it is ambiguous and counts for no process, on the API's fast path too (which reads
    the other parties' meetings at that place, not only the process's)."""
    process = get_process("russia-ukraine")
    with Store.open(str(tmp_path / "t.db")) as st:
        st.save_document(*_meeting_doc("planned", "2025-04-20", "planned", ("RUS", "UKR")))
        st.save_document(*_meeting_doc("called-off", "2025-04-23", "cancelled", ()))
        assert _cancellations(st, process) == (1, 1)
        st.save_document(*_meeting_doc("rival", "2025-04-21", "planned", ("ISR", "PSE")))
        assert _cancellations(st, process) == (0, 0)
