"""``peacetalks batch`` and ``peacetalks load`` (see ``peacetalks.batch`` and docs/scale.md).

``register(app)`` adds both commands to the Typer app; ``peacetalks.cli_commands`` calls it.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional

import typer

DB_HELP = "Database: a SQLite path or URL, or postgresql://... (default $PEACETALKS_DB or ./peacetalks.db)."


def batch_cmd(
    inputs: list[str] = typer.Argument(..., help="JSON Lines or Parquet files of documents (id, text, ...)."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the Parquet shards (created; a rerun resumes)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Address of a running Dask scheduler, "
                                            "e.g. tcp://10.0.0.5:8786 (default: start a LocalCluster)."),
    workers: int = typer.Option(2, "--workers", "-w", min=1, help="LocalCluster worker processes."),
    shard_size: int = typer.Option(500, "--shard-size", min=1, help="Documents per shard (one Dask task)."),
) -> None:
    """Code documents on Dask into Parquet shards (no database). Exits 1 if any document failed."""
    from peacetalks.batch import run_batch

    def progress(s: Any) -> None:
        print(f"\rshards {s.done + s.skipped}/{s.shards}  documents {s.documents}  events {s.events}",
              end="", file=sys.stderr, flush=True)

    try:
        summary = run_batch(inputs, out, scheduler=scheduler, workers=workers, shard_size=shard_size,
                            progress=progress)
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from None
    except RuntimeError as exc:
        print(f"peacetalks batch: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    print(file=sys.stderr)
    report = {k: getattr(summary, k) for k in ("shards", "done", "skipped", "documents", "failed", "events")}
    print(json.dumps({**report, "seconds": round(summary.seconds, 1), "out": str(out)}))
    raise typer.Exit(1 if summary.failed else 0)


def load_cmd(
    path: Path = typer.Argument(..., help="A folder written by `peacetalks batch`."),
    db: Optional[str] = typer.Option(None, "--db", help=DB_HELP),
) -> None:
    """Store the complete shards of a batch output; documents already stored are skipped."""
    from peacetalks.batch import load_shards
    from peacetalks.config import load_config
    from peacetalks.store import Store

    if not (path / "documents").is_dir():
        raise typer.BadParameter(f"{path}: no documents/ folder (not a `peacetalks batch` output)")
    url = db or load_config().db_url
    try:
        store = Store.open(url)
    except Exception as exc:
        print(f"peacetalks: cannot open the store {url!r}: {exc}", file=sys.stderr)
        raise typer.Exit(2)
    with store:
        summary = load_shards(path, store)
    print(json.dumps({"shards": summary.shards, "stored": summary.stored,
                      "duplicate": summary.duplicate, "failed": summary.failed}))


def register(app: typer.Typer) -> None:
    """Add ``batch`` and ``load`` to the ``peacetalks`` app."""
    app.command("batch")(batch_cmd)
    app.command("load")(load_cmd)
