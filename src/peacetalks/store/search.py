"""Full-text search over documents (title + text): SQLite FTS5 or PostgreSQL full text.

SQLite: ``documents_fts`` is an FTS5 *external-content* table over ``documents`` (no second
copy of the text), tokenizer ``unicode61 remove_diacritics 2``, kept in sync by triggers on
insert/update/delete of documents, so every write path (save, import, a cascade delete) updates
it. Ranked by ``bm25`` with the title weighing 5x the text. The index is keyed by the documents'
implicit rowid, which ``VACUUM`` may renumber: run ``Store.rebuild_search()`` after a VACUUM.
When the SQLite library lacks FTS5 the migration skips the table and queries fall back to a
``LIKE`` scan (every word in the title or text, newest first).

PostgreSQL: a GIN index on ``to_tsvector('english', coalesce(title,'') || ' ' || left(text, 200000))`` queried
with ``websearch_to_tsquery('english', ...)`` built from the same words, ranked by ``ts_rank``
among the PG_RANKED most recent matches (ranking recomputes each match's vector: every match of
a common word would take seconds); the expression in the query is exactly the indexed one, so
the planner uses the index.

Every hit carries ``snippet`` (plain text) and ``fragments`` ([{"text", "hit"}], the snippet cut
at the matched words) for the caller to render, escaping the text itself.
"""

from __future__ import annotations

import re
from typing import Any, Optional

from sqlalchemy import Connection, text

FTS_TABLE = "documents_fts"
PG_INDEX = "ix_documents_fulltext"
START, STOP = "\x02", "\x03"  # highlight markers: control characters news text does not carry
SNIPPET_TOKENS = 32
SNIPPET_CHARS = 90  # the LIKE fallback: characters either side of the first hit
TITLE_WEIGHT = 5.0
PG_RANKED = 1000  # PostgreSQL ranks at most this many matches, the most recent (see _search_pg)
# The first 200,000 characters: a tsvector must stay under 1 MB, and no article is longer.
PG_DOCUMENT = "to_tsvector('english', coalesce(title, '') || ' ' || left(text, 200000))"

