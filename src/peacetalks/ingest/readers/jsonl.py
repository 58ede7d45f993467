"""JSON (an object, an array, or a wrapper such as {"articles": [...]}) and JSON Lines,
streamed line by line so memory stays bounded whatever the file size."""

from __future__ import annotations

import json
from typing import Any, BinaryIO, Iterator, Optional

from peacetalks.ingest.dates import iso_published
from peacetalks.ingest.model import IngestError
from peacetalks.ingest.normalise import decode_bytes
from peacetalks.ingest.readers import Raw
from peacetalks.ingest.readers.html import fragment_to_text

# Field names seen in exports of news APIs and scrapers (news-please, NewsAPI, GDELT...).
_TEXT_KEYS = ("text", "content", "body", "maintext", "article", "full_text")
_HTML_KEYS = frozenset({"content", "body"})  # often HTML in feed/CMS exports
_TITLE_KEYS = ("title", "headline")
_DATE_KEYS = ("published", "date", "published_at", "publishedAt", "date_publish", "pubDate", "datetime")
_URL_KEYS = ("url", "link")
_ID_KEYS = ("id", "_id", "guid", "uid")
_WRAPPER_KEYS = ("articles", "documents", "items", "data", "results", "entries")

Item = Raw | IngestError


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> tuple[Optional[str], Any]:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return key, value
    return None, None


def _author(value: Any) -> Optional[str]:
    if isinstance(value, list):
        names = [v.get("name") if isinstance(v, dict) else v for v in value]
        return ", ".join(str(n) for n in names if n) or None
    return str(value) if value not in (None, "") else None


def raw_from_mapping(obj: Any, source: str, id_hint: str, line: Optional[int] = None) -> Item:
    """One document object -> Raw, or an IngestError naming what is missing."""
    if not isinstance(obj, dict):
        return IngestError(source, line, f"expected a JSON object, got {type(obj).__name__}")
    key, text = _first(obj, _TEXT_KEYS)
    if key is None and isinstance(obj.get("text"), str):
        key, text = "text", ""  # an empty text is Skipped later, not an error
    if not isinstance(text, str):
        what = "missing 'text'" if key is None else f"'{key}' is not a string"
        return IngestError(source, line, f"{what} (expected one of: text, content, body)")
    if key in _HTML_KEYS and "</" in text:
        text = fragment_to_text(text)
    _, doc_id = _first(obj, _ID_KEYS)
    _, title = _first(obj, _TITLE_KEYS)
    _, published = _first(obj, _DATE_KEYS)
    _, url = _first(obj, _URL_KEYS)
    return Raw(
        text=text, source=source, id_hint=id_hint,
        id=str(doc_id) if isinstance(doc_id, (str, int)) and not isinstance(doc_id, bool) else None,
        title=title if isinstance(title, str) else None, published=iso_published(published),
        url=url if isinstance(url, str) else None, author=_author(obj.get("author") or obj.get("authors")),
    )


def iter_json(data: bytes, source: str, stem: str) -> Iterator[Item]:
    """A whole .json file: an object, an array of objects, or a wrapper object. A file of
    several concatenated objects (really JSON Lines) is read as JSON Lines."""
    text = decode_bytes(data)
    try:
        value = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":
            yield from iter_jsonl_text(text, source, stem)
            return
        yield IngestError(source, exc.lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")
        return
    except RecursionError:
        yield IngestError(source, None, "invalid JSON: nested too deeply")
        return
    yield from _from_value(value, source, stem, None)


def _from_value(value: Any, source: str, stem: str, line: Optional[int]) -> Iterator[Item]:
    """A parsed JSON value: one document, an array of them, or a wrapper object holding one."""
    where = source if line is None else f"{source}:{line}"
    if isinstance(value, dict):
        wrapped = next((value[k] for k in _WRAPPER_KEYS if isinstance(value.get(k), list)), None)
        if wrapped is None or _first(value, _TEXT_KEYS)[0] is not None:
            yield raw_from_mapping(value, where, stem if line is None else f"{stem}-{line}", line)
            return
        value = wrapped
    if not isinstance(value, list):
        yield IngestError(source, line, f"expected a JSON object or array, got {type(value).__name__}")
        return
    for i, obj in enumerate(value, 1):
        item_stem = f"{stem}-{i}" if line is None else f"{stem}-{line}-{i}"
        yield raw_from_mapping(obj, f"{where}[{i}]", item_stem, line)


def _line_items(text: str, source: str, stem: str, lineno: int) -> Iterator[Item]:
    if not text.strip():
        return
    try:
        value = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        yield IngestError(source, lineno, f"invalid JSON: {exc.msg} (column {exc.colno})")
        return
    except RecursionError:
        yield IngestError(source, lineno, "invalid JSON: nested too deeply")
        return
    if not isinstance(value, dict):
        yield IngestError(source, lineno, f"expected a JSON object, got {type(value).__name__}")
        return
    for item in _from_value(value, source, stem, lineno):
        if isinstance(item, IngestError):
            item.source = source  # the line is carried separately
        yield item


def iter_jsonl(stream: BinaryIO, source: str, stem: str, max_bytes: int) -> Iterator[Item]:
    """JSON Lines from a binary stream; a line longer than max_bytes is an IngestError for
    that line only (it is skipped without being held in memory)."""
    lineno = 0
    while True:
        chunk = stream.readline(max_bytes + 1)
        if not chunk:
            return
        lineno += 1
        if len(chunk) > max_bytes and not chunk.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield IngestError(source, lineno, f"line longer than the {max_bytes}-byte cap, skipped")
            continue
        if lineno == 1 and chunk.startswith(b"\xef\xbb\xbf"):
            chunk = chunk[3:]
        yield from _line_items(decode_bytes(chunk), source, stem, lineno)


def iter_jsonl_text(text: str, source: str, stem: str) -> Iterator[Item]:
    for lineno, line in enumerate(text.split("\n"), 1):
        yield from _line_items(line, source, stem, lineno)


def _skip_rest_of_line(stream: BinaryIO, block: int = 1 << 20) -> None:
    while True:
        chunk = stream.readline(block)
        if not chunk or chunk.endswith(b"\n"):
            return
