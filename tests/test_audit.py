"""The hash chain: tampering is found and named, timestamps round-trip, on
SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from bot import audit
from bot.audit.verify import Anchor, verify
from bot.db import transaction, upgrade
from bot.models import AuditEvent

UTC = timezone.utc


def chain_of(engine, n: int) -> list[AuditEvent]:
    upgrade(engine)
    with transaction(engine) as s:
        for i in range(n):
            audit.append(s, f"U{i}", "approve", review_id=i, details={"from": "clean", "to": "cleared", "i": i})
    with Session(engine) as s:
        return list(s.exec(select(AuditEvent).order_by(AuditEvent.id)))


def raw(engine, sql: str, **params) -> None:
    """Tamper the way someone with database access would (bypassing the guard)."""
    with engine.begin() as c:
        if engine.dialect.name == "postgresql":
            c.execute(text("SET LOCAL session_replication_role = replica"))  # triggers off
            c.execute(text(sql), params)
        else:
            guards = c.execute(text("SELECT name, sql FROM sqlite_master WHERE type='trigger' "
                                    "AND tbl_name='audit_event'")).all()
            for name, _ in guards:
                c.execute(text(f'DROP TRIGGER "{name}"'))
            c.execute(text(sql), params)
            for _, ddl in guards:
                c.execute(text(ddl))


def forged_insert(engine, rid: int, prev: str, at: datetime, good_hash: bool = True) -> None:
    details = '{"to":"cleared"}'
    digest = audit.row_digest(prev, at, "mallory", "approve", 1, None, details) if good_hash else "f" * 64
    with Session(engine) as s:  # through the ORM, so the timestamp is stored as the app stores it
        if engine.dialect.name == "postgresql":
            s.execute(text("SET LOCAL session_replication_role = replica"))
        s.add(AuditEvent(id=rid, at=at, actor="mallory", action="approve", review_id=1,
                         details=details, prev_hash=prev, hash=digest))
        s.commit()


def test_when_chain_untouched_then_intact_with_head(engine):
    rows = chain_of(engine, 5)
    result = verify(engine)
    assert result.ok and result.rows == 5 and result.bad_id is None
    assert result.head == f"{rows[-1].id}:{rows[-1].hash}"


def test_when_empty_then_intact(engine):
    upgrade(engine)
    result = verify(engine)
    assert result.ok and result.rows == 0 and result.head == "(empty)"


@pytest.mark.parametrize("tamper,bad_index,word", [
    ("edit_details", 2, "edited"),
    ("edit_actor", 2, "edited"),
    ("edit_time", 2, "edited"),
    ("edit_and_rehash", 3, "does not link"),
    ("delete_middle", 3, "does not link"),
    ("delete_first", 1, "start of the chain"),
    ("replace_with_forged", 3, "does not link"),
    ("forged_before_first", 0, "does not link to row 0"),
    ("forged_at_end_bad_hash", 5, "edited"),
])
def test_when_row_tampered_then_verify_names_first_bad_row(engine, tamper, bad_index, word):
    rows = chain_of(engine, 5)
    ids = [r.id for r in rows]
    third = rows[2]
    if tamper == "edit_details":
        raw(engine, "UPDATE audit_event SET details = :d WHERE id = :i", d='{"to":"rejected"}', i=third.id)
    elif tamper == "edit_actor":
        raw(engine, "UPDATE audit_event SET actor = 'U9' WHERE id = :i", i=third.id)
    elif tamper == "edit_time":
        raw(engine, "DELETE FROM audit_event WHERE id = :i", i=third.id)
        forged_insert_at = third.at - timedelta(hours=1)
        with Session(engine) as s:
            s.add(AuditEvent(id=third.id, at=forged_insert_at, actor=third.actor, action=third.action,
                             review_id=third.review_id, details=third.details,
                             prev_hash=third.prev_hash, hash=third.hash))
            if engine.dialect.name == "postgresql":
                s.execute(text("SET LOCAL session_replication_role = replica"))
            s.commit()
    elif tamper == "edit_and_rehash":
        new = '{"to":"rejected"}'
        digest = audit.row_digest(third.prev_hash, third.at, third.actor, third.action,
                                  third.review_id, third.consent_id, new)
        raw(engine, "UPDATE audit_event SET details = :d, hash = :h WHERE id = :i", d=new, h=digest, i=third.id)
    elif tamper == "delete_middle":
        raw(engine, "DELETE FROM audit_event WHERE id = :i", i=third.id)
    elif tamper == "delete_first":
        raw(engine, "DELETE FROM audit_event WHERE id = :i", i=rows[0].id)
    elif tamper == "replace_with_forged":
        raw(engine, "DELETE FROM audit_event WHERE id = :i", i=third.id)
        forged_insert(engine, third.id, rows[1].hash, third.at)
    elif tamper == "forged_before_first":
        forged_insert(engine, 0, audit.GENESIS, rows[0].at - timedelta(seconds=1))
    elif tamper == "forged_at_end_bad_hash":
        forged_insert(engine, ids[-1] + 1, rows[-1].hash, datetime.now(UTC), good_hash=False)
    ids.append(ids[-1] + 1)
    result = verify(engine)
    assert not result.ok
    assert result.bad_id == ids[bad_index]
    assert word in result.reason and str(result.bad_id) in result.reason


def test_when_newest_rows_deleted_then_only_an_anchor_reveals_it(engine):
    rows = chain_of(engine, 5)
    anchor = Anchor.parse(verify(engine).head)
    raw(engine, "DELETE FROM audit_event WHERE id >= :i", i=rows[3].id)
    assert verify(engine).ok  # a consistent shorter chain: the known limit of any chain
    result = verify(engine, [anchor])
    assert not result.ok and result.bad_id == rows[-1].id and "deleted" in result.reason


def test_when_anchor_matches_then_intact_and_when_rewritten_then_named(engine):
    rows = chain_of(engine, 4)
    anchor = Anchor(rows[1].id, rows[1].hash)
    assert verify(engine, [anchor]).anchors_checked == 1
    # rewrite the whole chain from row 2 on, consistently: only the anchor catches it
    prev = rows[0].hash
    for r in rows[1:]:
        digest = audit.row_digest(prev, r.at, "mallory", r.action, r.review_id, r.consent_id, r.details)
        raw(engine, "UPDATE audit_event SET actor='mallory', prev_hash=:p, hash=:h WHERE id=:i",
            p=prev, h=digest, i=r.id)
        prev = digest
    assert verify(engine).ok
    result = verify(engine, [anchor])
    assert not result.ok and result.bad_id == rows[1].id and "anchor" in result.reason


@pytest.mark.parametrize("bad", ["12", "12:abc", "x:" + "a" * 64, ":" + "a" * 64])
def test_when_anchor_malformed_then_refused(bad):
    with pytest.raises(ValueError):
        Anchor.parse(bad)


@pytest.mark.parametrize("at", [
    datetime(2026, 1, 1, 0, 0, 0, 0, tzinfo=UTC),                 # no microseconds
    datetime(2026, 6, 30, 23, 59, 59, 999999, tzinfo=UTC),        # all microseconds
    datetime(2026, 3, 8, 2, 30, 0, 500, tzinfo=timezone(timedelta(hours=-8))),  # not UTC
    datetime(2026, 11, 1, 5, 0, 0, 1, tzinfo=timezone(timedelta(hours=5, minutes=30))),
])
def test_when_timestamp_stored_and_read_back_then_digest_identical(engine, at):
    upgrade(engine)
    forged_insert(engine, 1, audit.GENESIS, at)
    with Session(engine) as s:
        back = s.get(AuditEvent, 1)
    assert audit.stamp(back.at) == audit.stamp(at)
    assert verify(engine).ok


def test_when_naive_timestamp_then_read_as_utc():
    naive = datetime(2026, 5, 5, 12, 0, 0, 123)
    assert audit.stamp(naive) == audit.stamp(naive.replace(tzinfo=UTC)) == "2026-05-05T12:00:00.000123Z"


def test_when_appended_in_separate_transactions_then_one_linear_chain(engine):
    upgrade(engine)
    for i in range(3):
        with transaction(engine) as s:
            audit.append(s, "a", "config_loaded", details={"sha256": str(i)})
    with Session(engine) as s:
        rows = list(s.exec(select(AuditEvent).order_by(AuditEvent.id)))
    assert [r.prev_hash for r in rows] == [audit.GENESIS, rows[0].hash, rows[1].hash]
    assert verify(engine).rows == 3


@pytest.mark.parametrize("statement", [
    "UPDATE audit_event SET details = '{}'",
    "DELETE FROM audit_event",
    "TRUNCATE audit_event",
])
def test_when_row_changed_through_database_then_guard_refuses(engine, statement):
    from sqlalchemy.exc import DBAPIError
    chain_of(engine, 2)
    if statement.startswith("TRUNCATE") and engine.dialect.name == "sqlite":
        pytest.skip("SQLite has no TRUNCATE (it is DELETE, covered above)")
    with pytest.raises(DBAPIError, match="append-only"):
        with engine.begin() as c:
            c.execute(text(statement))
    assert verify(engine).rows == 2


def test_when_guard_migration_downgraded_and_upgraded_then_guard_follows(engine):
    from bot.db import alembic_config
    from alembic import command
    chain_of(engine, 1)
    command.downgrade(alembic_config(engine), "0002_console_sessions")
    with engine.begin() as c:
        c.execute(text("UPDATE audit_event SET actor = actor"))
    upgrade(engine)
    from sqlalchemy.exc import DBAPIError
    with pytest.raises(DBAPIError, match="append-only"):
        with engine.begin() as c:
            c.execute(text("UPDATE audit_event SET actor = actor"))


def test_when_postgres_session_timezone_not_utc_then_chain_still_verifies(engine, db_url):
    if engine.dialect.name != "postgresql":
        pytest.skip("only PostgreSQL has a session time zone")
    from sqlalchemy import create_engine
    from bot.db import normalise_url
    chain_of(engine, 3)
    kolkata = create_engine(normalise_url(db_url), connect_args={"options": "-c timezone=Asia/Kolkata"})
    try:
        with kolkata.begin() as c:
            assert c.execute(text("SHOW timezone")).scalar() == "Asia/Kolkata"
            with Session(bind=c) as s:
                audit.append(s, "U1", "approve", details={"tz": "Asia/Kolkata"})
        assert verify(kolkata).ok and verify(engine).rows == 4
    finally:
        kolkata.dispose()
