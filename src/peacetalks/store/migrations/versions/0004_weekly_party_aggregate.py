"""weekly per-party aggregate

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28 09:15:00

weekly_party_events / weekly_party_places: the weekly event sums of 0003 per single party key, so a
process's "ALL" indicator rows are a few hundred rows per party (inclusion-exclusion over its
parties; peacetalks.api.indicators). Backfilled from the per-signature tables (no event is read).
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa

from peacetalks.store import aggregate


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('weekly_party_events',
    sa.Column('week', sa.String(length=10), nullable=False),
    sa.Column('party', sa.String(length=200), nullable=False),
    sa.Column('quad', sa.String(length=24), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.Column('intensity_sum', sa.Float(), nullable=False),
    sa.Column('assaults', sa.Integer(), nullable=False),
    sa.Column('sanctions', sa.Integer(), nullable=False),
    sa.Column('rejections', sa.Integer(), nullable=False),
    sa.Column('agreements', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('week', 'party', 'quad', name=op.f('pk_weekly_party_events'))
    )
    op.create_index('ix_weekly_party_events_party_week', 'weekly_party_events', ['party', 'week'], unique=False)
    op.create_table('weekly_party_places',
    sa.Column('week', sa.String(length=10), nullable=False),
    sa.Column('party', sa.String(length=200), nullable=False),
    sa.Column('place', sa.String(length=200), nullable=False),
    sa.Column('events', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('week', 'party', 'place', name=op.f('pk_weekly_party_places'))
    )
    op.create_index('ix_weekly_party_places_party_week', 'weekly_party_places', ['party', 'week'], unique=False)
    aggregate.rebuild_party_level(op.get_bind())


def downgrade() -> None:
    op.drop_index('ix_weekly_party_places_party_week', table_name='weekly_party_places')
    op.drop_table('weekly_party_places')
    op.drop_index('ix_weekly_party_events_party_week', table_name='weekly_party_events')
    op.drop_table('weekly_party_events')
