"""Migrations build the whole schema on SQLite and PostgreSQL, and match the models."""
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from bot import models  # noqa: F401
from bot.db import upgrade


def test_when_empty_database_upgraded_twice_then_all_tables_exist(engine):
    upgrade(engine)
    upgrade(engine)  # idempotent
    tables = set(inspect(engine).get_table_names())
    assert set(SQLModel.metadata.tables) <= tables
    assert "alembic_version" in tables


def test_when_upgraded_then_schema_matches_models(engine):
    upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = compare_metadata(ctx, SQLModel.metadata)
    assert diff == [], f"models and migrations differ: {diff}"


def test_when_a_database_with_reviews_is_upgraded_to_images_then_old_rows_read_and_have_no_staff_only(engine):
    """0007 adds review.staff_only and review_image: reviews stored before (attachments as
    [name, mimetype]) still load, with nothing marked staff only."""
    import json
    from datetime import datetime, timezone
    from sqlalchemy import text as sql
    from bot.domain import Attachment
    upgrade(engine, "0006_reminder_sent")
    now = datetime.now(timezone.utc)
    with engine.begin() as c:
        c.execute(sql("INSERT INTO review (ref_key, platform, workspace, channel, message_id, author, targets, "
                      "attachments, content_hash, state, findings, revision, created_at, updated_at) VALUES "
                      "('slack:T:C:1', 'slack', 'T', 'C', '1', 'U1', '[]', :att, :h, 'clean', '[]', 0, :now, :now)"),
                  {"att": json.dumps([["photo.jpg", "image/jpeg"]]), "h": "0" * 64, "now": now})
    upgrade(engine)
    with engine.connect() as c:
        staff_only, attachments = c.execute(sql("SELECT staff_only, attachments FROM review")).one()
        assert c.execute(sql("SELECT count(*) FROM review_image")).scalar_one() == 0
    assert json.loads(staff_only) == []
    assert [Attachment.from_stored(a) for a in json.loads(attachments)] == [Attachment("photo.jpg", "image/jpeg")]
