"""Text hygiene: decoding bytes, cleaning text for the pipeline, content hashes, slugs.

``normalise_text`` produces the text the pipeline sees (offsets point into it), so it only
removes what carries no meaning: control characters, invisible format characters that split
words ("Zelen<ZWSP>sky"), bidi overrides (the "Trojan source" trick), odd spaces and line ends.
Letters of any script, right-to-left included, are kept as they are (NFC).
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from typing import Optional

# Characters deleted outright: C0/C1 controls except tab and newline, DEL, invisible format
# characters that never carry meaning in news text, bidi embeddings/overrides/isolates and marks,
# noncharacters. ZWJ/ZWNJ are kept (they matter in Persian, Indic scripts and emoji) except
# between two Latin letters, where they only break words.
_DROP = (
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff]"
)
_DROP_RE = re.compile(_DROP)
_LATIN_JOINER_RE = re.compile(r"(?<=[A-Za-z])[\u200c\u200d](?=[A-Za-z])")
_SPACES_RE = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_LINE_ENDS_RE = re.compile("\r\n?|[\u2028\u2029\x85]")
_TRAILING_RE = re.compile(r"[ \t]+(?=\n)")
_MANY_BLANKS_RE = re.compile(r"\n{3,}")


def normalise_text(text: str) -> str:
    """The cleaned, NFC text of a document (see the module docstring for what is removed)."""
    text = _LINE_ENDS_RE.sub("\n", text)  # before _DROP: \x85 is a C1 control but a line end
    text = _DROP_RE.sub("", text)
    text = _LATIN_JOINER_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    text = unicodedata.normalize("NFC", text)
    text = _TRAILING_RE.sub("", text)
    text = _MANY_BLANKS_RE.sub("\n\n", text)
    return text.strip()


def clean_field(value: object) -> Optional[str]:
    """A metadata string (title, author...) on one line, or None when empty."""
    if value is None:
        return None
    text = " ".join(normalise_text(str(value)).split())
    return text or None


_NON_WORD_RE = re.compile(r"[\W_]+")


def _hash_key(text: str) -> str:
    # NFKC folds compatibility forms (ligatures, full-width letters); then every run of
    # non-alphanumerics becomes one space, so curly vs straight quotes, dashes, entities and
    # re-wrapped lines all hash the same.
    text = unicodedata.normalize("NFKC", normalise_text(text)).casefold()
    return _NON_WORD_RE.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """sha256 hex of the text folded for comparison: case, punctuation and spacing ignored."""
    return hashlib.sha256(_hash_key(text).encode("utf-8")).hexdigest()


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_bytes(data: bytes, declared: Optional[str] = None) -> str:
    """Bytes to text, never raising: BOM, then UTF-8, then the declared charset, then
    charset_normalizer's guess, then cp1252 with replacement characters."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(encoding, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    for encoding in (declared, _guess_encoding(data)):
        if encoding:
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                continue
    return data.decode("cp1252", errors="replace")


def _guess_encoding(data: bytes) -> Optional[str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it comes with requests/trafilatura
        return None
    best = from_bytes(data[:65536]).best()
    return best.encoding if best is not None else None


_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slugify(value: str, max_len: int = 60) -> str:
    """A lowercase ASCII slug ("Putin Delays Talks!" -> "putin-delays-talks"); "" if nothing left."""
    ascii_text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    slug = _SLUG_RE.sub("-", ascii_text.lower()).strip("-")
    return slug[:max_len].rstrip("-")


def url_slug(url: str) -> str:
    """A stable id for a URL: host and path as a slug plus a short hash of the whole URL, so two
    URLs differing only in their query string still get different ids."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    base = slugify(f"{parts.hostname or ''} {parts.path}") or "url"
    return f"{base}-{hashlib.sha1(url.encode('utf-8', 'surrogatepass')).hexdigest()[:8]}"
