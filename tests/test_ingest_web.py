"""Feeds, OPML and URLs through ``iter_items`` with httpx.MockTransport and a resolver stub:
no test touches the network."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional

import httpx
import pytest

from peacetalks.ingest import IngestConfig, Response, iter_items

from ingest_helpers import ARTICLE, FRENCH, article, collect, docs, errors, skipped

PUBLIC = {"news.example": ["93.184.216.34"], "feeds.example": ["2606:2800:220:1::1"],
          "intranet.example": ["10.0.0.7"], "mapped.example": ["::ffff:127.0.0.1"]}
Handler = Callable[[httpx.Request], httpx.Response]


def resolver(host: str) -> list[str]:
    return PUBLIC.get(host, [])


class Web:
    """A fake web: URL -> response, with the requests it saw."""

    def __init__(self, pages: dict[str, httpx.Response | Handler]) -> None:
        self.pages = pages
        self.seen: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(request)
        page = self.pages.get(str(request.url))
        if page is None:
            return httpx.Response(404, text="not found")
        return page(request) if callable(page) else page

    def config(self, **kw: object) -> IngestConfig:
        return IngestConfig(transport=httpx.MockTransport(self), resolver=resolver, **kw)  # type: ignore[arg-type]

    def urls(self) -> list[str]:
        return [str(r.url) for r in self.seen]


def html_page(title: str, body: str) -> httpx.Response:
    html = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>"
    return httpx.Response(200, html=html)


def rss(items: str, extra_prolog: str = "") -> str:
    return (f'<?xml version="1.0" encoding="utf-8"?>{extra_prolog}<rss version="2.0"><channel>'
            f"<title>Example feed</title><link>https://news.example/</link>{items}</channel></rss>")


def rss_item(guid: str, title: str, summary: str, date: Optional[str] = "Sun, 10 Aug 2025 09:00:00 +0200",
             link: Optional[str] = None) -> str:
    date_xml = f"<pubDate>{date}</pubDate>" if date else ""
    link_xml = f"<link>{link}</link>" if link else ""
    return (f"<item><guid>{guid}</guid><title>{title}</title>{link_xml}{date_xml}"
            f"<description><![CDATA[<p>{summary}</p>]]></description></item>")


BOMB = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
        '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')


def feed_file(tmp_path: Path, xml: str, name: str = "feed.xml") -> str:
    path = tmp_path / name
    path.write_text(xml, encoding="utf-8")
    return str(path)


def test_rss_feed_entries_duplicates_and_dates(tmp_path: Path) -> None:
    feed = feed_file(tmp_path, rss(
        rss_item("g1", "First", article("1"))
        + rss_item("g1", "First again", article("1b"))
        + rss_item("g2", "Future", article("2"), date="Mon, 01 Jan 2035 00:00:00 GMT")
        + rss_item("g3", "Undated", article("3"), date=None)))
    items = collect([feed], fetch_entry_pages=False)
    got = docs(items)
    assert [d.title for d in got] == ["First", "Future", "Undated"]
    assert got[0].published == "2025-08-10T09:00:00+02:00"
    assert got[1].published == "2035-01-01T00:00:00+00:00"  # future dates kept as given
    assert got[2].published is None
    assert got[0].source == f"{feed}#1" and "<p>" not in got[0].text
    assert [d.id for d in got] == ["g1", "g2", "g3"]  # a GUID that is an identifier is the id
    [dup] = skipped(items)
    assert "duplicate entry" in dup.reason and "g1" in dup.reason


def test_atom_feed(tmp_path: Path) -> None:
    atom = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Atom example</title><id>urn:feed</id><updated>2025-08-10T10:00:00Z</updated>"
            '<entry><id>urn:e1</id><title>Atom entry</title><link href="https://news.example/atom-1"/>'
            "<updated>2025-08-09T10:00:00Z</updated><author><name>Ann Lee</name></author>"
            f'<content type="html">&lt;p&gt;{article("atom")}&lt;/p&gt;</content></entry></feed>')
    [doc] = docs(collect([feed_file(tmp_path, atom, "feed.atom")], fetch_entry_pages=False))
    assert doc.title == "Atom entry" and doc.author == "Ann Lee"
    assert doc.url == "https://news.example/atom-1" and doc.published == "2025-08-09T10:00:00Z"
    assert doc.id == "urn:e1" and doc.text.startswith("Report atom.")  # a non-URL GUID is the id


def test_xml_bomb_in_feed_is_refused(tmp_path: Path) -> None:
    bomb = feed_file(tmp_path, rss(rss_item("g1", "&lol3;", "&lol3;"), extra_prolog=BOMB))
    [err] = collect([bomb])
    assert err.source == bomb and "entit" in err.message


def test_xml_bomb_in_opml_is_refused(tmp_path: Path) -> None:
    opml = feed_file(tmp_path, f'<?xml version="1.0"?>{BOMB}<opml version="2.0"><body>'
                     '<outline text="&lol3;" xmlUrl="https://feeds.example/a.xml"/></body></opml>', "subs.opml")
    [err] = collect([opml])
    assert "entit" in err.message


def test_short_summary_fetches_the_page(tmp_path: Path) -> None:
    web = Web({"https://news.example/robots.txt": httpx.Response(404),
               "https://news.example/story": html_page("Full story", ARTICLE)})
    feed = feed_file(tmp_path, rss(rss_item("s1", "Short", "A teaser only.", link="https://news.example/story")))
    [doc] = docs(list(iter_items([feed], web.config())))
    assert "ceasefire along the front line" in doc.text and doc.title == "Short"
    assert web.urls() == ["https://news.example/robots.txt", "https://news.example/story"]
    assert web.seen[1].headers["user-agent"].startswith("peacetalks/")


def test_robots_disallow_keeps_the_summary(tmp_path: Path) -> None:
    web = Web({"https://news.example/robots.txt": httpx.Response(200, text="User-agent: *\nDisallow: /\n"),
               "https://news.example/story": html_page("Full story", ARTICLE)})
    feed = feed_file(tmp_path, rss(rss_item("s1", "Short", "A teaser only.", link="https://news.example/story")))
    [doc] = docs(list(iter_items([feed], web.config())))
    assert doc.text == "A teaser only."
    assert "https://news.example/story" not in web.urls()


def test_opml_follows_its_feeds() -> None:
    opml = ('<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>'
            '<outline text="A" type="rss" xmlUrl="https://feeds.example/a.xml"/>'
            '<outline text="dup" type="rss" xmlUrl="https://feeds.example/a.xml"/></body></opml>')
    web = Web({"https://news.example/subs.opml": httpx.Response(200, text=opml, headers={"content-type": "text/x-opml"}),
               "https://feeds.example/a.xml": httpx.Response(
                   200, text=rss(rss_item("a1", "From A", article("a"))), headers={"content-type": "application/rss+xml"})})
    items = list(iter_items(["https://news.example/subs.opml"], web.config(fetch_entry_pages=False)))
    assert [d.title for d in docs(items)] == ["From A"]
    assert web.urls().count("https://feeds.example/a.xml") == 1


def test_url_html_page_and_french_page() -> None:
    web = Web({"https://news.example/en": html_page("Talks resume", ARTICLE),
               "https://news.example/fr": html_page("Les pourparlers reprennent", FRENCH * 3)})
    items = list(iter_items(["https://news.example/en", "https://news.example/fr"], web.config()))
    [doc] = docs(items)
    assert doc.url == "https://news.example/en" and doc.source == "https://news.example/en"
    assert doc.id.startswith("news-example-en-")
    [skip] = skipped(items)
    assert skip.reason == "not English (detected: fr)"


@pytest.mark.parametrize("url", ["http://intranet.example/x", "http://127.0.0.1/x", "http://[::1]/x",
                                 "http://169.254.169.254/latest/meta-data", "http://mapped.example/x",
                                 "http://224.0.0.1/x", "file:///etc/passwd"])
def test_private_and_odd_addresses_are_refused(url: str) -> None:
    web = Web({})
    [err] = list(iter_items([url], web.config()))
    assert err.source == url and "refusing" in err.message
    assert web.seen == []  # refused before any request


def test_private_address_refused_after_redirect() -> None:
    web = Web({"https://news.example/go": httpx.Response(302, headers={"location": "http://intranet.example/admin"})})
    [err] = list(iter_items(["https://news.example/go"], web.config()))
    assert "refusing non-public address 10.0.0.7" in err.message
    assert web.urls() == ["https://news.example/go"]


def test_allow_private_and_relative_redirect() -> None:
    web = Web({"http://intranet.example/a": httpx.Response(301, headers={"location": "/b"}),
               "http://intranet.example/b": html_page("Inside", ARTICLE)})
    [doc] = docs(list(iter_items(["http://intranet.example/a"], web.config(allow_private=True))))
    assert doc.url == "http://intranet.example/b"


def test_redirect_loop_is_capped() -> None:
    web = Web({"https://news.example/loop": httpx.Response(302, headers={"location": "/loop"})})
    [err] = list(iter_items(["https://news.example/loop"], web.config()))
    assert "redirects" in err.message and len(web.seen) == 6


def test_size_cap_declared_and_streamed() -> None:
    def chunked(_: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=iter([b"x" * 600, b"y" * 600]), headers={"content-type": "text/plain"})

    web = Web({"https://news.example/big": httpx.Response(200, text="z" * 5000),
               "https://news.example/stream": chunked})
    items = list(iter_items(["https://news.example/big", "https://news.example/stream"], web.config(max_bytes=1000)))
    assert [("cap" in e.message) for e in errors(items)] == [True, True]


def test_timeout_is_an_error() -> None:
    def slow(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("read timed out", request=request)

    web = Web({"https://news.example/slow": slow})
    [err] = list(iter_items(["https://news.example/slow"], web.config(timeout=0.5)))
    assert err.message == "timed out after 0.5s"


def test_http_error_and_unresolvable_host() -> None:
    web = Web({})
    items = list(iter_items(["https://news.example/missing", "https://nowhere.example/"], web.config()))
    assert [e.message for e in errors(items)] == ["HTTP 404", "cannot resolve host 'nowhere.example'"]


def test_custom_fetch_callable(tmp_path: Path) -> None:
    def fetch(url: str) -> Response:
        if url.endswith("/robots.txt"):
            raise RuntimeError("no robots here")
        return Response(url=url, status=200, content_type="text/plain", body=article("f").encode())

    items = list(iter_items(["https://anything.example/a"], IngestConfig(fetch=fetch)))
    assert docs(items)[0].text.startswith("Report f.")


def test_permalink_guid_gives_a_url_slug_id(tmp_path: Path) -> None:
    feed = feed_file(tmp_path, rss(rss_item("https://news.example/2025/08/talks?ref=rss", "Permalink", article("p"),
                                            link="https://news.example/2025/08/talks")))
    [doc] = docs(collect([feed], fetch_entry_pages=False))
    assert doc.id.startswith("news-example-2025-08-talks-") and len(doc.id) == len("news-example-2025-08-talks-") + 8
