"""``peacetalks actors``: resolve actor strings (SPEC §1) and show knowledge-base entries.

Mounted by the main command line as a sub-command group; usable alone as ``app``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Optional, TextIO

import typer

from peacetalks.actors.kb import configure, get_kb
from peacetalks.actors.resolver import parse_date, resolve, show

app = typer.Typer(name="actors", help="Who acts: resolve actor strings, show knowledge-base entries.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


@app.callback()
def _options(
    actors: Optional[list[Path]] = typer.Option(
        None, "--actors", help="Extra actors YAML file (repeatable); merged into the knowledge base."),
) -> None:
    """Actor knowledge base and resolver."""
    if actors:
        try:
            configure(actors)
            get_kb()  # read the files now: a bad entry is a usage error naming the file, not a traceback later
        except (FileNotFoundError, ValueError) as exc:
            configure(())
            raise typer.BadParameter(str(exc), param_hint="--actors") from None


def _open(path: Optional[str]) -> TextIO:
    if path in (None, "-"):
        return sys.stdin  # the runner's stdin under test, the real one otherwise
    p = Path(path)  # type: ignore[arg-type]
    if not p.exists():
        raise typer.BadParameter(f"{path}: no such file")
    return open(p, encoding="utf-8", errors="replace")


def resolve_line(line: str, lineno: int) -> dict[str, Any]:
    """One output object for one input line (an ``error`` object when the line is bad)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return {"id": f"line-{lineno}", "error": f"not JSON: {exc.msg}"}
    if not isinstance(obj, dict):
        return {"id": f"line-{lineno}", "error": "a line must be a JSON object"}
    item_id = obj.get("id", f"line-{lineno}")
    text = obj.get("text")
    if not isinstance(text, str):
        return {"id": item_id, "error": "missing 'text' (a string)"}
    date = obj.get("date")
    if date not in (None, "") and parse_date(date) is None:
        return {"id": item_id, "error": f"bad 'date': {date!r} (use YYYY-MM-DD)"}
    context = obj.get("context") if isinstance(obj.get("context"), str) else None
    res = resolve(text, date, context)
    return {"id": item_id, "actor_id": res.actor_id, "name": res.name, "country": res.country,
            "sector": res.sector, "confidence": res.confidence, "role": res.role}


@app.command("resolve")
def resolve_cmd(file: Optional[str] = typer.Argument(None, help="JSON Lines file, or - for stdin.")) -> None:
    """Resolve {"id","text","context"?,"date"?} lines to {"id","actor_id","name","country","sector","confidence"}."""
    failed = False
    stream = _open(file)
    try:
        for lineno, line in enumerate(stream, 1):
            if not line.strip():
                continue
            out = resolve_line(line, lineno)
            failed = failed or "error" in out
            typer.echo(json.dumps(out, ensure_ascii=False))
    finally:
        if stream is not sys.stdin:
            stream.close()
    if failed:
        raise typer.Exit(1)


@app.command("show")
def show_cmd(
    name: str = typer.Argument(..., help="A slug (sergey-lavrov), a name or an alias."),
    date: Optional[str] = typer.Option(None, "--date", help="Also give the role, country and sector on this date."),
) -> None:
    """Print the knowledge-base entry (roles with dates, aliases) as JSON."""
    if date is not None and parse_date(date) is None:
        raise typer.BadParameter(f"bad date {date!r} (use YYYY-MM-DD)", param_hint="--date")
    entry = show(name, date)
    if entry is None:
        typer.echo(f"no actor named {name!r} in the knowledge base", err=True)
        raise typer.Exit(1)
    typer.echo(json.dumps(entry, ensure_ascii=False, indent=2))
