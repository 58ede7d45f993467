"""OPML subscription lists: the feed URLs (or paths) they name, parsed with defusedxml."""

from __future__ import annotations

from peacetalks.ingest.xmlsafe import UnsafeXML, check_xml


class OPMLError(Exception):
    """An OPML file refused or unreadable; one-line message."""


def feed_urls(data: bytes) -> list[str]:
    """xmlUrl of every outline, in document order, without duplicates."""
    try:
        root = check_xml(data)
    except UnsafeXML as exc:
        raise OPMLError(str(exc)) from None
    if root is None:
        raise OPMLError("not well-formed XML")
    urls: list[str] = []
    for outline in root.iter("outline"):
        url = (outline.get("xmlUrl") or outline.get("xmlurl") or "").strip()
        if url and url not in urls:
            urls.append(url)
    return urls
