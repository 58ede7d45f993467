"""``peacetalks places resolve [FILE|-]``: documents in, their place mentions out (SPEC section 1).

Input lines are documents as for ``code``; each output line is ``{"id", "places": [PlaceMention]}``,
or ``{"id", "error"}`` for a bad line; the exit code is 1 when any line failed.

Nationality and regional adjectives ("French engineer") are included by default as places flagged
``"demonym": true``, because GeoWebNews, the geoparsing yardstick, counts such modifiers as
toponyms; ``--no-demonyms`` leaves them out (``--demonyms`` is accepted as a no-op, for old
scripts). The Python API (``resolve_document``, ``places_in``) and the ``code`` pipeline keep them
out by default: an event never happens at an adjective.
"""

from __future__ import annotations

import io
import sys
from typing import Optional, TextIO

import typer

from peacetalks.cli import open_input, write_json_line
from peacetalks.parallel import iter_json_lines as read_json_lines

app = typer.Typer(name="places", help="Find and geocode place names.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)


def _open(path: Optional[str]) -> TextIO:
    """Like ``peacetalks.cli.open_input``, but stdin without a file descriptor (a test runner's
    captured stream) is read as it is."""
    if path in (None, "-"):
        try:
            sys.stdin.fileno()
        except (AttributeError, OSError, io.UnsupportedOperation):
            return io.StringIO(sys.stdin.read())
    return open_input(path)


@app.callback()
def _places() -> None:
    """Find and geocode place names (pure: no database)."""


def _resolve_line(obj: object, error: Optional[str], lineno: int, demonyms: bool = False) -> tuple[dict, bool]:
    """The output object for one input line and whether it failed."""
    from peacetalks.places import resolve_document

    doc_id = obj.get("id") if isinstance(obj, dict) else None
    doc_id = str(doc_id) if doc_id is not None else f"line-{lineno}"
    if error is not None:
        return {"id": doc_id, "error": error}, True
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return {"id": doc_id, "error": "missing 'text' (a string)"}, True
    try:
        places = resolve_document(obj, demonyms=demonyms)
    except Exception as exc:  # one bad document must not stop the stream
        return {"id": doc_id, "error": f"{type(exc).__name__}: {exc}"}, True
    return {"id": doc_id, "places": [p.to_dict() for p in places]}, False


@app.command("resolve")
def resolve_cmd(
    file: Optional[str] = typer.Argument(None, help="JSON Lines of documents, or '-' / nothing for stdin."),
    demonyms: bool = typer.Option(True, "--demonyms/--no-demonyms", help="Include nationality/regional "
                                  "adjectives ('Russian troops') as places flagged \"demonym\": true "
                                  "(default; GeoWebNews counts them as toponyms)."),
) -> None:
    """Place mentions of each document (JSON Lines in and out). Exits 1 if any line failed."""
    name = file if file not in (None, "-") else "<stdin>"
    failed = False
    with _open(file) as stream:
        for lineno, obj, error in read_json_lines(stream, name):
            out, bad = _resolve_line(obj, error, lineno, demonyms)
            failed |= bad
            write_json_line(out, sys.stdout)
    raise typer.Exit(1 if failed else 0)
