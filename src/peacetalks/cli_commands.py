"""Store-backed commands of the CLI (registered on import by ``peacetalks.cli.main``)."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.table import Table

from peacetalks.cli import app, write_json_line
from peacetalks.config import load_config

err = Console(stderr=True)
DB_HELP = "Database: a SQLite path or URL, or postgresql://... (default $PEACETALKS_DB or ./peacetalks.db)."
FORMATS = ("table", "jsonl", "csv", "parquet")


def _open_store(db: Optional[str]):
    from peacetalks.store import Store

    url = db or load_config().db_url
    try:
        return Store.open(url)
    except Exception as exc:
        err.print(f"[red]peacetalks: cannot open the store {url!r}: {exc}[/red]")
        raise typer.Exit(2)


# --------------------------------------------------------------------------- ingest

@app.command("ingest")
def ingest_cmd(
    inputs: list[str] = typer.Argument(None, help="Files, folders, feeds (RSS/Atom/OPML) or http(s) URLs."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
    sample: bool = typer.Option(False, "--sample", help="Ingest the bundled sample corpus."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes for the NLP."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar or summary."),
    resume: bool = typer.Option(False, "--resume", help="Go on after an interrupted run (what is stored is kept; the rest is done)."),
    allow_private: Optional[bool] = typer.Option(None, "--allow-private/--no-allow-private", help="Fetch from private/loopback addresses."),
    robots: Optional[bool] = typer.Option(None, "--robots/--no-robots", help="Respect robots.txt for pages fetched from feeds."),
    timeout: Optional[float] = typer.Option(None, "--timeout", help="Seconds per HTTP request."),
    max_bytes: Optional[int] = typer.Option(None, "--max-bytes", help="Largest input accepted."),
) -> None:
    """Read articles, code them and store them (each document in one transaction).

    Re-ingesting the same input adds nothing; --resume is the same as running again.
    Exits 1 when some items failed (each failure is printed naming its file and line).
    """
    from peacetalks.ingest import IngestConfig
    from peacetalks.runner import run_ingest

    paths = list(inputs or [])
    if sample:
        from peacetalks.data import sample_inputs

        paths += [str(p) for p in sample_inputs()]
    if not paths:
        err.print("peacetalks ingest: nothing to ingest (give paths or URLs, or --sample)")
        raise typer.Exit(2)
    settings = load_config().section("ingest")
    overrides = {"allow_private": allow_private, "respect_robots": robots, "timeout": timeout, "max_bytes": max_bytes}
    for key, value in overrides.items():
        if value is not None:
            settings[key] = value
    known = set(IngestConfig.__dataclass_fields__)
    config = IngestConfig(**{k: v for k, v in settings.items() if k in known})

    store = _open_store(db)
    with store:
        summary = _run_with_progress(run_ingest, paths, store, config, workers, quiet)
    if not quiet:
        _print_summary(summary, store.url)
    raise typer.Exit(1 if summary.failed else 0)


def _run_with_progress(run_ingest, paths, store, config, workers, quiet):
    if quiet:
        return run_ingest(paths, store, config=config, workers=workers)
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    columns = (SpinnerColumn(), TextColumn("[bold]ingest[/bold] {task.description}"), BarColumn(bar_width=None),
               TextColumn("{task.completed} items"), TextColumn("{task.fields[rate]}"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=False) as progress:
        task = progress.add_task("", total=None, rate="")

        def on_item(summary, label: str) -> None:
            elapsed = max(progress.tasks[task].elapsed or 0.0, 1e-6)
            progress.update(
                task, completed=summary.seen, rate=f"{summary.seen / elapsed:.1f}/s",
                description=(f"stored {summary.stored} · duplicate {summary.duplicate} · "
                             f"skipped {summary.skipped} · failed {summary.failed}"),
            )

        return run_ingest(paths, store, config=config, workers=workers, on_item=on_item)


def _print_summary(summary, url: str) -> None:
    table = Table(title=f"ingest into {url}", show_header=False)
    for label in ("stored", "duplicate", "skipped", "failed"):
        table.add_row(label, str(getattr(summary, label)))
    table.add_row("seconds", f"{summary.seconds:.1f}")
    err.print(table)
    for reason, n in summary.skipped_reasons.most_common():
        err.print(f"  skipped {n} × {reason}")
    for line in summary.failures[:50]:
        err.print(f"  [red]failed[/red] {line}")
    if len(summary.failures) > 50:
        err.print(f"  ... and {len(summary.failures) - 50} more failures (see `peacetalks runs`)")


# --------------------------------------------------------------------------- queries

def _emit(rows: list[dict[str, Any]], fmt: str, out: Optional[Path], columns: list[str], title: str) -> None:
    """Write rows as a Rich table, JSON Lines, CSV or Parquet (to --out or stdout)."""
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if out is None:
            raise typer.BadParameter("--format parquet needs --out FILE")
        import pyarrow as pa
        import pyarrow.parquet as pq

        flat = [_flatten(r) for r in rows]
        pq.write_table(pa.Table.from_pylist(flat), out)
        err.print(f"wrote {len(rows)} rows to {out}")
        return
    stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout
    try:
        if fmt == "jsonl":
            for r in rows:
                write_json_line(r, stream)
        elif fmt == "csv":
            flat = [_flatten(r) for r in rows]
            keys = list(dict.fromkeys(k for r in flat for k in r)) or columns
            writer = csv.DictWriter(stream, fieldnames=keys, extrasaction="ignore")
            writer.writeheader()
            writer.writerows(flat)
        else:
            table = Table(title=f"{title} ({len(rows)})")
            for c in columns:
                table.add_column(c, overflow="fold")
            for r in rows:
                table.add_row(*[_cell(_flatten(r).get(c)) for c in columns])
            Console().print(table)
    finally:
        if out:
            stream.close()


def _cell(value: Any) -> str:
    if value is None:
        return ""
    text = str(value)
    return text if len(text) <= 120 else text[:117] + "..."


def _names(mentions: Any) -> str:
    if not mentions:
        return ""
    if isinstance(mentions, dict):
        mentions = [mentions]
    return "; ".join(filter(None, ((m.get("name") or m.get("text") or "") + (f" ({m['country']})" if m.get("country") else "")
                                    for m in mentions if isinstance(m, dict))))


def _flatten(row: dict[str, Any]) -> dict[str, Any]:
    """One flat row for CSV/Parquet/tables: nested mentions become readable strings."""
    flat: dict[str, Any] = {}
    for key, value in row.items():
        if key in ("actors", "recipients", "participants") and isinstance(value, list):
            flat[key] = _names(value)
            flat[f"{key}_countries"] = ";".join(sorted({m.get("country") or "" for m in value if isinstance(m, dict)} - {""}))
        elif key in ("actor", "proposer") and (isinstance(value, dict) or value is None):
            flat[key] = _names(value)
            flat[f"{key}_country"] = (value or {}).get("country")
        elif key in ("location", "place") and (isinstance(value, dict) or value is None):
            value = value or {}
            flat[key] = value.get("name") or value.get("text")
            flat[f"{key}_lat"], flat[f"{key}_lon"] = value.get("lat"), value.get("lon")
        elif key in ("trigger", "evidence") and isinstance(value, dict):
            flat[key] = value.get("text")
            flat[f"{key}_start"], flat[f"{key}_end"] = value.get("start"), value.get("end")
        elif key == "source" and isinstance(value, dict) and "actor" in value:
            flat["source_actor"] = _names(value.get("actor"))
        elif isinstance(value, (list, dict)):
            flat[key] = json.dumps(value, ensure_ascii=False)
        else:
            flat[key] = value
    return flat


FormatOpt = typer.Option("table", "--format", "-f", help="table | jsonl | csv | parquet")
OutOpt = typer.Option(None, "--out", "-o", help="Write to this file (needed for parquet).")


@app.command("events")
def events_cmd(
    actor: Optional[str] = typer.Option(None, "--actor", help="Actor id or name (as actor or recipient)."),
    country: Optional[str] = typer.Option(None, "--country", help="ISO3 country of an actor or recipient."),
    type: Optional[str] = typer.Option(None, "--type", help="PLOVER event type, e.g. ASSAULT."),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
    until: Optional[str] = typer.Option(None, "--until", help="YYYY-MM-DD"),
    doc: Optional[str] = typer.Option(None, "--doc", help="Only this document id."),
    limit: Optional[int] = typer.Option(None, "--limit", min=1),
    fmt: str = FormatOpt, out: Optional[Path] = OutOpt,
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Events in the store, filtered; every row keeps its document and evidence."""
    with _open_store(db) as store:
        rows = store.events(actor=actor, country=country, type=type.upper() if type else None,
                            since=since, until=until, doc=doc, limit=limit)
    _emit(rows, fmt, out, ["date", "event_type", "mode", "actors", "recipients", "location", "polarity",
                           "modality", "trigger", "doc_id"], "events")


