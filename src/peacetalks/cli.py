"""The ``peacetalks`` command line: one Typer app, sub-commands by task.

Pure commands (``code``, ``actors resolve``, ``places resolve``) read JSON Lines and
write JSON Lines and never touch a database; the others work on the store.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional, TextIO

import typer

from peacetalks import __version__

app = typer.Typer(
    name="peacetalks",
    help="News in, an evidence-backed record of a peace process out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"peacetalks {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Print the version."),
) -> None:
    """peacetalks: PLOVER events, meetings and positions from news, each with its evidence."""


# --------------------------------------------------------------------------- input helpers

def open_input(path: Optional[str]) -> TextIO:
    """A text stream for FILE or '-' (stdin); undecodable bytes become U+FFFD."""
    if path in (None, "-"):
        return open(sys.stdin.fileno(), encoding="utf-8", errors="replace", closefd=False)
    p = Path(path)
    if not p.exists():
        raise typer.BadParameter(f"{path}: no such file")
    return open(p, encoding="utf-8", errors="replace")


def write_json_line(obj: object, out: Optional[TextIO] = None) -> None:
    # sys.stdout looked up per call, not bound at import: a caller may have redirected it since.
    (out or sys.stdout).write(json.dumps(obj, ensure_ascii=False) + "\n")


# --------------------------------------------------------------------------- code

@app.command("code")
def code_cmd(
    file: Optional[str] = typer.Argument(None, help="JSON Lines of documents, or '-' / nothing for stdin."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Worker processes."),
) -> None:
    """Code documents (JSON Lines in, JSON Lines out; no database). Exits 1 if any line failed."""
    from peacetalks.parallel import code_stream, iter_json_lines

    name = file if file not in (None, "-") else "<stdin>"
    with open_input(file) as stream:
        failed = code_stream(iter_json_lines(stream, name), name=name, workers=workers, out=sys.stdout)
    raise typer.Exit(1 if failed else 0)


def main() -> None:  # console_scripts entry point
    from peacetalks import cli_commands  # noqa: F401  (registers the store-backed commands)

    app()


if __name__ == "__main__":  # pragma: no cover
    main()
