"""review_image: cleaned copies of attached images; review.staff_only: images an officer marked staff only

Cleaned copies are sealed like the draft text and deleted with it; originals are never stored.
Existing reviews get an empty staff-only list.

Revision ID: 0007_review_images
Revises: 0006_reminder_sent

"""
from alembic import op
import sqlalchemy as sa
import sqlmodel


revision = '0007_review_images'
down_revision = '0006_reminder_sent'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('review') as batch:
        batch.add_column(sa.Column('staff_only', sa.Text(), nullable=False, server_default='[]'))
    op.create_table(
        'review_image',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('review_id', sa.Integer(), nullable=False),
        sa.Column('image', sa.Integer(), nullable=False),
        sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=400), nullable=False),
        sa.Column('mimetype', sqlmodel.sql.sqltypes.AutoString(length=50), nullable=False),
        sa.Column('data', sa.Text(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['review_id'], ['review.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('review_id', 'image'),
    )
    op.create_index(op.f('ix_review_image_review_id'), 'review_image', ['review_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_review_image_review_id'), table_name='review_image')
    op.drop_table('review_image')
    with op.batch_alter_table('review') as batch:
        batch.drop_column('staff_only')
