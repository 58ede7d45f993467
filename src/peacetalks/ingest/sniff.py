"""Which reader a file needs: by extension first, by its first bytes otherwise."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

# Format names: text html json jsonl feed opml xml gzip binary empty
_BY_EXTENSION = {
    ".txt": "text", ".text": "text", ".md": "text", ".markdown": "text", ".rst": "text",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".jsonlines": "jsonl",
    ".rss": "feed", ".atom": "feed", ".opml": "opml",
}
_BINARY_EXTENSIONS = frozenset({
    ".pdf", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".ico", ".zip", ".bz2", ".xz",
    ".7z", ".tar", ".docx", ".xlsx", ".pptx", ".odt", ".mp3", ".mp4", ".wav", ".avi", ".mov",
    ".exe", ".dll", ".so", ".pyc", ".sqlite", ".db", ".parquet", ".woff", ".woff2", ".ttf",
})
_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff", b"SQLite format 3",
          b"\xfd7zXZ", b"7z\xbc\xaf", b"\x7fELF", b"RIFF", b"OggS", b"PAR1")
_TEXT_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_XML_ROOT_RE = re.compile(r"<(?![?!/])([A-Za-z_][\w:.-]*)")
_HEAD = 8192
_CONTENT_TYPES = {
    "text/html": "html", "application/xhtml+xml": "html", "application/rss+xml": "feed",
    "application/atom+xml": "feed", "application/rdf+xml": "feed", "text/x-opml": "opml",
    "application/json": "json", "application/x-ndjson": "jsonl", "application/jsonl": "jsonl",
    "text/plain": "text",
}


def sniff(path: str | Path) -> str:
    """The format of a file: text, html, json, jsonl, feed, opml, xml (other XML), gzip
    (read through: the inner name and bytes decide), binary or empty."""
    path = Path(path)
    ext = path.suffix.lower()
    if ext in _BINARY_EXTENSIONS:
        return "binary"
    with open(path, "rb") as f:
        head = f.read(_HEAD)
    return sniff_bytes(head, name=path.name)


def sniff_bytes(head: bytes, name: str = "", content_type: str = "") -> str:
    """The format of content from its first bytes, its name and (for HTTP) its content type."""
    if not head:
        return "empty"
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    ext = Path(name).suffix.lower()
    if _is_binary(head, named_text=ext in _BY_EXTENSION or ext in (".json", ".xml")):
        return "binary"
    if ext in _BY_EXTENSION:
        return _BY_EXTENSION[ext]
    from_content = _from_content(_head_text(head))
    if from_content in ("text", "xml") and content_type in _CONTENT_TYPES:
        return _CONTENT_TYPES[content_type]
    return from_content


def _is_binary(head: bytes, named_text: bool = False) -> bool:
    """Magic numbers, or too many control bytes. A file named as text may carry a few stray
    NULs (they are cleaned later), so it needs far more of them to count as binary."""
    if head.startswith(_TEXT_BOMS):
        return False
    if head.startswith(_MAGIC):
        return True
    sample = head[:2048]
    nuls = sample.count(0)
    controls = sum(1 for b in sample if b in _CONTROL)
    if controls > 0.03 * len(sample) and _undecodable_share(sample) > 0.25:
        return True  # random or compressed bytes: text in a legacy encoding has no control bytes
    if named_text:
        return controls > 0.3 * len(sample)
    return nuls > 0.02 * len(sample) or controls > 0.1 * len(sample)


def _undecodable_share(sample: bytes) -> float:
    """The share of bytes that are not valid UTF-8 (the end may cut a character: ignored)."""
    bad = sample[:-4].decode("utf-8", errors="replace").count("\ufffd")
    return bad / max(len(sample), 1)


def _head_text(head: bytes) -> str:
    for bom, enc in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(enc, errors="ignore")
    return head.decode("utf-8", errors="ignore").lstrip("\ufeff")


def _from_content(text: str) -> str:
    start = text.lstrip()[:_HEAD]
    lower = start.lower()
    if start.startswith("<"):
        if lower.startswith("<!doctype html") or "<html" in lower[:2000]:
            return "html"
        root = _XML_ROOT_RE.search(start)
        tag = root.group(1).lower() if root else ""
        if tag in ("rss", "feed", "rdf:rdf", "channel"):
            return "feed"
        if tag == "opml":
            return "opml"
        if tag in ("head", "body", "div", "p", "article", "meta", "title", "section", "span", "table"):
            return "html"
        return "xml"
    if start.startswith("["):
        return "json"
    if start.startswith("{"):
        return "jsonl" if _first_line_is_object(start) else "json"
    return "text"


def _first_line_is_object(text: str) -> bool:
    first, _, rest = text.partition("\n")
    try:
        value: Optional[object] = json.loads(first)
    except ValueError:
        return False
    # A pretty-printed object spans lines and fails above; a lone one-line object is plain JSON.
    return isinstance(value, dict) and bool(rest.strip())
