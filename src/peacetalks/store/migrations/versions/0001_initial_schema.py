"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-28 05:58:52.126778
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('ingest_runs',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('started_at', sa.String(length=32), nullable=False),
    sa.Column('finished_at', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('inputs', sa.JSON(), nullable=False),
    sa.Column('counts', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_runs')),
    sa.UniqueConstraint('uid', name=op.f('uq_ingest_runs_uid'))
    )
    with op.batch_alter_table('ingest_runs', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ingest_runs_started_at'), ['started_at'], unique=False)

    op.create_table('story_clusters',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('representative', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.String(length=32), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_story_clusters'))
    )
    op.create_table('documents',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('lang', sa.String(length=16), nullable=True),
    sa.Column('cluster_id', sa.String(length=64), nullable=True),
    sa.Column('ingested_at', sa.String(length=32), nullable=False),
    sa.ForeignKeyConstraint(['cluster_id'], ['story_clusters.id'], name=op.f('fk_documents_cluster_id_story_clusters')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_documents')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_documents_content_hash'))
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_cluster_id'), ['cluster_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_ingested_at'), ['ingested_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)

    op.create_table('ingest_items',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('run_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.String(length=32), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('line', sa.Integer(), nullable=True),
    sa.Column('doc_id', sa.String(length=64), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('message', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['run_id'], ['ingest_runs.id'], name=op.f('fk_ingest_items_run_id_ingest_runs'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_ingest_items'))
    )
    with op.batch_alter_table('ingest_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_ingest_items_run_id'), ['run_id'], unique=False)

    op.create_table('actor_mentions',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.String(length=128), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('sector', sa.String(length=8), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_actor_mentions_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx', name=op.f('pk_actor_mentions'))
    )
    with op.batch_alter_table('actor_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_actor_mentions_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_actor_mentions_country'), ['country'], unique=False)

    op.create_table('doc_signatures',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_doc_signatures_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', name=op.f('pk_doc_signatures'))
    )
    op.create_table('events',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('event_type', sa.String(length=16), nullable=False),
    sa.Column('quad', sa.String(length=24), nullable=False),
    sa.Column('cameo', sa.String(length=8), nullable=True),
    sa.Column('mode', sa.String(length=32), nullable=True),
    sa.Column('polarity', sa.String(length=12), nullable=True),
    sa.Column('modality', sa.String(length=16), nullable=True),
    sa.Column('intensity', sa.Float(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('actor_key', sa.String(length=128), nullable=True),
    sa.Column('recipient_key', sa.String(length=128), nullable=True),
    sa.Column('actor_country', sa.String(length=8), nullable=True),
    sa.Column('recipient_country', sa.String(length=8), nullable=True),
    sa.Column('location_name', sa.Text(), nullable=True),
    sa.Column('location_country', sa.String(length=8), nullable=True),
    sa.Column('location_geonameid', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_events_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'id', name=op.f('pk_events'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_dyad_country', ['actor_country', 'recipient_country', 'effective_date'], unique=False)
        batch_op.create_index('ix_events_dyad_key', ['actor_key', 'recipient_key', 'effective_date'], unique=False)
        batch_op.create_index('ix_events_effective_date', ['effective_date'], unique=False)
        batch_op.create_index('ix_events_event_type_effective_date', ['event_type', 'effective_date'], unique=False)
        batch_op.create_index('ix_events_id', ['id'], unique=False)
        batch_op.create_index('ix_events_quad_effective_date', ['quad', 'effective_date'], unique=False)

    op.create_table('meetings',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=True),
    sa.Column('level', sa.String(length=24), nullable=False),
    sa.Column('format', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('place_country', sa.String(length=8), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_meetings_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'id', name=op.f('pk_meetings'))
    )
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meetings_effective_date'), ['effective_date'], unique=False)
        batch_op.create_index(batch_op.f('ix_meetings_status'), ['status'], unique=False)

    op.create_table('minhash_bands',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('bucket', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_minhash_bands_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'band', name=op.f('pk_minhash_bands'))
    )
    with op.batch_alter_table('minhash_bands', schema=None) as batch_op:
        batch_op.create_index('ix_minhash_bands_band_bucket', ['band', 'bucket'], unique=False)

    op.create_table('place_mentions',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('geonameid', sa.Integer(), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('admin1', sa.Text(), nullable=True),
    sa.Column('feature', sa.String(length=16), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_place_mentions_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx', name=op.f('pk_place_mentions'))
    )
    with op.batch_alter_table('place_mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_place_mentions_country'), ['country'], unique=False)
        batch_op.create_index(batch_op.f('ix_place_mentions_geonameid'), ['geonameid'], unique=False)

    op.create_table('positions',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=True),
    sa.Column('actor_id', sa.String(length=128), nullable=True),
    sa.Column('actor_name', sa.Text(), nullable=True),
    sa.Column('actor_text', sa.Text(), nullable=True),
    sa.Column('actor_country', sa.String(length=8), nullable=True),
    sa.Column('actor_sector', sa.String(length=8), nullable=True),
    sa.Column('issue', sa.String(length=32), nullable=False),
    sa.Column('stance', sa.String(length=16), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('effective_date', sa.Date(), nullable=True),
    sa.Column('record', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_positions_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'id', name=op.f('pk_positions'))
    )
    with op.batch_alter_table('positions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_positions_actor_country'), ['actor_country'], unique=False)
        batch_op.create_index(batch_op.f('ix_positions_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index('ix_positions_issue_effective_date', ['issue', 'effective_date'], unique=False)

    op.create_table('sentences',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['doc_id'], ['documents.id'], name=op.f('fk_sentences_doc_id_documents'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'idx', name=op.f('pk_sentences'))
    )
    op.create_table('event_actors',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.String(length=128), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('sector', sa.String(length=8), nullable=True),
    sa.ForeignKeyConstraint(['doc_id', 'event_id'], ['events.doc_id', 'events.id'], name=op.f('fk_event_actors_doc_id_events'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'event_id', 'role', 'idx', name=op.f('pk_event_actors'))
    )
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.create_index('ix_event_actors_actor_id_role', ['actor_id', 'role'], unique=False)
        batch_op.create_index('ix_event_actors_country_role', ['country', 'role'], unique=False)

    op.create_table('meeting_participants',
    sa.Column('doc_id', sa.String(length=64), nullable=False),
    sa.Column('meeting_id', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('idx', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('actor_id', sa.String(length=128), nullable=True),
    sa.Column('name', sa.Text(), nullable=True),
    sa.Column('country', sa.String(length=8), nullable=True),
    sa.Column('sector', sa.String(length=8), nullable=True),
    sa.ForeignKeyConstraint(['doc_id', 'meeting_id'], ['meetings.doc_id', 'meetings.id'], name=op.f('fk_meeting_participants_doc_id_meetings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('doc_id', 'meeting_id', 'role', 'idx', name=op.f('pk_meeting_participants'))
    )
    with op.batch_alter_table('meeting_participants', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_participants_actor_id'), ['actor_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_participants_country'), ['country'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('meeting_participants', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_participants_country'))
        batch_op.drop_index(batch_op.f('ix_meeting_participants_actor_id'))

    op.drop_table('meeting_participants')
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.drop_index('ix_event_actors_country_role')
        batch_op.drop_index('ix_event_actors_actor_id_role')

    op.drop_table('event_actors')
    op.drop_table('sentences')
    with op.batch_alter_table('positions', schema=None) as batch_op:
        batch_op.drop_index('ix_positions_issue_effective_date')
        batch_op.drop_index(batch_op.f('ix_positions_actor_id'))
        batch_op.drop_index(batch_op.f('ix_positions_actor_country'))

    op.drop_table('positions')
    with op.batch_alter_table('place_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_place_mentions_geonameid'))
        batch_op.drop_index(batch_op.f('ix_place_mentions_country'))

    op.drop_table('place_mentions')
    with op.batch_alter_table('minhash_bands', schema=None) as batch_op:
        batch_op.drop_index('ix_minhash_bands_band_bucket')

    op.drop_table('minhash_bands')
    with op.batch_alter_table('meetings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meetings_status'))
        batch_op.drop_index(batch_op.f('ix_meetings_effective_date'))

    op.drop_table('meetings')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_quad_effective_date')
        batch_op.drop_index('ix_events_id')
        batch_op.drop_index('ix_events_event_type_effective_date')
        batch_op.drop_index('ix_events_effective_date')
        batch_op.drop_index('ix_events_dyad_key')
        batch_op.drop_index('ix_events_dyad_country')

    op.drop_table('events')
    op.drop_table('doc_signatures')
    with op.batch_alter_table('actor_mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_actor_mentions_country'))
        batch_op.drop_index(batch_op.f('ix_actor_mentions_actor_id'))

    op.drop_table('actor_mentions')
    with op.batch_alter_table('ingest_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ingest_items_run_id'))

    op.drop_table('ingest_items')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_ingested_at'))
        batch_op.drop_index(batch_op.f('ix_documents_cluster_id'))

    op.drop_table('documents')
    op.drop_table('story_clusters')
    with op.batch_alter_table('ingest_runs', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_ingest_runs_started_at'))

    op.drop_table('ingest_runs')
