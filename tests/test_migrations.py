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


def test_when_patients_registered_before_0009_are_upgraded_then_an_initial_and_surname_finds_them(engine):
    """0009 indexes "d. huang" for a patient stored before it, so "— D. Huang" finds Derek Huang."""
    from sqlalchemy import text as sql
    from sqlmodel import Session
    from bot.consent.matcher import find_mentions
    upgrade(engine, "0008_console_credentials")
    with engine.begin() as c:
        c.execute(sql("INSERT INTO patient (id, display_name, aliases, handles, created_at) VALUES "
                      "('P-000009', 'Derek Huang', '[]', '[]', CURRENT_TIMESTAMP)"))
        c.execute(sql("INSERT INTO patient_name (name_key, kind, patient_id) VALUES ('derek huang', 'name', 'P-000009')"))
    upgrade(engine)
    upgrade(engine)  # the data step is idempotent too
    with Session(engine) as s:
        found = find_mentions(s, "“I sleep again.” — D. Huang, retired paramedic")
        keys = s.connection().execute(sql("SELECT name_key FROM patient_name WHERE patient_id = 'P-000009'")).scalars()
        assert sorted(keys) == ["d. huang", "derek huang"]
    assert [m.patient_ids for m in found] == [frozenset({"P-000009"})]
