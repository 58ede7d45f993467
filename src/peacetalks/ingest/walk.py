"""``iter_items``: inputs (paths, folders, URLs, "-") -> Document | Skipped | IngestError.

One ``_Run`` per call holds the HTTP client, the robots cache, and the ids and content hashes
already yielded (for unique ids and in-run de-duplication). Every reader yields ``Raw``
items; ``_Run.finish`` turns them into Documents (clean text, language, hash, id).
"""

from __future__ import annotations

import gzip
import os
import re
import sys
import zlib
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Optional

from peacetalks.ingest.fetch import FetchError, Fetcher
from peacetalks.ingest.langid import detect_language
from peacetalks.ingest.model import Document, IngestConfig, IngestError, Item, Skipped
from peacetalks.ingest.normalise import clean_field, content_hash, normalise_text, slugify, url_slug
from peacetalks.ingest.readers import Raw
from peacetalks.ingest.readers.feeds import iter_feed
from peacetalks.ingest.readers.html import fragment_to_text, read_html
from peacetalks.ingest.readers.jsonl import iter_json, iter_jsonl
from peacetalks.ingest.readers.opml import OPMLError, feed_urls
from peacetalks.ingest.readers.text import read_text
from peacetalks.ingest.sniff import sniff, sniff_bytes

_MAX_OPML_DEPTH = 2
_TAG_RE = re.compile(r"<[A-Za-z/][^>]*>")
_LANG_NAMES = {"en": "English"}


def iter_items(inputs: Iterable[str], config: Optional[IngestConfig] = None) -> Iterator[Item]:
    """Read every input in order; bad items become IngestError and iteration goes on."""
    run = _Run(config or IngestConfig())
    try:
        for spec in inputs:
            yield from run.input(str(spec))
    finally:
        run.fetcher.close()


_URL_RE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def _is_url(spec: str) -> bool:
    """Anything with a scheme is a URL (the fetcher refuses schemes other than http/https)."""
    return bool(_URL_RE.match(spec))


