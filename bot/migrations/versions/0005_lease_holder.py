"""lease holders: which process holds a review's lease, and whether it is alive

A lease names its holder; the holder row says where it runs (host, process id
and that process's start time) and when it last showed signs of life, so a
restarted process or another replica takes over a dead holder's reviews at
once instead of waiting for the lease to lapse.

Revision ID: 0005_lease_holder
Revises: 0004_review_source_version

"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0005_lease_holder'
down_revision = '0004_review_source_version'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'lease_holder',
        sa.Column('id', sqlmodel.sql.sqltypes.AutoString(length=100), nullable=False),
        sa.Column('host', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
        sa.Column('pid', sa.Integer(), nullable=False),
        sa.Column('pid_started', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True),
        sa.Column('started_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.Column('heartbeat_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    op.drop_table('lease_holder')
