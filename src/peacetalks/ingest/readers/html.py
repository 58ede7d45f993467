"""HTML pages (trafilatura main text and metadata) and HTML fragments (feed summaries)."""

from __future__ import annotations

import logging
import re
from typing import Optional

import lxml.html

from peacetalks.ingest.dates import iso_published
from peacetalks.ingest.normalise import decode_bytes
from peacetalks.ingest.readers import Raw

_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.I)
_META_TAG_RE = re.compile(r"<meta\s[^>]*>", re.I)
_ATTR_RE = re.compile(r"""([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
# Meta names that carry the publication time with its hour and offset (trafilatura keeps the day).
_DATE_METAS = ("article:published_time", "datepublished", "og:published_time", "parsely-pub-date",
               "pubdate", "publishdate", "dc.date.issued", "sailthru.date")
# Layout-only tags that hostile or broken pages nest thousands deep.
_WRAPPER_RE = re.compile(r"</?(?:div|span|section|font|center|main|aside|table|tbody|tr|td|b|i|em|strong)\b[^>]*>",
                         re.I)
_MAX_WRAPPERS = 200
_BLOCK_TAGS = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "article", "section")

# trafilatura logs every page it finds too short at WARNING; that is our Skipped's job.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


def declared_charset(data: bytes) -> Optional[str]:
    m = _META_CHARSET_RE.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def decode_html(data: bytes, charset: Optional[str] = None) -> str:
    return decode_bytes(data, declared=charset or declared_charset(data))


def fragment_to_text(html: str) -> str:
    """Visible text of an HTML fragment, one paragraph per line (scripts and styles dropped)."""
    if "<" not in html:
        return html
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml raises several error types on junk
        return html
    for bad in root.xpath(".//script|.//style|.//noscript"):
        bad.drop_tree()
    for el in root.iter(*_BLOCK_TAGS):
        el.tail = "\n\n" + (el.tail or "")
    return root.text_content()


def published_meta(html: str) -> Optional[str]:
    """The publication datetime of a page's <meta> tags, as written (ISO), or None."""
    head = html[: html.lower().find("</head>") if "</head>" in html.lower() else 65536]
    found: dict[str, str] = {}
    for tag in _META_TAG_RE.findall(head):
        attrs = {k.lower(): (v1 or v2) for k, v1, v2 in _ATTR_RE.findall(tag)}
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
        if name in _DATE_METAS and attrs.get("content"):
            found.setdefault(name, attrs["content"])
    for name in _DATE_METAS:
        if name in found:
            value = iso_published(found[name])
            if value:
                return value
    return None


def read_html(data: bytes | str, source: str, id_hint: str, url: Optional[str] = None,
              charset: Optional[str] = None) -> Raw:
    """Main text, title, date and author of a page; the visible text when trafilatura finds
    no article body (very short pages)."""
    html = data if isinstance(data, str) else decode_html(data, charset)
    raw = _read_html(html, source, id_hint, url)
    if not raw.text.strip() and len(_WRAPPER_RE.findall(html, 0, 1_000_000)) > _MAX_WRAPPERS:
        # libxml2 gives up past 256 levels of nesting and the page reads as empty; the
        # wrapper tags carry no text, so the page is read again without them.
        raw = _read_html(_WRAPPER_RE.sub(" ", html), source, id_hint, url)
    return raw



def _read_html(html: str, source: str, id_hint: str, url: Optional[str]) -> Raw:
    import trafilatura

    try:
        found = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, include_comments=False, include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # noqa: BLE001 - broken markup can trip trafilatura/lxml internals
        found = None
    if found is None or not (found.text or "").strip():
        try:
            body = trafilatura.html2txt(html) or ""
        except Exception:  # noqa: BLE001 - same
            body = fragment_to_text(html)
        return Raw(text=body, source=source, id_hint=id_hint, url=url, published=published_meta(html))
    # One blank line between paragraphs, as in our text files: a paragraph break is visible
    # to sentence splitting and to readers of the stored text.
    text = (found.text or "").replace("\n", "\n\n")
    return Raw(text=text, source=source, id_hint=id_hint, title=found.title,
               published=published_meta(html) or found.date, url=found.url or url, author=found.author)