@app.command("docs")
def docs_cmd(
    q: Optional[str] = typer.Option(None, "--q", help="Full-text search."),
    limit: int = typer.Option(50, "--limit", min=1),
    fmt: str = FormatOpt, out: Optional[Path] = OutOpt,
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Documents in the store."""
    with _open_store(db) as store:
        rows = store.documents(limit=limit, q=q)
    rows = [{k: v for k, v in r.items() if k != "text"} for r in rows]
    _emit(rows, fmt, out, ["id", "published", "title", "source", "cluster_id"], "documents")


@app.command("meetings")
def meetings_cmd(
    since: Optional[str] = typer.Option(None, "--since"), until: Optional[str] = typer.Option(None, "--until"),
    doc: Optional[str] = typer.Option(None, "--doc"),
    consolidated: bool = typer.Option(False, "--consolidated", "-c", help="One row per real meeting, with its status history."),
    historical: bool = typer.Option(False, "--historical", help="With --consolidated: also past meetings the news "
                                    "recalls (\"the 2022 Istanbul talks\"), as meetings of their own."),
    fmt: str = FormatOpt, out: Optional[Path] = OutOpt,
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Meetings read from the news: level, status, participants, preconditions (rows marked
    historical recall past meetings)."""
    with _open_store(db) as store:
        rows = store.meetings(since=since, until=until, doc=doc)
    if consolidated:
        from peacetalks.negotiation.consolidate import consolidate_meetings

        rows = consolidate_meetings(rows, include_historical=historical)
        cols = ["level", "format", "channel", "participants", "status", "history", "first_seen", "last_seen"]
    else:
        cols = ["date", "level", "format", "channel", "status", "participants", "proposer", "preconditions", "doc_id"]
    _emit(rows, fmt, out, cols, "meetings")


@app.command("positions")
def positions_cmd(
    actor: Optional[str] = typer.Option(None, "--actor"), issue: Optional[str] = typer.Option(None, "--issue"),
    since: Optional[str] = typer.Option(None, "--since"), until: Optional[str] = typer.Option(None, "--until"),
    consolidated: bool = typer.Option(False, "--consolidated", "-c", help="One row per actor and issue, with history."),
    fmt: str = FormatOpt, out: Optional[Path] = OutOpt,
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """What each actor demands, refuses, accepts or claims, issue by issue."""
    with _open_store(db) as store:
        rows = store.positions(actor=actor, issue=issue, since=since, until=until)
    if consolidated:
        from peacetalks.negotiation.consolidate import consolidate_positions

        rows = consolidate_positions(rows)
        cols = ["actor", "issue", "stance", "history", "first_seen", "last_seen"]
    else:
        cols = ["date", "actor", "issue", "stance", "statement", "doc_id"]
    _emit(rows, fmt, out, cols, "positions")


@app.command("stats")
def stats_cmd(db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
              as_json: bool = typer.Option(False, "--json")) -> None:
    """Counts: documents, events by type, meetings, positions, ingest runs."""
    with _open_store(db) as store:
        stats = store.stats()
    if as_json:
        write_json_line(stats)
        return
    Console().print_json(json.dumps(stats, default=str))


@app.command("export")
def export_cmd(path: Path = typer.Argument(..., help="Folder to write (one JSON Lines file per table)."),
               db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Export the whole store (a backup that `peacetalks import` restores exactly)."""
    from peacetalks.store import StoreError

    with _open_store(db) as store:
        try:
            manifest = store.export(path)
        except (StoreError, OSError) as exc:
            err.print(f"[red]peacetalks export: {path}: {exc}[/red]")
            raise typer.Exit(2)
    err.print(f"exported to {path}: {json.dumps(manifest.get('counts', manifest), default=str)}")


@app.command("import")
def import_cmd(path: Path = typer.Argument(..., help="A folder written by `peacetalks export`."),
               db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Import an export into this store (idempotent)."""
    if not path.exists():
        raise typer.BadParameter(f"{path}: no such folder")
    from peacetalks.store import StoreError

    with _open_store(db) as store:
        try:
            report = store.import_(path)
        except (StoreError, ValueError, OSError) as exc:
            err.print(f"[red]peacetalks import: {path}: {exc}[/red]")
            raise typer.Exit(2)
    err.print(f"imported from {path}: {json.dumps(report, default=str)}")


@app.command("serve")
def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host"), port: int = typer.Option(8000, "--port"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Serve the JSON API and the dashboard (http://127.0.0.1:8000)."""
    import uvicorn

    from peacetalks.api import create_app

    config = load_config()
    api_cfg = config.section("api")
    app_ = create_app(db or config.db_url, read_token=api_cfg.get("read_token") or None,
                      write_token=api_cfg.get("write_token") or None,
                      cors_origins=tuple(api_cfg.get("cors_origins") or ()),
                      warm_views=bool(api_cfg.get("warm_views", True)))
    _warm_map_outlines()
    err.print(f"peacetalks: serving {db or config.db_url} on http://{host}:{port}")
    uvicorn.run(app_, host=host, port=port, log_level="info")


def _warm_map_outlines() -> None:
    """Build the map's outline cache before serving: the first /map would otherwise spend
    ~3 s reading the coastline packages (once per machine; later starts read the cache)."""
    from peacetalks.web.outlines import outlines

    with err.status("peacetalks: preparing the map outlines (first start only)"):
        try:
            outlines()
        except Exception as exc:  # the map falls back to points; serving goes on
            err.print(f"peacetalks: map outlines unavailable ({type(exc).__name__}: {exc})")


# --------------------------------------------------------------------------- eval

EVALS = ("actors", "places", "events", "negotiation")
# What each evaluation runs: (key in the report, module with evaluate(half) and format_report(result)).
EVAL_MODULES = {
    "actors": (("actors", "peacetalks.actors.evaluate"), ("actors_running_text", "peacetalks.actors.evaluate_text")),
    "places": (("places", "peacetalks.places.evaluate"),),
    "events": (("events", "peacetalks.coding.evaluate"),),
    "negotiation": (("negotiation", "peacetalks.negotiation.evaluate"),),
}


@app.command("eval")
def eval_cmd(
    what: str = typer.Argument("all", help="actors | places | events | negotiation | all"),
    half: str = typer.Option("both", "--half", help="dev | test | both"),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Precision/recall/F1 on the gold sets in ../shared/gold (dev = design half, test = held-out half)."""
    import importlib

    names = EVALS if what == "all" else (what,)
    if any(n not in EVALS for n in names):
        raise typer.BadParameter(f"choose one of {', '.join(EVALS)} or all")
    halves = ("dev", "test") if half == "both" else (half,)
    results: dict[str, Any] = {}
    for name in names:
        for key, module_name in EVAL_MODULES[name]:
            module = importlib.import_module(module_name)
            try:
                results[key] = {h: module.evaluate(half=h) for h in halves}
            except FileNotFoundError as exc:
                err.print(f"[yellow]eval {key}: skipped: {exc}[/yellow]")
                continue
            if not as_json:
                for h, res in results[key].items():
                    typer.echo(f"== {key} ({h})")
                    typer.echo(module.format_report(res))
    if as_json:
        write_json_line(results)


# --------------------------------------------------------------------------- negotiation

process_app = typer.Typer(help="Negotiation processes: stage, indicators, stall index.", no_args_is_help=True)
app.add_typer(process_app, name="process")


def _process(name: str):
    """A process from the config file's [[process]] tables, else a built-in one."""
    from peacetalks.negotiation.process import Process, get_process

    for entry in load_config().processes:
        if entry.get("name") == name:
            return Process.from_dict(entry)
    try:
        return get_process(name)
    except KeyError:
        raise typer.BadParameter(f"unknown process {name!r} (define it in peacetalks.toml as [[process]])") from None


def _process_inputs(store, since: Optional[str]):
    return (store.events(since=since), store.meetings(since=since), store.positions(since=since),
            store.documents(limit=1_000_000))


@process_app.command("show")
def process_show(
    name: str = typer.Argument("russia-ukraine"),
    since: Optional[str] = typer.Option(None, "--since"),
    as_json: bool = typer.Option(False, "--json"),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """A process's stage (highest level held/proposed) and weekly indicators with the stall index."""
    from peacetalks.negotiation.process import stage, weekly_indicators, with_joined_parties

    process = _process(name)
    with _open_store(db) as store:
        events, meetings, positions, _ = _process_inputs(store, since)
    # A report naming no party counts for the meeting consolidation joins it to (as in the brief
    # and the API); resolved over every row, before any filter: the meeting is among the others.
    meetings = with_joined_parties(meetings)
    # The stage is the process's own: meetings with one of its parties taking part.
    own = [m for m in meetings if process.involves(m.get("participants") or [])]
    report = {"process": process.name, "stage": stage(own),
              "weeks": weekly_indicators(process, events, meetings, positions)}
    if as_json:
        write_json_line(report)
        return
    console = Console()
    console.print(f"[bold]{process.name}[/bold] stage: {json.dumps(report['stage'], default=str)}")
    table = Table(title="weekly indicators")
    weeks = [w for w in report["weeks"] if w.get("dyad") in (None, "all")] or report["weeks"]
    if weeks:
        cols = [c for c in weeks[0] if not isinstance(weeks[0][c], (list, dict))]
        for c in cols:
            table.add_column(str(c))
        for w in weeks:
            table.add_row(*[_cell(w.get(c)) for c in cols])
    console.print(table)


@app.command("brief")
def brief_cmd(
    process_name: str = typer.Option("russia-ukraine", "--process"),
    since: Optional[str] = typer.Option(None, "--since", help="YYYY-MM-DD"),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write OUT.md and OUT.html (default: Markdown to stdout)."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """A written briefing (Markdown and HTML), every statement cited to its source sentence."""
    from peacetalks.negotiation.brief import render_brief

    process = _process(process_name)
    with _open_store(db) as store:
        events, meetings, positions, documents = _process_inputs(store, since)
    markdown, html = render_brief(process, events, meetings, positions, documents, since=since)
    if out is None:
        sys.stdout.write(markdown)
        return
    out = Path(out)
    out.with_suffix(".md").write_text(markdown, encoding="utf-8")
    out.with_suffix(".html").write_text(html, encoding="utf-8")
    err.print(f"wrote {out.with_suffix('.md')} and {out.with_suffix('.html')}")


@app.command("runs")
def runs_cmd(limit: int = typer.Option(10, "--limit"), db: Optional[str] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Recent ingest runs with their counts."""
    with _open_store(db) as store:
        rows = store.runs(limit=limit)
    _emit(rows, "table", None, list(rows[0].keys()) if rows else ["id"], "ingest runs")


def _mount(module: str, name: str, help_text: str) -> None:
    import importlib

    app.add_typer(importlib.import_module(module).app, name=name, help=help_text)


from peacetalks.cli_batch import register as _register_batch  # noqa: E402  (batch, load)

_register_batch(app)
_mount("peacetalks.actors.cli", "actors", "Actors: resolve strings, show knowledge-base entries.")
_mount("peacetalks.places.cli", "places", "Places: find and geocode toponyms in documents.")
