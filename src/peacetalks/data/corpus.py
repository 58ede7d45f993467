"""A small, dependency-light reader of the bundled sample corpus.

This is NOT the product's ingest (``peacetalks.ingest`` does boilerplate removal, language
detection and dedup on arbitrary pages). It reads the sample's own known layouts exactly, so
tests and demos can compare what ingest produces with what the corpus was written to contain.
Text is returned with paragraphs joined by a blank line, HTML entities unescaped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator, Optional

from defusedxml import ElementTree

_NS = {"content": "http://purl.org/rss/1.0/modules/content/",
       "dc": "http://purl.org/dc/elements/1.1/"}


@dataclass(frozen=True)
class SampleDocument:
    """One article of the sample corpus, whatever file format carried it."""

    id: str
    title: str
    published: datetime
    url: str
    source: str
    author: str
    text: str
    format: str  # jsonl | html | txt | rss
    path: Path


def _read_jsonl(path: Path) -> Iterator[SampleDocument]:
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        yield SampleDocument(row["id"], row["title"], datetime.fromisoformat(row["published"]),
                             row["url"], row["source"], row["author"], row["text"], "jsonl", path)


class _ArticlePage(HTMLParser):
    """Collects <meta> values and the <p> paragraphs inside <article> (minus the byline)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.paragraphs: list[str] = []
        self._in_article = 0
        self._para: Optional[list[str]] = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, Optional[str]]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = a.get("property") or a.get("name")
            if key:
                self.meta[key] = a.get("content", "")
        elif tag == "article":
            self._in_article += 1
        elif tag == "p" and self._in_article and a.get("class") != "byline":
            self._para = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article -= 1
        elif tag == "p" and self._para is not None:
            self.paragraphs.append("".join(self._para).strip())
            self._para = None

    def handle_data(self, data: str) -> None:
        if self._para is not None:
            self._para.append(data)


def _read_html(path: Path) -> SampleDocument:
    page = _ArticlePage()
    page.feed(path.read_text(encoding="utf-8"))
    m = page.meta
    return SampleDocument(path.stem, m["og:title"], datetime.fromisoformat(m["article:published_time"]),
                          m["og:url"], m["og:site_name"], m["author"], "\n\n".join(page.paragraphs),
                          "html", path)


def _read_txt(path: Path) -> SampleDocument:
    """A header block of ``Key: value`` lines, a blank line, then the body."""
    head, body = path.read_text(encoding="utf-8").split("\n\n", 1)
    h = dict(line.split(": ", 1) for line in head.splitlines())
    return SampleDocument(h.get("Id", path.stem), h["Title"], datetime.fromisoformat(h["Published"]),
                          h["URL"], h["Source"], h["Author"], body.strip(), "txt", path)


def _html_paragraphs(fragment: str) -> str:
    parts = re.findall(r"<p>(.*?)</p>", fragment, flags=re.S)
    return "\n\n".join(unescape(p).strip() for p in parts)


def _read_rss(path: Path) -> Iterator[SampleDocument]:
    root = ElementTree.parse(str(path)).getroot()
    for item in root.iter("item"):
        body = item.findtext("content:encoded", default="", namespaces=_NS)
        yield SampleDocument(item.findtext("guid", ""), item.findtext("title", ""),
                             parsedate_to_datetime(item.findtext("pubDate", "")),
                             item.findtext("link", ""), item.findtext("source", ""),
                             item.findtext("dc:creator", default="", namespaces=_NS),
                             _html_paragraphs(body), "rss", path)


def _read(path: Path) -> list[SampleDocument]:
    if path.suffix == ".jsonl":
        return list(_read_jsonl(path))
    if path.suffix == ".html":
        return [_read_html(path)]
    if path.suffix == ".txt":
        return [_read_txt(path)]
    if path.suffix == ".xml":
        return list(_read_rss(path))
    raise ValueError(f"not a sample corpus file: {path}")


@lru_cache(maxsize=1)
def _all_documents() -> tuple[SampleDocument, ...]:
    from peacetalks.data import sample_inputs  # late: the package imports this module

    docs = [d for p in sample_inputs() for d in _read(p)]
    return tuple(sorted(docs, key=lambda d: (d.published, d.id)))


def sample_documents() -> list[SampleDocument]:
    """All sample articles from every file, in publication order (read once, cached)."""
    return list(_all_documents())
