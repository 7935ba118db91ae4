"""back office: donors, pump customers, supply orders, audit log, device complaints

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 13:00:00
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('donors',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('donor_number', sa.String(length=16), nullable=False),
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('last_name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('phone2', sa.String(length=32), nullable=True),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('street', sa.String(length=120), nullable=False),
    sa.Column('house_number', sa.String(length=16), nullable=False),
    sa.Column('postcode', sa.String(length=7), nullable=False),
    sa.Column('city', sa.String(length=80), nullable=False),
    sa.Column('iban', sa.String(length=34), nullable=False),
    sa.Column('amount', sa.Numeric(precision=10, scale=2), nullable=False),
    sa.Column('frequency', sa.String(length=8), nullable=False),
    sa.Column('start_date', sa.Date(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('periodic_gift', sa.Boolean(), nullable=False),
    sa.Column('periodic_gift_until', sa.Date(), nullable=True),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('contact_mail', sa.Boolean(), nullable=False),
    sa.Column('contact_phone', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('donor_number', name='uq_donors_donor_number')
    )
    with op.batch_alter_table('donors', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_donors_phone'), ['phone'], unique=False)

    op.create_table('pump_customers',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('customer_number', sa.String(length=16), nullable=False),
    sa.Column('first_name', sa.String(length=80), nullable=False),
    sa.Column('last_name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=True),
    sa.Column('street', sa.String(length=120), nullable=False),
    sa.Column('house_number', sa.String(length=16), nullable=False),
    sa.Column('postcode', sa.String(length=7), nullable=False),
    sa.Column('city', sa.String(length=80), nullable=False),
    sa.Column('date_of_birth', sa.Date(), nullable=True),
    sa.Column('pump_serial', sa.String(length=32), nullable=False),
    sa.Column('pump_lot', sa.String(length=32), nullable=False),
    sa.Column('under_safety_notice', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('customer_number', name='uq_pump_customers_customer_number'),
    sa.UniqueConstraint('pump_serial', name='uq_pump_customers_pump_serial')
    )
    with op.batch_alter_table('pump_customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pump_customers_phone'), ['phone'], unique=False)

    op.create_table('supply_orders',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=False),
    sa.Column('ordered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('items', sa.JSON(), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('tracking_code', sa.String(length=32), nullable=True),
    sa.Column('expected_delivery', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['customer_id'], ['pump_customers.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('supply_orders', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_supply_orders_customer_id'), ['customer_id'], unique=False)

    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('subject_type', sa.String(length=16), nullable=False),
    sa.Column('subject_id', sa.Integer(), nullable=False),
    sa.Column('field', sa.String(length=40), nullable=False),
    sa.Column('old_value', sa.String(length=200), nullable=True),
    sa.Column('new_value', sa.String(length=200), nullable=True),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('conversation_id', sa.String(length=128), nullable=True),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index('ix_audit_entries_subject', ['subject_type', 'subject_id'], unique=False)

    op.create_table('complaints',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('customer_id', sa.Integer(), nullable=True),
    sa.Column('serial', sa.String(length=32), nullable=True),
    sa.Column('lot', sa.String(length=32), nullable=True),
    sa.Column('event_date', sa.Date(), nullable=True),
    sa.Column('aware_date', sa.DateTime(timezone=True), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('injury', sa.Boolean(), nullable=False),
    sa.Column('patient_outcome', sa.Text(), nullable=True),
    sa.Column('seriousness', sa.String(length=40), nullable=False),
    sa.Column('contact', sa.String(length=200), nullable=True),
    sa.Column('conversation_id', sa.String(length=128), nullable=True),
    sa.Column('handoff_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('report_deadline', sa.Date(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['customer_id'], ['pump_customers.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_complaints_conversation_id'), ['conversation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_complaints_customer_id'), ['customer_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('complaints', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_complaints_customer_id'))
        batch_op.drop_index(batch_op.f('ix_complaints_conversation_id'))
    op.drop_table('complaints')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_audit_entries_subject')
        batch_op.drop_index(batch_op.f('ix_audit_entries_conversation_id'))
    op.drop_table('audit_entries')
    with op.batch_alter_table('supply_orders', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_supply_orders_customer_id'))
    op.drop_table('supply_orders')
    with op.batch_alter_table('pump_customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pump_customers_phone'))
    op.drop_table('pump_customers')
    with op.batch_alter_table('donors', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_donors_phone'))
    op.drop_table('donors')
