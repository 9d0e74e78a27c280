"""reminder_sent: one row per reminder or notice, inserted before it is sent

A unique (kind, subject, day) makes several replicas send each reminder once:
whoever inserts the row sends it, the others' inserts do nothing.

Revision ID: 0006_reminder_sent
Revises: 0005_lease_holder

"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0006_reminder_sent'
down_revision = '0005_lease_holder'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'reminder_sent',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column('subject', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('review_id', sa.Integer(), nullable=True),
        sa.Column('claimed_by', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('claimed_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('status', sqlmodel.sql.sqltypes.AutoString(length=20), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('kind', 'subject', 'day'),
    )
    op.create_index(op.f('ix_reminder_sent_review_id'), 'reminder_sent', ['review_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_reminder_sent_review_id'), table_name='reminder_sent')
    op.drop_table('reminder_sent')
