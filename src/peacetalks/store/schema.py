"""The store's tables (SQLAlchemy Core), the single description the migrations follow.

Every record table keeps the full SPEC record as JSON (``record``) so what comes out is exactly
what went in, plus real, indexed columns for everything a query filters or sorts on. Timestamps
are ISO-8601 UTC strings (``...Z``) so SQLite and PostgreSQL store and export identical values;
calendar dates are ``Date`` columns so ``since``/``until`` compare as dates on both backends.
``effective_date`` is the record's own date or, failing that, the document's publication date:
the one indexed column the date filters use.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON, Column, Date, Float, ForeignKey, ForeignKeyConstraint, Index, Integer, LargeBinary,
    MetaData, String, Table, Text,
)

# Constraint names are explicit so later migrations (and SQLite batch mode) can refer to them.
metadata = MetaData(naming_convention={
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

ID = String(64)
CASCADE = "CASCADE"


def _doc_fk() -> ForeignKey:
    return ForeignKey("documents.id", ondelete=CASCADE)


story_clusters = Table(
    "story_clusters", metadata,
    Column("id", ID, primary_key=True),  # stable: derived from the first document's id
    Column("representative", ID, nullable=False),  # the first stored document of the story
    Column("created_at", String(32), nullable=False),
)

documents = Table(
    "documents", metadata,
    Column("id", ID, primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("text", Text, nullable=False),
    Column("title", Text),
    Column("published", Date, index=True),
    Column("url", Text),
    Column("author", Text),
    Column("source", Text),
    Column("lang", String(16)),
    Column("cluster_id", ID, ForeignKey("story_clusters.id"), index=True),
    Column("ingested_at", String(32), nullable=False, index=True),
    # the ingest run that stored it (migration 0002); exported as the run's uid
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete="SET NULL"), index=True),
)

# MinHash signature per document and its LSH band buckets (the candidate index for near duplicates).
doc_signatures = Table(
    "doc_signatures", metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("signature", LargeBinary, nullable=False),
)

minhash_bands = Table(
    "minhash_bands", metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("band", Integer, primary_key=True),
    Column("bucket", String(16), nullable=False),
    Index("ix_minhash_bands_band_bucket", "band", "bucket"),
)

sentences = Table(
    "sentences", metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
)

events = Table(
    "events", metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("sentence", Integer, nullable=False),
    Column("date", Date),
    Column("effective_date", Date),
    Column("event_type", String(16), nullable=False),
    Column("quad", String(24), nullable=False),
    Column("cameo", String(8)),
    Column("mode", String(32)),
    Column("polarity", String(12)),
    Column("modality", String(16)),
    Column("intensity", Float),
    Column("confidence", Float),
    # The dyad: the first actor and first recipient, as actor id or country:sector key.
    Column("actor_key", String(128)),
    Column("recipient_key", String(128)),
    Column("actor_country", String(8)),
    Column("recipient_country", String(8)),
    Column("location_name", Text),
    Column("location_country", String(8)),
    Column("location_geonameid", Integer),
    Column("lat", Float),
    Column("lon", Float),
    Column("record", JSON, nullable=False),
    # actor_country and recipient_country in alphabetical order ("RUS-UKR"): the dyad filter in
    # either direction as one indexed equality (migration 0003)
    Column("dyad", String(24)),
    # the list order (effective_date, then position in the document) straight from an index, so
    # a page of a million events reads only its own rows (migration 0003)
    Index("ix_events_order", "effective_date", "doc_id", "sentence", "id"),
    Index("ix_events_dyad_order", "dyad", "effective_date", "doc_id", "sentence", "id"),
    Index("ix_events_date", "date"),  # since/until filter the event's own date (migration 0002)
    Index("ix_events_event_type_effective_date", "event_type", "effective_date"),
    Index("ix_events_quad_effective_date", "quad", "effective_date"),
    Index("ix_events_dyad_key", "actor_key", "recipient_key", "effective_date"),
    Index("ix_events_dyad_country", "actor_country", "recipient_country", "effective_date"),
    Index("ix_events_id", "id"),
)

# Actors and recipients (and the reporting source) of each event, one row each: the filter table.
event_actors = Table(
    "event_actors", metadata,
    Column("doc_id", ID, primary_key=True),
    Column("event_id", ID, primary_key=True),
    Column("role", String(12), primary_key=True),  # actor | recipient | source
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("actor_id", String(128)),
    Column("name", Text),
    Column("country", String(8)),
    Column("sector", String(8)),
    ForeignKeyConstraint(["doc_id", "event_id"], ["events.doc_id", "events.id"], ondelete=CASCADE),
    Index("ix_event_actors_actor_id_role", "actor_id", "role"),
    Index("ix_event_actors_country_role", "country", "role"),
)

actor_mentions = Table(
    "actor_mentions", metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("actor_id", String(128), index=True),
    Column("name", Text),
    Column("country", String(8), index=True),
    Column("sector", String(8)),
    Column("record", JSON, nullable=False),
)

place_mentions = Table(
    "place_mentions", metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text),
    Column("geonameid", Integer, index=True),
    Column("lat", Float),
    Column("lon", Float),
    Column("country", String(8), index=True),
    Column("admin1", Text),
    Column("feature", String(16)),
    Column("record", JSON, nullable=False),
)

meetings = Table(
    "meetings", metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("sentence", Integer),
    Column("level", String(24), nullable=False),
    Column("format", String(16), nullable=False),
    Column("status", String(16), nullable=False, index=True),
    Column("date", Date),
    Column("effective_date", Date, index=True),
    Column("place_name", Text),
    Column("place_country", String(8)),
    Column("record", JSON, nullable=False),
)

meeting_participants = Table(
    "meeting_participants", metadata,
    Column("doc_id", ID, primary_key=True),
    Column("meeting_id", ID, primary_key=True),
    Column("role", String(12), primary_key=True),  # participant | proposer
    Column("idx", Integer, primary_key=True),
    Column("text", Text, nullable=False),
    Column("actor_id", String(128), index=True),
    Column("name", Text),
    Column("country", String(8), index=True),
    Column("sector", String(8)),
    ForeignKeyConstraint(["doc_id", "meeting_id"], ["meetings.doc_id", "meetings.id"], ondelete=CASCADE),
)

positions = Table(
    "positions", metadata,
    Column("doc_id", ID, _doc_fk(), primary_key=True),
    Column("id", ID, primary_key=True),
    Column("sentence", Integer),
    Column("actor_id", String(128), index=True),
    Column("actor_name", Text),
    Column("actor_text", Text),
    Column("actor_country", String(8), index=True),
    Column("actor_sector", String(8)),
    Column("issue", String(32), nullable=False),
    Column("stance", String(16), nullable=False),
    Column("date", Date),
    Column("effective_date", Date),
    Column("record", JSON, nullable=False),
    Index("ix_positions_issue_effective_date", "issue", "effective_date"),
)

ingest_runs = Table(
    "ingest_runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("uid", String(32), nullable=False, unique=True),  # portable identity for export/import
    Column("started_at", String(32), nullable=False, index=True),
    Column("finished_at", String(32)),
    Column("status", String(16), nullable=False),  # running | finished
    Column("inputs", JSON, nullable=False),
    Column("counts", JSON),
)

ingest_items = Table(
    "ingest_items", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("run_id", Integer, ForeignKey("ingest_runs.id", ondelete=CASCADE), nullable=False, index=True),
    Column("at", String(32), nullable=False),
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("doc_id", ID),
    Column("status", String(16), nullable=False),  # stored | duplicate | skipped | failed
    Column("message", Text),
)

# ---- weekly aggregate of events (migration 0003), maintained by Store.save_document in the same
# transaction (see store/aggregate.py and docs/store.md). A "signature" is the set of party keys
# among an event's actors and the set among its recipients (negotiation.consolidate.party_key):
# everything the process indicators need to place an event in its dyads.
party_signatures = Table(
    "party_signatures", metadata,
    Column("id", String(16), primary_key=True),  # hash of the two sorted key lists
    Column("actors", JSON, nullable=False),
    Column("recipients", JSON, nullable=False),
)

def _weekly_sums() -> list[Column]:
    """The sums kept per week in both weekly tables (new Column objects for each table)."""
    return [
        Column("events", Integer, nullable=False),
        Column("intensity_sum", Float, nullable=False),
        # asserted (not negated/hypothetical) events of the kinds the stall index weighs
        Column("assaults", Integer, nullable=False),
        Column("sanctions", Integer, nullable=False),
        Column("rejections", Integer, nullable=False),
        Column("agreements", Integer, nullable=False),
    ]


weekly_events = Table(
    "weekly_events", metadata,
    Column("week", String(10), primary_key=True),  # ISO week "2025-W33"; "" when the event has no date
    Column("sig", String(16), primary_key=True),
    Column("quad", String(24), primary_key=True),
    *_weekly_sums(),
    Index("ix_weekly_events_sig_week", "sig", "week"),
)

weekly_assault_places = Table(
    "weekly_assault_places", metadata,
    Column("week", String(10), primary_key=True),
    Column("sig", String(16), primary_key=True),
    Column("place", String(200), primary_key=True),
    Column("events", Integer, nullable=False),
    Index("ix_weekly_assault_places_sig_week", "sig", "week"),
)

# The same sums per single party key (an event counts once for each party among its actors and
# recipients): a process's "ALL" rows are these of its parties, by inclusion-exclusion.
weekly_party_events = Table(
    "weekly_party_events", metadata,
    Column("week", String(10), primary_key=True),
    Column("party", String(200), primary_key=True),
    Column("quad", String(24), primary_key=True),
    *_weekly_sums(),
    Index("ix_weekly_party_events_party_week", "party", "week"),
)

weekly_party_places = Table(
    "weekly_party_places", metadata,
    Column("week", String(10), primary_key=True),
    Column("party", String(200), primary_key=True),
    Column("place", String(200), primary_key=True),
    Column("events", Integer, nullable=False),
    Index("ix_weekly_party_places_party_week", "party", "week"),
)

AGGREGATE_TABLES = (party_signatures, weekly_events, weekly_assault_places, weekly_party_events,
                    weekly_party_places)

# Tables whose rows belong to one document (deleted, exported and imported with it), in insert order.
DOCUMENT_TABLES = (
    doc_signatures, minhash_bands, sentences, events, event_actors, actor_mentions,
    place_mentions, meetings, meeting_participants, positions,
)
