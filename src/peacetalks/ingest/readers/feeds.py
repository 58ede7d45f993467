"""RSS 2.0 / Atom feeds (feedparser, after a defusedxml safety check). Entries whose text is
only a short summary get their page fetched and extracted (robots.txt permitting)."""

from __future__ import annotations

import re
from typing import Any, Iterator, Optional

from peacetalks.ingest.dates import iso_published
from peacetalks.ingest.fetch import FetchError, Fetcher
from peacetalks.ingest.model import IngestConfig, IngestError, Skipped
from peacetalks.ingest.normalise import slugify, url_slug
from peacetalks.ingest.readers import Raw
from peacetalks.ingest.readers.html import fragment_to_text, read_html
from peacetalks.ingest.xmlsafe import UnsafeXML, check_xml

Item = Raw | Skipped | IngestError
_GUID_RE = re.compile(r"^[\w.:@/+=,-]+$")


def iter_feed(data: bytes, source: str, config: IngestConfig, fetcher: Fetcher) -> Iterator[Item]:
    import feedparser

    try:
        check_xml(data)
    except UnsafeXML as exc:
        yield IngestError(source, None, str(exc))
        return
    parsed = feedparser.parse(data)  # bytes, never a string: feedparser would open a str as a URL
    if not parsed.entries:
        reason = f": {parsed.get('bozo_exception')}" if parsed.get("bozo") else ""
        yield IngestError(source, None, f"no entries in feed{reason}")
        return
    seen: set[Any] = set()
    for index, entry in enumerate(parsed.entries, 1):
        key = entry.get("id") or entry.get("link") or (entry.get("title"), entry.get("published"))
        if key in seen:
            yield Skipped(f"{source}#{index}", f"duplicate entry in feed (GUID {key})")
            continue
        seen.add(key)
        try:
            yield _entry_item(entry, f"{source}#{index}", slugify(source) or "feed", index, config, fetcher)
        except Exception as exc:  # noqa: BLE001 - one odd entry must not end the feed
            yield IngestError(f"{source}#{index}", None, f"unexpected {type(exc).__name__}: {exc}")


def _guid_id(guid: Optional[str]) -> Optional[str]:
    """A GUID that is an identifier ("sample-34", "urn:uuid:...") is the document id, as a JSON
    "id" is; a permalink GUID (a URL) is not, and the link's slug is used instead."""
    if not guid or len(guid) > 200 or "://" in guid or not _GUID_RE.match(guid):
        return None
    return guid


def _entry_text(entry: Any) -> str:
    """The longest of the entry's content blocks and summary, as plain text."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    best = max(candidates, key=len)
    return fragment_to_text(best).strip()


def _entry_item(entry: Any, source: str, feed_slug: str, index: int, config: IngestConfig,
                fetcher: Fetcher) -> Item:
    link: Optional[str] = entry.get("link")
    published = iso_published(entry.get("published")) or iso_published(entry.get("published_parsed")) \
        or iso_published(entry.get("updated")) or iso_published(entry.get("updated_parsed"))
    raw = Raw(
        text=_entry_text(entry), source=source, id=_guid_id(entry.get("id")),
        id_hint=url_slug(link) if link else f"{feed_slug}-{index}",
        title=entry.get("title"), published=published, url=link, author=entry.get("author"),
    )
    if len(raw.text) >= config.min_summary_chars or not config.fetch_entry_pages or not link \
            or not link.startswith(("http://", "https://")):
        return raw
    return _with_page(raw, link, fetcher)


def _with_page(raw: Raw, link: str, fetcher: Fetcher) -> Item:
    """The entry completed from its page; the summary alone when the page cannot be had."""
    try:
        if not fetcher.allowed_by_robots(link):
            return raw if raw.text else Skipped(raw.source, f"robots.txt disallows {link}")
        response = fetcher.get(link)
    except FetchError as exc:
        return raw if raw.text else IngestError(raw.source, None, f"fetching {link}: {exc}")
    page = read_html(response.body, raw.source, raw.id_hint, url=response.url, charset=response.charset)
    if len(page.text.strip()) > len(raw.text):
        raw.text = page.text
        raw.title = raw.title or page.title
        raw.published = raw.published or page.published
        raw.author = raw.author or page.author
    return raw
