"""document run and event date index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28 06:05:58

documents.run_id: the ingest run that stored the document. ix_events_date: since/until on events
filter the event's own date.
"""
from __future__ import annotations

from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a nullable column with an inline REFERENCES clause in place; a batch
        # "move and copy" of documents is not needed.
        op.execute("ALTER TABLE documents ADD COLUMN run_id INTEGER CONSTRAINT fk_documents_run_id_ingest_runs "
                   "REFERENCES ingest_runs (id) ON DELETE SET NULL")
    else:
        op.add_column('documents', sa.Column('run_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_documents_run_id_ingest_runs'), 'documents', 'ingest_runs',
                              ['run_id'], ['id'], ondelete='SET NULL')
    op.create_index(op.f('ix_documents_run_id'), 'documents', ['run_id'], unique=False)
    op.create_index('ix_events_date', 'events', ['date'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_events_date', table_name='events')
    op.drop_index(op.f('ix_documents_run_id'), table_name='documents')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        if op.get_bind().dialect.name != "sqlite":
            batch_op.drop_constraint(op.f('fk_documents_run_id_ingest_runs'), type_='foreignkey')
        batch_op.drop_column('run_id')