_SQLITE_DDL = [
    f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(title, text, content='documents', content_rowid='rowid', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER documents_fts_ai AFTER INSERT ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
    f"CREATE TRIGGER documents_fts_ad AFTER DELETE ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); END",
    f"CREATE TRIGGER documents_fts_au AFTER UPDATE OF title, text ON documents BEGIN "
    f"INSERT INTO {FTS_TABLE}({FTS_TABLE}, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text); "
    f"INSERT INTO {FTS_TABLE}(rowid, title, text) VALUES (new.rowid, new.title, new.text); END",
]
SQLITE_OBJECTS = (FTS_TABLE, "documents_fts_ai", "documents_fts_ad", "documents_fts_au")


def outside_metadata(name: Optional[str]) -> bool:
    """The full-text objects schema.py does not describe (FTS5 tables and shadow tables, the
    expression index): autogenerate and schema comparisons leave them alone."""
    return bool(name) and (str(name).startswith(FTS_TABLE) or name == PG_INDEX)


def fts5_available(conn: Connection) -> bool:
    rows = conn.exec_driver_sql("PRAGMA compile_options").scalars().all()
    if any(str(r).upper().startswith("ENABLE_FTS5") for r in rows):
        return True
    try:  # FTS5 may also be a loadable/builtin module without the compile option listed
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
        conn.exec_driver_sql("DROP TABLE temp.fts5_probe")
        return True
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False


def install(conn: Connection) -> None:
    """Create the index and fill it from the stored documents (migration 0003)."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"CREATE INDEX IF NOT EXISTS {PG_INDEX} ON documents USING gin (({PG_DOCUMENT}))"))
        return
    if not fts5_available(conn):
        return  # queries fall back to LIKE (see has_fts)
    for ddl in _SQLITE_DDL:
        conn.exec_driver_sql(ddl)
    rebuild(conn)


def uninstall(conn: Connection) -> None:
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"DROP INDEX IF EXISTS {PG_INDEX}"))
        return
    for trigger in SQLITE_OBJECTS[1:]:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def rebuild(conn: Connection) -> None:
    """Re-read every document into the SQLite index (after a VACUUM, or to repair it)."""
    if conn.dialect.name == "sqlite" and has_fts(conn):
        conn.exec_driver_sql(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('rebuild')")


def has_fts(conn: Connection) -> bool:
    """Whether this database has its full-text index (PostgreSQL always answers with full text)."""
    if conn.dialect.name == "postgresql":
        return True
    found = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (FTS_TABLE,))
    return found.first() is not None


# ------------------------------------------------------------------ queries

MAX_WORDS = 8
_WORD = re.compile(r"\w[\w'-]*", re.UNICODE)


def words(q: str) -> list[str]:
    """The distinct words of a query, at most MAX_WORDS, each at most 50 characters."""
    return list(dict.fromkeys(w.lower()[:50] for w in _WORD.findall(q or "")))[:MAX_WORDS]


_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)  # what unicode61 indexes: letters and digits


def tokens(words: list[str]) -> list[str]:
    """The index tokens of query words ("don't" -> "don", "t"): no FTS syntax gets through."""
    return list(dict.fromkeys(t for w in words for t in _TOKEN.findall(w.lower())))


def search(conn: Connection, words: list[str], limit: int, offset: int) -> list[dict[str, Any]]:
    """Documents containing every word, best first, each with a highlighted snippet."""
    if conn.dialect.name == "postgresql":
        return _search_pg(conn, words, limit, offset)
    if has_fts(conn):
        return _search_fts5(conn, words, limit, offset)
    return _search_like(conn, words, limit, offset)


def _search_fts5(conn: Connection, words: list[str], limit: int, offset: int) -> list[dict[str, Any]]:
    toks = tokens(words)
    if not toks:
        return []
    match = " ".join(f'"{t}"' for t in toks)  # quoted tokens: AND of plain terms, never operators
    sql = (f"SELECT d.id, d.title, d.published, d.source, d.url, "
           f"snippet({FTS_TABLE}, 1, ?, ?, '…', {SNIPPET_TOKENS}) AS snip "
           f"FROM {FTS_TABLE} JOIN documents d ON d.rowid = {FTS_TABLE}.rowid "
           f"WHERE {FTS_TABLE} MATCH ? ORDER BY bm25({FTS_TABLE}, {TITLE_WEIGHT}, 1.0), d.id LIMIT ? OFFSET ?")
    rows = conn.exec_driver_sql(sql, (START, STOP, match, limit, offset)).all()
    return [_hit(r.id, r.title, r.published, r.source, r.url, r.snip) for r in rows]


def _search_pg(conn: Connection, words: list[str], limit: int, offset: int) -> list[dict[str, Any]]:
    # websearch_to_tsquery never raises on user input; the words are quoted one by one so that
    # "or" and "-" in a query are words, not operators, and every word is required.
    # The GIN index finds the matches; ts_rank must recompute each match's vector, so only the
    # PG_RANKED most recent matches are ranked (a common word matches most of a big corpus), and
    # ts_headline runs on the returned page only.
    query = " ".join('"' + w.replace('"', " ") + '"' for w in words)
    sql = text(f"WITH q AS (SELECT websearch_to_tsquery('english', :query) AS q), "
               f"hits AS (SELECT id, title, published, source, url, text FROM documents, q "
               f"WHERE {PG_DOCUMENT} @@ q.q ORDER BY published DESC NULLS LAST, id LIMIT :ranked), "
               f"page AS (SELECT hits.*, ts_rank({PG_DOCUMENT}, q.q) AS rank FROM hits, q "
               f"ORDER BY rank DESC, id LIMIT :limit OFFSET :offset) "
               f"SELECT id, title, published, source, url, ts_headline('english', text, q.q, :opts) AS snip "
               f"FROM page, q ORDER BY rank DESC, id")
    opts = f"StartSel={START}, StopSel={STOP}, MaxWords=35, MinWords=15, MaxFragments=1"
    rows = conn.execute(sql, {"query": query, "opts": opts, "limit": limit, "offset": offset,
                              "ranked": PG_RANKED}).all()
    return [_hit(r.id, r.title, r.published, r.source, r.url, r.snip) for r in rows]


def _search_like(conn: Connection, words: list[str], limit: int, offset: int) -> list[dict[str, Any]]:
    from sqlalchemy import and_, func, or_, select

    from peacetalks.store import schema as s

    d = s.documents

    def has(column: Any, w: str) -> Any:
        return func.lower(column).contains(w.lower(), autoescape=True)

    stmt = (select(d.c.id, d.c.title, d.c.published, d.c.source, d.c.url, d.c.text)
            .where(and_(*[or_(has(d.c.title, w), has(d.c.text, w)) for w in words]))
            .order_by(d.c.published.is_(None), d.c.published.desc(), d.c.id).limit(limit).offset(offset))
    return [_hit(r.id, r.title, r.published, r.source, r.url, _marked(r.text, words))
            for r in conn.execute(stmt)]


def _marked(body: str, words: list[str]) -> str:
    """A window around the first hit with every word marked (the LIKE fallback's snippet)."""
    body = _clean(body)
    low = body.lower()
    hits = [i for i in (low.find(w.lower()) for w in words) if i >= 0]
    at = min(hits) if hits else 0
    start, end = max(0, at - SNIPPET_CHARS), min(len(body), at + SNIPPET_CHARS)
    window = " ".join(body[start:end].split())
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)), re.IGNORECASE)
    window = pattern.sub(lambda m: START + m.group(0) + STOP, window)
    return ("…" if start else "") + window + ("…" if end < len(body) else "")


def _clean(value: str) -> str:
    return value.replace(START, "").replace(STOP, "")


def fragments(marked: str) -> list[dict[str, Any]]:
    """'a \\x02b\\x03 c' -> [{"text": "a ", "hit": False}, {"text": "b", "hit": True}, ...]."""
    out: list[dict[str, Any]] = []
    for i, part in enumerate(re.split(f"[{START}{STOP}]", marked)):
        if part:
            out.append({"text": part, "hit": i % 2 == 1})
    return out


def _hit(doc_id: str, title: Optional[str], published: Any, source: Optional[str], url: Optional[str],
         marked: Optional[str]) -> dict[str, Any]:
    marked = " ".join((marked or "").split())
    frags = fragments(marked)
    return {"id": doc_id, "title": title, "published": _iso(published), "source": source, "url": url,
            "snippet": "".join(f["text"] for f in frags), "fragments": frags}


def _iso(value: Any) -> Optional[str]:
    if value is None:
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)[:10]
