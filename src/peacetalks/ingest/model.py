"""The values ``iter_items`` yields (Document, Skipped, IngestError) and its configuration."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Optional

from peacetalks import __version__

if TYPE_CHECKING:  # pragma: no cover
    import httpx

    from peacetalks.ingest.fetch import Response
    from peacetalks.pipeline import InputDocument


@dataclass
class Document:
    """One article ready for the pipeline."""

    id: str
    text: str
    title: Optional[str]
    published: Optional[str]
    url: Optional[str]
    author: Optional[str]
    source: str
    lang: Optional[str]
    content_hash: str

    def to_input(self) -> "InputDocument":
        from peacetalks.pipeline import InputDocument

        return InputDocument(id=self.id, text=self.text, title=self.title,
                             published=self.published, url=self.url)

    def to_dict(self) -> dict[str, object]:
        return dict(self.__dict__)


@dataclass
class Skipped:
    """An input deliberately left out (not English, empty, binary, hidden, duplicate...)."""

    source: str
    reason: str
    id: Optional[str] = None

    def __str__(self) -> str:
        return f"{self.source}: skipped: {self.reason}"


@dataclass
class IngestError:
    """An input that could not be read; iteration goes on after it."""

    source: str
    line: Optional[int]
    message: str

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


Item = Document | Skipped | IngestError


@dataclass
class IngestConfig:
    """How inputs are read and fetched.

    ``transport`` (an httpx transport, e.g. ``httpx.MockTransport``) and ``resolver``
    (host -> list of IP strings) let tests run without any network; ``fetch`` replaces the
    whole HTTP layer (url -> Response) when a caller has its own crawler.
    """

    timeout: float = 20.0
    max_bytes: int = 20_000_000
    # The NLP pipeline's time and memory grow with a document's length; a text longer than
    # this (about 80,000 words, far beyond any news article) is an IngestError, not a hang.
    max_chars: int = 500_000
    allow_private: bool = False
    user_agent: str = f"peacetalks/{__version__} (+https://github.com/peacetalks)"
    respect_robots: bool = True
    fetch_entry_pages: bool = True
    min_summary_chars: int = 600
    follow_opml: bool = True
    languages: frozenset[str] = frozenset({"en"})  # documents in other languages are Skipped
    min_lang_confidence: float = 0.5  # below it a document is kept (unsure is not "foreign")
    dedupe: bool = True  # the same content twice in one run: Skipped the second time
    max_redirects: int = 5
    transport: Optional["httpx.BaseTransport"] = None
    resolver: Optional[Callable[[str], list[str]]] = None
    fetch: Optional[Callable[[str], "Response"]] = None
    extra_headers: dict[str, str] = field(default_factory=dict)
