"""donors: the day a paused gift starts again

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 15:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('donors') as batch:
        batch.add_column(sa.Column('paused_until', sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('donors') as batch:
        batch.drop_column('paused_until')
