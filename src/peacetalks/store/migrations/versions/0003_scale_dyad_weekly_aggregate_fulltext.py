"""scale: event dyad and list-order indexes, weekly event aggregate, full-text index

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28 08:40:00

events.dyad (first actor's and first recipient's countries, sorted) with the indexes a page of
events is read from (ix_events_order, ix_events_dyad_order; ix_events_effective_date is their
prefix and goes); the weekly aggregate tables behind process indicators (store/aggregate.py);
full-text search: SQLite FTS5 over documents, PostgreSQL GIN on to_tsvector (store/search.py).
Existing rows are backfilled here.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from peacetalks.store import aggregate, search


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    # a nullable column without a default: SQLite adds it in place (no batch table copy)
    op.add_column('events', sa.Column('dyad', sa.String(length=24), nullable=True))
    op.execute("UPDATE events SET dyad = CASE WHEN actor_country <= recipient_country "
               "THEN actor_country || '-' || recipient_country ELSE recipient_country || '-' || actor_country END "
               "WHERE actor_country IS NOT NULL AND actor_country <> '' "
               "AND recipient_country IS NOT NULL AND recipient_country <> ''")
    op.drop_index('ix_events_effective_date', table_name='events')
    op.create_index('ix_events_order', 'events', ['effective_date', 'doc_id', 'sentence', 'id'], unique=False)
    op.create_index('ix_events_dyad_order', 'events', ['dyad', 'effective_date', 'doc_id', 'sentence', 'id'],
                    unique=False)
    op.create_table('party_signatures',
    sa.Column('id', sa.String(length=16), nullable=False),
    sa.Column('actors', sa.JSON(), nullable=False),
    sa.Column('recipients', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_party_signatures'))
    )
    op.create_table('weekly_events',
    sa.Column('week', sa.String(length=10), nullable=False),
    sa.Column('sig', sa.String(length=16), nullable=False),
    sa.Column('quad', sa.String(length=24), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.Column('intensity_sum', sa.Float(), nullable=False),
    sa.Column('assaults', sa.Integer(), nullable=False),
    sa.Column('sanctions', sa.Integer(), nullable=False),
    sa.Column('rejections', sa.Integer(), nullable=False),
    sa.Column('agreements', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('week', 'sig', 'quad', name=op.f('pk_weekly_events'))
    )
    op.create_index('ix_weekly_events_sig_week', 'weekly_events', ['sig', 'week'], unique=False)
    op.create_table('weekly_assault_places',
    sa.Column('week', sa.String(length=10), nullable=False),
    sa.Column('sig', sa.String(length=16), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('week', 'sig', 'place', name=op.f('pk_weekly_assault_places'))
    )
    op.create_index('ix_weekly_assault_places_sig_week', 'weekly_assault_places', ['sig', 'week'], unique=False)
    conn = op.get_bind()
    aggregate.rebuild(conn, party_level=False)  # 0004 adds the per-party tables
    search.install(conn)


def downgrade() -> None:
    conn = op.get_bind()
    search.uninstall(conn)
    op.drop_index('ix_weekly_assault_places_sig_week', table_name='weekly_assault_places')
    op.drop_table('weekly_assault_places')
    op.drop_index('ix_weekly_events_sig_week', table_name='weekly_events')
    op.drop_table('weekly_events')
    op.drop_table('party_signatures')
    op.drop_index('ix_events_dyad_order', table_name='events')
    op.drop_index('ix_events_order', table_name='events')
    op.create_index('ix_events_effective_date', 'events', ['effective_date'], unique=False)
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('dyad')
