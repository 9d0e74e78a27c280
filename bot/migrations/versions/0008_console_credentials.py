"""console credentials: credential versions on users and sessions, session address, TOTP second factor

A session is valid only under the credential version its user had when it was signed in, so a
password, role or second-factor change ends every session made before it (issue 19). Existing
users and sessions start at version 1. The TOTP secret is sealed with CLEARPOST_DATA_KEY.

Revision ID: 0008_console_credentials
Revises: 0007_review_images

"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0008_console_credentials'
down_revision = '0007_review_images'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('console_user') as batch:
        batch.add_column(sa.Column('credential_version', sa.Integer(), nullable=False, server_default='1'))
        batch.add_column(sa.Column('totp_secret', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=True))
        batch.add_column(sa.Column('totp_enabled_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch.add_column(sa.Column('totp_last_step', sa.Integer(), nullable=True))
    with op.batch_alter_table('console_session') as batch:
        batch.add_column(sa.Column('credential_version', sa.Integer(), nullable=False, server_default='1'))
        batch.add_column(sa.Column('address', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True))
        batch.add_column(sa.Column('second_factor_due', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table('console_session') as batch:
        batch.drop_column('second_factor_due')
        batch.drop_column('address')
        batch.drop_column('credential_version')
    with op.batch_alter_table('console_user') as batch:
        batch.drop_column('totp_last_step')
        batch.drop_column('totp_enabled_at')
        batch.drop_column('totp_secret')
        batch.drop_column('credential_version')
