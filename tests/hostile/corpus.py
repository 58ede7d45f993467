"""A hostile input corpus, written into a folder at test time.

Each case is a file plus what ``peacetalks ingest`` must make of it: ``stored`` (a correct
document), ``skipped`` (left out with a reason) or ``failed`` (a clear error naming the file).
All article text is invented for the tests.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional

BODY = (
    "Negotiators from both delegations met again on Tuesday in Geneva, officials said. "
    "The talks focused on a ceasefire along the front line and on the exchange of prisoners. "
    "The foreign minister told reporters that his government would not accept foreign troops. "
    "Western diplomats said they expected a further round of talks before the end of the month."
)

BOMB_PROLOG = ('<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
               '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')
EXTERNAL_PROLOG = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def article(tag: str) -> str:
    """A distinct English article (its own content hash)."""
    return f"Report {tag}. {BODY} This report, number {tag}, was filed by our correspondent."


@dataclass
class Case:
    name: str  # file name inside the corpus folder
    data: bytes
    outcome: str  # stored | skipped | failed (for a container: the outcome of every item)
    # Extra check on the stored document's text, if any (e.g. no script text leaked).
    check: Optional[Callable[[str], bool]] = None
    items: Optional[dict[str, int]] = None  # for containers: expected counts by status


def _rss(items: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0" encoding="utf-8"?>{prolog}<rss version="2.0"><channel>'
            f"<title>Feed</title><link>https://news.example/</link>{items}</channel></rss>").encode()


def _item(guid: str, tag: str, date: Optional[str]) -> str:
    date_xml = f"<pubDate>{date}</pubDate>" if date else ""
    return (f"<item><guid>{guid}</guid><title>Story {tag}</title>{date_xml}"
            f"<description><![CDATA[<p>{article(tag)}</p>]]></description></item>")


def _nested_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + f"<p>{article('nested')}</p>" + "</div>" * depth
            + "</body></html>").encode()


def _script_html() -> bytes:
    junk = "".join(
        f'<script>document.write("SCRIPTLEAK{i}")</script><iframe src="https://ads.example/{i}">IFRAMELEAK</iframe>'
        f'<img src=x onerror="alert(\'ONERRORLEAK\')"><style>body{{color:red}}</style>'
        for i in range(300)
    )
    return (f"<html><head><title>Talks resume</title><script>var SCRIPTLEAK=1;</script></head><body>{junk}"
            f"<article><h1>Talks resume</h1><p>{article('scripts')}</p><script>SCRIPTLEAK()</script>"
            f"<p>{BODY}</p></article>{junk}</body></html>").encode()


def _no_leak(text: str) -> bool:
    return not any(s in text for s in ("SCRIPTLEAK", "IFRAMELEAK", "ONERRORLEAK", "<script", "color:red"))


def _jsonl_broken() -> bytes:
    lines = [
        '{"id": "jl-good-1", "text": "%s"}' % article("jl1"),
        '{"id": "jl-broken", "text": "unterminated',
        "not json at all",
        "[1, 2, 3]",
        '{"id": "jl-notext", "title": "no text field"}',
        '{"id": "jl-good-2", "text": "%s"}' % article("jl2"),
        '{"id": "jl-empty", "text": ""}',
    ]
    return ("\n".join(lines) + "\n").encode()


def cases(rng: random.Random) -> list[Case]:
    """The corpus (about 5 MB in all). The 100 MB file is made separately."""
    words = BODY.split()
    rtl = ("Report rtl. \u202bهذا نص عربي\u202c " + BODY
           + " \u200f\u200eשלום\u200b zero\u200bwidth\u2060joiner \u200dsoft\u00adhyphen and more text about talks.")
    return [
        Case("empty.txt", b"", "skipped"),
        Case("blank.txt", b"  \n\t \r\n ", "skipped"),
        Case("random.bin", bytes(rng.getrandbits(8) for _ in range(4096)), "skipped"),
        Case("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(rng.getrandbits(8) for _ in range(2048)), "skipped"),
        Case("noext", bytes(rng.getrandbits(8) for _ in range(2048)), "skipped"),
        Case("invalid-utf8.txt", article("badutf8").encode()[:80] + b"\xff\xfe\xc3\x28\xa0\xa1" +
             article("badutf8b").encode(), "stored"),
        Case("mixed-encodings.txt", article("mixed").encode() + " Caf\u00e9 in K\u00f6ln".encode("latin-1")
             + " na\u00efve \u2014 \u201cquoted\u201d".encode(), "stored"),
        Case("utf16.txt", article("utf16").encode("utf-16"), "stored",
             check=lambda t: "Report utf16." in t),
        Case("nul-bytes.txt", article("nul").replace(" ", " \x00", 20).encode(), "stored",
             check=lambda t: "\x00" not in t),
        Case("rtl-zero-width.txt", rtl.encode(), "stored",
             check=lambda t: "\u200b" not in t and "\u202b" not in t and "هذا" in t and "שלום" in t),
        Case("one-word.txt", b"Ceasefire", "stored"),
        Case("nested.html", _nested_html(20000), "stored", check=lambda t: "Report nested." in t),
        Case("scripts.html", _script_html(), "stored", check=_no_leak),
        Case("bomb.rss", _rss(_item("b1", "bomb", None), BOMB_PROLOG), "failed"),
        Case("xxe.rss", _rss(_item("x1", "xxe", None), EXTERNAL_PROLOG), "failed"),
        Case("bomb.opml", (f'<?xml version="1.0"?>{BOMB_PROLOG}<opml version="2.0"><body>'
                           '<outline xmlUrl="&lol3;"/></body></opml>').encode(), "failed"),
        Case("dates-guids.rss", _rss(
            _item("urn:uuid:1", "future", "Tue, 10 Aug 2077 09:00:00 +0000")
            + _item("urn:uuid:2", "nodate", None)
            + _item("urn:uuid:2", "dupguid", "Sun, 10 Aug 2025 09:00:00 +0200")
            + _item("urn:uuid:3", "baddate", "the day after tomorrow")), "stored",
             items={"stored": 3}),
        Case("broken.jsonl", _jsonl_broken(), "mixed", items={"stored": 2, "failed": 4, "skipped": 1}),
        Case("giant-line.txt", ("Report giantline. " + " ".join(rng.choice(words) for _ in range(150_000)))
             .encode(), "failed"),  # over max_chars: a clear error, not an hour of parsing
        Case("giant-token.txt", b"Report gianttoken. " + b"x" * 1_500_000, "failed"),
        Case("long.txt", many_words(4000, rng).encode(), "stored"),
        Case("words-200k.txt", many_words(200_000, rng).encode(), "failed"),  # over max_chars
    ]


def write_corpus(folder: Path, rng: random.Random) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    made = cases(rng)
    for case in made:
        (folder / case.name).write_bytes(case.data)
    return made


def big_text(path: Path, megabytes: int, rng: random.Random) -> None:
    """A text file of ``megabytes`` MB written in pieces (never held in memory at once)."""
    words = BODY.split()
    block = (" ".join(rng.choice(words) for _ in range(20_000)) + "\n").encode()
    with open(path, "wb") as f:
        written = 0
        while written < megabytes * 1_000_000:
            f.write(block)
            written += len(block)


def many_words(n: int, rng: random.Random) -> str:
    """An English text of ``n`` words in sentences and paragraphs."""
    words = BODY.replace(".", "").replace(",", "").split()
    out: list[str] = ["Report manywords."]
    for i in range(0, n, 15):
        out.append(" ".join(rng.choice(words) for _ in range(15)).capitalize() + ".")
        if i % 300 == 0:
            out.append("\n\n")
    return " ".join(out)
