"""agents: presence, lines, languages, pager number; handoffs: cover and escalation

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01 20:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('agents') as batch:
        batch.add_column(sa.Column('status', sa.String(16), nullable=False, server_default='away'))
        batch.add_column(sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('lines', sa.JSON(), nullable=False, server_default='[]'))
        batch.add_column(sa.Column('languages', sa.JSON(), nullable=False, server_default='[]'))
        batch.add_column(sa.Column('phone', sa.String(32), nullable=True))
    with op.batch_alter_table('handoffs') as batch:
        batch.add_column(sa.Column('cover', sa.String(16), nullable=True))
        batch.add_column(sa.Column('referred_to', sa.String(32), nullable=True))
        batch.add_column(sa.Column('escalation_level', sa.Integer(), nullable=False,
                                   server_default='0'))
        batch.add_column(sa.Column('escalation_due_at', sa.DateTime(timezone=True), nullable=True))
        batch.create_index('ix_handoffs_escalation_due_at', ['escalation_due_at'])


def downgrade() -> None:
    with op.batch_alter_table('handoffs') as batch:
        batch.drop_index('ix_handoffs_escalation_due_at')
        batch.drop_column('escalation_due_at')
        batch.drop_column('escalation_level')
        batch.drop_column('referred_to')
        batch.drop_column('cover')
    with op.batch_alter_table('agents') as batch:
        for column in ('phone', 'languages', 'lines', 'last_seen_at', 'status'):
            batch.drop_column(column)
