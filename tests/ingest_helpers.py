"""Shared text and helpers for the ingest tests (all text here is written for the tests)."""

from __future__ import annotations

from typing import Iterable

from peacetalks.ingest import Document, IngestConfig, IngestError, Skipped, iter_items

ARTICLE = (
    "Negotiators from both delegations met again on Tuesday in a neutral capital, officials said. "
    "The talks focused on a ceasefire along the front line and on the exchange of prisoners, and both "
    "sides described the meeting as difficult but useful. The foreign minister told reporters that a "
    "summit of the two presidents would only be possible once the key issues had been prepared by the "
    "working groups. He added that his government would not accept foreign troops on its territory. "
    "Western diplomats said they expected a further round of talks before the end of the month, while "
    "the opposition accused the government of making concessions without consulting the parliament."
)
FRENCH = (
    "Les négociateurs des deux délégations se sont de nouveau réunis mardi dans une capitale neutre, "
    "selon des responsables. Les discussions ont porté sur un cessez-le-feu le long de la ligne de front "
    "et sur l'échange de prisonniers, et les deux parties ont qualifié la réunion de difficile mais utile."
)


def article(tag: str) -> str:
    """A distinct English article (different content hash per tag)."""
    return f"Report {tag}. {ARTICLE} This report, number {tag}, was filed by our correspondent."


def collect(inputs: Iterable[str], **config: object) -> list[object]:
    return list(iter_items([str(i) for i in inputs], IngestConfig(**config)))  # type: ignore[arg-type]


def docs(items: list[object]) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def skipped(items: list[object]) -> list[Skipped]:
    return [i for i in items if isinstance(i, Skipped)]


def errors(items: list[object]) -> list[IngestError]:
    return [i for i in items if isinstance(i, IngestError)]