class _Run:
    def __init__(self, config: IngestConfig) -> None:
        self.config = config
        self.fetcher = Fetcher(config)
        self.ids: set[str] = set()
        self.hashes: dict[str, str] = {}

    # -- inputs -------------------------------------------------------------------------
    def input(self, spec: str, opml_depth: int = 0) -> Iterator[Item]:
        try:
            if _is_url(spec):
                yield from self.url(spec, opml_depth)
            elif spec == "-":
                yield from self.stream(sys.stdin.buffer, "<stdin>", "stdin")
            else:
                yield from self.path(Path(spec), opml_depth)
        except Exception as exc:  # noqa: BLE001 - one bad input must not end the run
            yield IngestError(spec, None, f"unexpected {type(exc).__name__}: {exc}")

    def path(self, path: Path, opml_depth: int = 0) -> Iterator[Item]:
        if path.is_dir():
            yield from self.folder(path)
        elif path.exists():
            yield from self.file(path, str(path), _id_base(Path(path.name)), opml_depth)
        else:
            yield IngestError(str(path), None, "no such file or directory")

    def folder(self, root: Path) -> Iterator[Item]:
        for dirpath, dirnames, filenames in os.walk(root, onerror=None):
            hidden = sorted(d for d in dirnames if d.startswith("."))
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for d in hidden:
                yield Skipped(str(Path(dirpath, d)), "hidden directory")
            for name in sorted(filenames):
                path = Path(dirpath, name)
                if name.startswith("."):
                    yield Skipped(str(path), "hidden file")
                    continue
                yield from _guarded(self.file(path, str(path), _id_base(path.relative_to(root))), str(path))

    def file(self, path: Path, source: str, stem: str, opml_depth: int = 0) -> Iterator[Item]:
        try:
            fmt = sniff(path)
            size = path.stat().st_size
        except OSError as exc:
            yield IngestError(source, None, f"cannot read: {exc.strerror or exc}")
            return
        if fmt == "jsonl":
            with open(path, "rb") as f:
                yield from self.finish_all(iter_jsonl(f, source, stem, self.config.max_bytes))
            return
        if fmt == "gzip":
            yield from self.gzip_file(path, source, stem)
            return
        if fmt in ("binary", "empty", "xml"):
            yield self.unsupported(fmt, source)
            return
        if size > self.config.max_bytes:
            yield IngestError(source, None, f"file of {size} bytes is over the {self.config.max_bytes}-byte cap")
            return
        yield from self.content(path.read_bytes(), fmt, source, stem, base=path.parent, opml_depth=opml_depth)

    def gzip_file(self, path: Path, source: str, stem: str) -> Iterator[Item]:
        """A gzipped file, read through (the size cap applies to what it inflates to)."""
        inner = path.stem if path.suffix.lower() == ".gz" else path.name
        try:
            with gzip.open(path, "rb") as f:
                yield from self.stream(f, source, stem, name=inner)  # type: ignore[arg-type]
        except (OSError, EOFError, zlib.error) as exc:
            yield IngestError(source, None, f"unreadable gzip: {exc}")

    def stream(self, stream: BinaryIO, source: str, stem: str, name: str = "") -> Iterator[Item]:
        head = stream.peek(8192)[:8192] if hasattr(stream, "peek") else b""
        fmt = sniff_bytes(head, name=name)
        if fmt in ("binary", "empty", "xml", "gzip"):
            yield self.unsupported(fmt, source)
            return
        if fmt == "jsonl":
            yield from self.finish_all(iter_jsonl(stream, source, stem, self.config.max_bytes))
            return
        data = stream.read(self.config.max_bytes + 1)
        if len(data) > self.config.max_bytes:
            yield IngestError(source, None, f"input over the {self.config.max_bytes}-byte cap")
            return
        yield from self.content(data, sniff_bytes(data[:8192], name=name), source, stem)

    def url(self, url: str, opml_depth: int = 0) -> Iterator[Item]:
        try:
            response = self.fetcher.get(url)
        except FetchError as exc:
            yield IngestError(url, None, str(exc))
            return
        fmt = sniff_bytes(response.body[:8192], name=response.url.split("?")[0], content_type=response.content_type)
        if fmt in ("binary", "empty", "xml", "gzip"):
            yield self.unsupported(fmt, url)
            return
        yield from self.content(response.body, fmt, url, url_slug(url), url=response.url,
                                charset=response.charset, opml_depth=opml_depth)

    # -- formats ------------------------------------------------------------------------
    def content(self, data: bytes, fmt: str, source: str, stem: str, url: Optional[str] = None,
                charset: Optional[str] = None, base: Optional[Path] = None,
                opml_depth: int = 0) -> Iterator[Item]:
        if fmt == "html":
            yield self.finish(read_html(data, source, stem, url=url, charset=charset))
        elif fmt == "text":
            raw = read_text(data, source, stem)
            raw.url = raw.url or url
            yield self.finish(raw)
        elif fmt in ("json", "jsonl"):
            yield from self.finish_all(iter_json(data, source, stem))
        elif fmt == "feed":
            yield from self.finish_all(iter_feed(data, source, self.config, self.fetcher))
        elif fmt == "opml":
            yield from self.opml(data, source, base, opml_depth)
        else:
            yield self.unsupported(fmt, source)

    def opml(self, data: bytes, source: str, base: Optional[Path], depth: int) -> Iterator[Item]:
        try:
            feeds = feed_urls(data)
        except OPMLError as exc:
            yield IngestError(source, None, str(exc))
            return
        if not self.config.follow_opml or depth >= _MAX_OPML_DEPTH:
            why = "follow_opml is off" if not self.config.follow_opml else "OPML nested too deeply"
            yield Skipped(source, f"{len(feeds)} feeds listed, not followed ({why})")
            return
        for feed in feeds:
            target = feed if _is_url(feed) or base is None else str(base / feed)
            if not _is_url(target) and base is None:
                yield IngestError(source, None, f"feed {feed!r} is neither a URL nor a local file")
                continue
            yield from self.input(target, depth + 1)

    @staticmethod
    def unsupported(fmt: str, source: str) -> Item:
        if fmt == "empty":
            return Skipped(source, "empty file")
        if fmt in ("binary", "gzip"):
            return Skipped(source, "binary file" if fmt == "binary" else "nested gzip")
        return IngestError(source, None, "unsupported format: XML that is neither a feed nor OPML")

    # -- documents ----------------------------------------------------------------------
    def finish_all(self, items: Iterable[Raw | Skipped | IngestError]) -> Iterator[Item]:
        for item in items:
            yield self.finish(item) if isinstance(item, Raw) else item

    def finish(self, raw: Raw) -> Item:
        text = normalise_text(raw.text)
        given_id = (clean_field(raw.id) or None) if raw.id is not None else None
        if not text:
            return Skipped(raw.source, "empty text", given_id)
        if len(text) > self.config.max_chars:
            return IngestError(raw.source, None, f"text of {len(text)} characters is over the "
                                                 f"{self.config.max_chars}-character cap (max_chars)")
        lang, confidence = detect_language(text)
        if lang and lang not in self.config.languages and confidence >= self.config.min_lang_confidence:
            wanted = ", ".join(_LANG_NAMES.get(code, code) for code in sorted(self.config.languages))
            return Skipped(raw.source, f"not {wanted} (detected: {lang})", given_id)
        digest = content_hash(text)
        if self.config.dedupe and digest in self.hashes:
            return Skipped(raw.source, f"duplicate content of {self.hashes[digest]}", given_id)
        doc_id = given_id or self.new_id(raw.id_hint)
        self.ids.add(doc_id)
        self.hashes.setdefault(digest, doc_id)
        return Document(
            id=doc_id, text=text, title=_clean_title(raw.title), published=raw.published,
            url=clean_field(raw.url), author=clean_field(raw.author), source=raw.source, lang=lang,
            content_hash=digest,
        )

    def new_id(self, hint: str) -> str:
        base = hint or "doc"
        candidate, n = base, 1
        while candidate in self.ids:
            n += 1
            candidate = f"{base}-{n}"
        return candidate


def _guarded(items: Iterator[Item], source: str) -> Iterator[Item]:
    """The items of one file; a crash in a reader ends that file only, as an IngestError."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - one bad file must not end the folder
        yield IngestError(source, None, f"unexpected {type(exc).__name__}: {exc}")


def _id_base(rel: Path) -> str:
    """The id base of a file: its path (relative to the folder given) without extensions."""
    if rel.suffix.lower() == ".gz":
        rel = rel.with_suffix("")
    return slugify(str(rel.with_suffix(""))) or "doc"


def _clean_title(title: Optional[str]) -> Optional[str]:
    """Feed titles sometimes carry markup ("<b>Breaking</b>: ..."); keep the words."""
    if title and _TAG_RE.search(title):
        title = fragment_to_text(title)
    return clean_field(title)
