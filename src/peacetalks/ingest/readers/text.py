"""Plain text files. The text is the file; a header block of ``Key: value`` lines (or a
``---`` fenced front matter) at the top is metadata and is taken out of the text; otherwise a
short first line is the title and a "Published: ..." line near the top gives the date."""

from __future__ import annotations

import re
from typing import Optional

from peacetalks.ingest.dates import iso_published
from peacetalks.ingest.normalise import decode_bytes
from peacetalks.ingest.readers import Raw

_MAX_TITLE = 200
_CRUMB_SEPARATORS = (" > ", " » ", " / ", " › ")
_DATE_LINE_RE = re.compile(r"^\s*(?:published|posted|date|updated)(?: on)?\s*[:\-]?\s*(.{6,60}?)\s*$", re.I)
_DATE_LINES = 12  # a dateline sits near the top
_HEADER_LINE_RE = re.compile(r"^([A-Za-z][A-Za-z _-]{0,24}):[ \t]*(.*?)\s*$")
_MAX_HEADER_LINES = 20
# Header keys (lowercase) -> Raw field; other keys (source, section, tags...) are allowed but unused.
_HEADER_FIELDS = {
    "id": "id", "title": "title", "headline": "title", "author": "author", "byline": "author",
    "by": "author", "published": "published", "date": "published", "pubdate": "published",
    "url": "url", "link": "url", "canonical": "url",
}


def read_text(data: bytes, source: str, id_hint: str) -> Raw:
    text = decode_bytes(data)
    header, body = split_header(text)
    raw = Raw(text=body, source=source, id_hint=id_hint)
    # Without a header the title stays inside the text: the file is the article as written.
    raw.title = header.get("title") or guess_title(body)
    raw.published = iso_published(header.get("published")) or (None if header else guess_published(body))
    raw.id, raw.url, raw.author = header.get("id"), header.get("url"), header.get("author")
    return raw


def split_header(text: str) -> tuple[dict[str, str], str]:
    """({field: value}, body) when the text opens with a metadata block, else ({}, text).

    A block is 2..20 ``Key: value`` lines ended by a blank line (or fenced by ``---`` lines),
    at least one key being a known field, so an opening sentence with a colon is not taken."""
    stripped = text.lstrip("\ufeff\n\r\t ")
    fenced = stripped.startswith("---\n")
    lines = stripped.split("\n", _MAX_HEADER_LINES + 2)
    start = 1 if fenced else 0
    fields: dict[str, str] = {}
    known = 0
    for i in range(start, min(len(lines), start + _MAX_HEADER_LINES + 1)):
        line = lines[i].rstrip("\r")
        if (fenced and line.strip() == "---") or (not fenced and not line.strip()):
            if i - start >= 2 and known:
                return fields, "\n".join(lines[i + 1:])
            break
        m = _HEADER_LINE_RE.match(line)
        if not m:
            break
        key = m.group(1).strip().lower()
        if key in _HEADER_FIELDS and m.group(2):
            fields.setdefault(_HEADER_FIELDS[key], m.group(2).strip().strip("\"'"))
            known += 1
    return {}, text


def guess_title(text: str) -> Optional[str]:
    """The first non-empty line when it looks like a headline: short, more than one word,
    not ending like a sentence, and not the whole text."""
    lines = [ln.strip() for ln in text.strip().splitlines()]
    if len(lines) < 2 or not lines[0]:
        return None
    first = _last_crumb(lines[0])
    if len(first) > _MAX_TITLE or len(first.split()) < 2 or first[-1] in ".,;:":
        return None
    return first


def guess_published(text: str) -> Optional[str]:
    """The date of a "Published: 10 August 2025" style line near the top, if any."""
    for line in text.lstrip()[:2000].splitlines()[:_DATE_LINES]:
        m = _DATE_LINE_RE.match(line)
        if m:
            found = iso_published(m.group(1))
            if found:
                return found
    return None


def _last_crumb(line: str) -> str:
    """'Home > Peace Talks > Headline' (a scraped breadcrumb) -> 'Headline'."""
    for sep in _CRUMB_SEPARATORS:
        if line.count(sep) >= 2:
            return line.rsplit(sep, 1)[1].strip()
    return line
