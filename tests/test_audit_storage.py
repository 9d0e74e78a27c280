"""Minimum necessary storage: draft text only when the profile says so, then
encrypted; purging texts leaves the audit chain valid. SQLite and PostgreSQL."""
from __future__ import annotations

import glob
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text
from sqlmodel import Session, select

from bot.app import build_services
from bot.audit.retention import purge_texts
from bot.audit.verify import verify
from bot.db import transaction
from bot.domain import Draft, MessageRef
from bot.models import AuditEvent, Review
from bot.states import State
from tests.conftest import make_config

UTC = timezone.utc
PHI_TEXT = ("Our client Rosalind Featherstone (SSN 219-09-9999) shared her recovery story. "
            "Our recovery group meets on Tuesdays.")
SECRETS = ("Rosalind", "Featherstone", "219-09-9999", "recovery story")
KEY = "a-long-passphrase-for-tests-only"


def draft(mid: str, text: str = PHI_TEXT) -> Draft:
    return Draft(text=text, author="U0STAFF", ref=MessageRef("slack", "T1", "C0REVIEW1", mid),
                 platforms=("instagram",))


@pytest.fixture
def make_services(db_url, analyzer):
    built = []

    def make(store: bool, key: str | None):
        cfg = make_config(db_url, secrets={"data_key": key} if key else None,
                          storage={"database_url": db_url, "store_draft_text": store, "purge_text_after_days": 30})
        svc = build_services(cfg, analyzer=analyzer)
        built.append(svc)
        return svc
    yield make
    for svc in built:
        svc.pipeline.close()
        svc.engine.dispose()


def stored_bytes(svc) -> bytes:
    """Everything the database holds: the SQLite files, or every text column on PostgreSQL."""
    if svc.engine.dialect.name == "sqlite":
        svc.engine.dispose()  # close connections so nothing is left only in memory
        path = svc.engine.url.database
        return b"".join(open(p, "rb").read() for p in glob.glob(path + "*"))
    with svc.engine.connect() as c:
        rows = c.execute(text("SELECT draft_text, rewrite, findings FROM review")).all()
        audit_rows = c.execute(text("SELECT details FROM audit_event")).all()
    return repr(rows + audit_rows).encode()


async def test_when_text_not_stored_then_review_has_no_text_after_check(make_services):
    svc = make_services(store=False, key=None)
    rid = svc.reviews.submit(draft("1"))
    await svc.reviews.check(rid)
    with Session(svc.engine) as s:
        row = s.get(Review, rid)
    assert row.state == State.FLAGGED.value and row.draft_text is None


@pytest.mark.parametrize("store", [True, False])
async def test_when_data_key_set_then_no_plaintext_anywhere_in_the_database(make_services, store):
    svc = make_services(store=store, key=KEY)
    rid = svc.reviews.submit(draft("1"))
    await svc.reviews.check(rid)
    with Session(svc.engine) as s:
        row = s.get(Review, rid)
    if store:
        assert row.draft_text.startswith("enc:") and svc.reviews.vault.open(row.draft_text) == PHI_TEXT
    else:
        assert row.draft_text is None
    assert row.rewrite is None or row.rewrite.startswith("enc:")
    blob = stored_bytes(svc)
    for value in SECRETS:
        assert value.encode() not in blob


async def test_when_texts_purged_then_chain_valid_and_rows_unchanged(make_services):
    svc = make_services(store=True, key=KEY)
    old, recent, pending = (svc.reviews.submit(draft(m)) for m in ("old", "recent", "pending"))
    await svc.reviews.check(old)
    await svc.reviews.check(recent)
    long_ago = datetime.now(UTC) - timedelta(days=40)
    with transaction(svc.engine) as s:
        for rid in (old, pending):  # pending is still being checked: its text must stay
            s.get(Review, rid).updated_at = long_ago
    with Session(svc.engine) as s:
        before = [(e.id, e.hash) for e in s.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert verify(svc.engine).ok

    assert purge_texts(svc.engine, 30, "retention-job") == 1

    with Session(svc.engine) as s:
        texts = {rid: (s.get(Review, rid).draft_text, s.get(Review, rid).rewrite) for rid in (old, recent, pending)}
        after = list(s.exec(select(AuditEvent).order_by(AuditEvent.id)))
    assert texts[old] == (None, None)
    assert texts[recent][0] is not None and texts[pending][0] is not None
    assert [(e.id, e.hash) for e in after[:-1]] == before
    assert after[-1].action == "texts_purged" and '"reviews":1' in after[-1].details
    result = verify(svc.engine)
    assert result.ok and result.rows == len(before) + 1


async def test_when_purge_days_zero_then_every_checked_text_goes(make_services):
    svc = make_services(store=True, key=KEY)
    rid = svc.reviews.submit(draft("1"))
    await svc.reviews.check(rid)
    assert purge_texts(svc.engine, 0, "retention-job", now=datetime.now(UTC) + timedelta(seconds=1)) == 1
    with pytest.raises(ValueError):
        purge_texts(svc.engine, -1, "retention-job")
    assert verify(svc.engine).ok


@pytest.mark.parametrize("store,key", [(True, KEY), (False, None)])
async def test_when_draft_withdrawn_then_text_and_rewrite_gone(make_services, store, key):
    svc = make_services(store=store, key=key)
    d = draft("w")
    rid = svc.reviews.submit(d)
    await svc.reviews.check(rid)
    with Session(svc.engine) as s:
        assert s.get(Review, rid).rewrite is not None  # the report shows it while the draft is live
    assert svc.reviews.withdraw(d.ref, "U0STAFF").ok
    with Session(svc.engine) as s:
        row = s.get(Review, rid)
    assert (row.state, row.draft_text, row.rewrite) == (State.WITHDRAWN.value, None, None)
    assert verify(svc.engine).ok
