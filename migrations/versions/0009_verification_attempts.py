"""verification attempts: who is verified in a conversation, failed checks per record

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-01 21:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'verification_attempts',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('conversation_id', sa.String(128), nullable=False),
        sa.Column('subject_type', sa.String(16), nullable=False),
        sa.Column('subject_id', sa.Integer(), nullable=False),
        sa.Column('outcome', sa.String(16), nullable=False),
        sa.Column('method', sa.String(32), nullable=False),
        sa.Column('channel', sa.String(16), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index('ix_verification_attempts_conversation_id', 'verification_attempts',
                    ['conversation_id'])
    op.create_index('ix_verification_attempts_subject', 'verification_attempts',
                    ['subject_type', 'subject_id', 'created_at'])


def downgrade() -> None:
    op.drop_index('ix_verification_attempts_subject', 'verification_attempts')
    op.drop_index('ix_verification_attempts_conversation_id', 'verification_attempts')
    op.drop_table('verification_attempts')
