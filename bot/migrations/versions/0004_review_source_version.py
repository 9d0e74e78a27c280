"""review source version: the platform's stamp of the revision a review holds

Slack may deliver two edits of one message out of order; with the stamp of
the stored revision (Slack's ``edited.ts``), the older one is recognised and
ignored instead of replacing the newer text.

Revision ID: 0004_review_source_version
Revises: 0003_audit_guard

"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0004_review_source_version'
down_revision = '0003_audit_guard'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.add_column(sa.Column('source_version', sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('review', schema=None) as batch_op:
        batch_op.drop_column('source_version')
