"""The JSON endpoints under /api. Handlers are plain ``def``: the store is synchronous, FastAPI
runs them in its thread pool."""

from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from peacetalks import __version__
from peacetalks.api.auth import require_read, require_write
from peacetalks.store import Store

MAX_DOCUMENTS = 500
MAX_EVENTS = 1000
MAX_TEXT = 2_000_000  # characters; a bigger POST is refused rather than parsed
MAX_OFFSET = 10_000_000  # deeper pages are refused (and SQLite integers stay in range)

router = APIRouter(prefix="/api")
read = APIRouter(prefix="/api", dependencies=[Depends(require_read)])


def store_of(request: Request) -> Store:
    return request.app.state.store


def page(items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    """A page and where the next one starts (None when this one is the last)."""
    return {"items": items, "count": len(items), "limit": limit, "offset": offset,
            "next_offset": offset + len(items) if len(items) == limit and limit else None}


@router.get("/health", tags=["meta"])
def health(request: Request) -> JSONResponse:
    ok = store_of(request).ping()
    body = {"status": "ok" if ok else "unavailable", "database": "ok" if ok else "unreachable",
            "version": __version__}
    return JSONResponse(body, status_code=200 if ok else 503)


@read.get("/documents", tags=["documents"])
def list_documents(request: Request, limit: int = Query(50, ge=1, le=MAX_DOCUMENTS), offset: int = Query(0, ge=0, le=MAX_OFFSET),
                   q: Optional[str] = Query(None, max_length=200, description="words in the title or text")
                   ) -> dict[str, Any]:
    return page(store_of(request).documents(limit=limit, offset=offset, q=q), limit, offset)


@read.get("/documents/{doc_id}", tags=["documents"])
def get_document(request: Request, doc_id: str) -> dict[str, Any]:
    found = store_of(request).document(doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found


@read.get("/events", tags=["records"])
def list_events(request: Request,
                actor: Optional[str] = Query(None, description="actor id, or part of a name"),
                country: Optional[str] = Query(None, description="ISO3 code(s) among actors/recipients, comma-separated"),
                type: Optional[str] = Query(None, description="PLOVER event type(s), comma-separated"),
                quad: Optional[str] = Query(None, description="quad class(es), comma-separated"),
                since: Optional[str] = Query(None, description="ISO date, inclusive"),
                until: Optional[str] = Query(None, description="ISO date, inclusive"),
                doc: Optional[str] = Query(None, description="document id"),
                dyad: Optional[str] = Query(None, max_length=7, pattern=r"^[A-Za-z]{3}(-[A-Za-z]{3})?$",
                                            description="ISO3-ISO3: first actor and first recipient are these "
                                                        "two countries, either way round (as the timeline)"),
                order: str = Query("date", pattern="^-?(date|ingested)$"),
                limit: int = Query(100, ge=1, le=MAX_EVENTS), offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    """Events, sorted (undated last), one page. No total is counted (a COUNT over a million
    rows on every page is what this avoids): ``next_offset`` is null on the last page."""
    items = store_of(request).events(actor=actor, country=country, type=type, quad=quad, since=since,
                                     until=until, doc=doc, limit=limit, offset=offset, order=order, dyad=dyad)
    return page(items, limit, offset)


@read.get("/meetings", tags=["records"])
def list_meetings(request: Request, since: Optional[str] = None, until: Optional[str] = None,
                  doc: Optional[str] = None, status: Optional[str] = None, level: Optional[str] = None,
                  actor: Optional[str] = None, limit: int = Query(100, ge=1, le=MAX_EVENTS),
                  offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    items = store_of(request).meetings(since=since, until=until, doc=doc, status=status, level=level,
                                       actor=actor, limit=limit, offset=offset)
    return page(items, limit, offset)


@read.get("/positions", tags=["records"])
def list_positions(request: Request, actor: Optional[str] = None, issue: Optional[str] = None,
                   stance: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
                   doc: Optional[str] = None, limit: int = Query(100, ge=1, le=MAX_EVENTS),
                   offset: int = Query(0, ge=0, le=MAX_OFFSET)) -> dict[str, Any]:
    items = store_of(request).positions(actor=actor, issue=issue, stance=stance, since=since, until=until,
                                        doc=doc, limit=limit, offset=offset)
    return page(items, limit, offset)


@read.get("/stats", tags=["meta"])
def stats(request: Request) -> dict[str, Any]:
    return store_of(request).stats()


class NewDocument(BaseModel):
    """A document to store. With ``result`` (a ``peacetalks code`` output line) it is stored as
    given; without, the server codes it first (needs the NLP model)."""

    id: str = Field(min_length=1, max_length=64)
    text: str = Field(min_length=1, max_length=MAX_TEXT)
    title: Optional[str] = None
    published: Optional[str] = None
    url: Optional[str] = None
    author: Optional[str] = None
    source: Optional[str] = None
    lang: Optional[str] = None
    result: Optional[dict[str, Any]] = None
    sentences: Optional[list[dict[str, Any]]] = None


write = APIRouter(prefix="/api", dependencies=[Depends(require_write)])


@write.post("/documents", tags=["documents"], status_code=201)
def post_document(request: Request, body: NewDocument) -> JSONResponse:
    from peacetalks.records import DocumentResult, Span

    doc = body.model_dump(exclude={"result", "sentences"})
    if body.result is not None:
        try:
            result = DocumentResult.from_dict({**body.result, "id": body.id})
            sentences = [Span.from_dict(s) for s in body.sentences or []]
        except (KeyError, TypeError, ValueError) as exc:
            raise HTTPException(422, f"invalid result: {exc}") from None
    else:
        from peacetalks.pipeline import InputDocument, analyse
        analysis = analyse(InputDocument(id=body.id, text=body.text, title=body.title,
                                         published=body.published, url=body.url))
        result, sentences = analysis.result(), analysis.sentences
    status = store_of(request).save_document(doc, sentences, result)
    return JSONResponse({"id": body.id, "status": status}, status_code=201 if status == "stored" else 200)
