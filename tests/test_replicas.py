"""Scale out: two `clearpost serve` processes on one PostgreSQL database, as
behind a load balancer. Drafts arrive alternately; every Slack retry of an
event (same event_id) is sent to the OTHER replica, some at the same moment.
Every draft must be reviewed exactly once, every approval applied once, and
each draft gets exactly one report.

Runs only when DATABASE_URL points at PostgreSQL (SQLite is one process's
file: it is not a deployment for replicas)."""
from __future__ import annotations

import asyncio
import json
import signal
from collections import Counter

import aiohttp
import pytest
from sqlalchemy import text as sql
from sqlmodel import select

from bot.db import make_engine, transaction
from bot.models import AuditEvent, ProcessedEvent, Review
from bot.states import State
from tests.conftest import PG_URL
from tests.fakes.slack_api import FakeSlackApi, event_body
from tests.test_faults import (CHANNEL, CLEAN_TEXT, PHI_TEXT, deliver, draft_event, free_port, start_serve,
                               stop_process, wait_healthy, write_config)

pytestmark = pytest.mark.skipif(not PG_URL.startswith(("postgres://", "postgresql")),
                                reason="replicas share a PostgreSQL database: set DATABASE_URL=postgresql://...")

OFFICER = "U0PRIVACY1"  # the example profile's Slack officer
DRAFTS = 12


@pytest.fixture
def pg_url(pg_database):
    engine = make_engine(pg_database)
    with engine.begin() as c:
        c.execute(sql("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
    engine.dispose()
    return pg_database


async def test_when_two_replicas_share_postgresql_then_each_draft_is_reviewed_reported_and_approved_once(
        pg_url, tmp_path):
    api = await FakeSlackApi().start()
    cfg = write_config(tmp_path / "config.yml", pg_url)
    ports = [free_port(), free_port()]
    logs = [tmp_path / "a.log", tmp_path / "b.log"]
    procs = [start_serve(cfg, api.url, ports[0], logs[0])]
    bases = [f"http://127.0.0.1:{p}" for p in ports]
    try:
        async with aiohttp.ClientSession() as http:
            await wait_healthy(http, bases[0], procs[0], logs[0])  # the first one creates the schema
            procs.append(start_serve(cfg, api.url, ports[1], logs[1]))
            await wait_healthy(http, bases[1], procs[1], logs[1])

            tss = [f"1700000900.{i:06d}" for i in range(DRAFTS)]
            texts = {ts: (PHI_TEXT if i % 3 == 0 else f"{CLEAN_TEXT} #{i}") for i, ts in enumerate(tss)}

            async def draft(i: int, ts: str) -> list[int]:
                body = event_body(draft_event(ts, texts[ts]), f"Ev0REP{i:03d}")
                home, other = bases[(i // 2) % 2], bases[(i // 2 + 1) % 2]  # 0, 0, 1, 1, 0, 0, ...
                if i % 2:  # the retry races the original
                    return list(await asyncio.gather(deliver(http, home, body), deliver(http, other, body, retry=1)))
                first = await deliver(http, home, body)
                return [first, await deliver(http, other, body, retry=1)]

            statuses = await asyncio.gather(*(draft(i, ts) for i, ts in enumerate(tss)))
            assert all(s == [200, 200] for s in statuses), statuses
            await api.wait_for("chat.postMessage", count=DRAFTS, timeout=120,
                               where=lambda c: c.params.get("thread_ts") in texts and c.result.get("ok"))

            engine = make_engine(pg_url)

            def state_of(ts: str):
                with transaction(engine) as s:
                    return s.exec(select(Review).where(Review.message_id == ts)).one()

            clean = [ts for ts in tss if texts[ts] != PHI_TEXT]
            for ts in clean:  # wait until each report id is stored, so the approval can find the review
                for _ in range(200):
                    row = state_of(ts)
                    if row.report_message_id:
                        break
                    await asyncio.sleep(0.05)
                assert row.state == State.CLEAN.value, row.state

            async def approve(i: int, ts: str) -> list[int]:
                body = event_body({"type": "reaction_added", "user": OFFICER, "reaction": "white_check_mark",
                                   "item": {"type": "message", "channel": CHANNEL, "ts": ts}},
                                  f"Ev0APP{i:03d}")
                return list(await asyncio.gather(deliver(http, bases[i % 2], body),
                                                 deliver(http, bases[(i + 1) % 2], body, retry=1)))

            statuses = await asyncio.gather(*(approve(i, ts) for i, ts in enumerate(clean)))
            assert all(s == [200, 200] for s in statuses), statuses
            await api.wait_for("chat.update", count=len(clean), timeout=60,
                               where=lambda c: "cleared by" in json.dumps(c.params.get("blocks")))
            await asyncio.sleep(1.5)  # duplicates, if any, have time to show up

            with transaction(engine) as s:
                rows = {r.message_id: r for r in s.exec(select(Review).where(Review.message_id.in_(tss)))}
                audit = Counter((a.review_id, a.action) for a in s.exec(select(AuditEvent)))
                events = [e.event_id for e in s.exec(select(ProcessedEvent))]
            engine.dispose()

            for p in procs:
                p.send_signal(signal.SIGTERM)
            codes = [await asyncio.to_thread(p.wait, 40) for p in procs]
    finally:
        for p in procs:
            stop_process(p)
        await api.stop()

    assert codes == [0, 0], [log.read_text()[-2000:] for log in logs]
    assert sorted(rows) == sorted(tss)
    reports = Counter(c.params.get("thread_ts") for c in api.of("chat.postMessage") if c.result.get("ok"))
    for ts in tss:
        review = rows[ts]
        assert reports[ts] == 1, f"{ts}: {reports[ts]} reports"
        assert audit[(review.id, "draft_received")] == 1 and audit[(review.id, "checks_run")] == 1
        if ts in clean:
            assert review.state == State.CLEARED.value and review.decided_by == OFFICER
            assert audit[(review.id, "approve")] == 1
        else:
            assert review.state == State.FLAGGED.value and audit[(review.id, "approve")] == 0
    assert len(events) == len(set(events)) == DRAFTS + len(clean)
    both = [log.read_text() for log in logs]
    assert all("draft taken in" in t for t in both), "each replica took in some of the drafts"
    assert not any("Jane Doe" in t for t in both)


async def test_when_two_teams_replicas_get_the_same_activities_then_each_acts_once(pg_url, analyzer):
    """Teams: two in-process replicas (separate services, engines and servers) on one PostgreSQL
    database; every activity, the draft and then the officer's approval, reaches both at once."""
    from tests.test_teams import CLEAN_DRAFT, OFFICER as TEAMS_OFFICER, Harness, teams_config
    from tests.fakes.teams_connector import FakeConnector
    from bot.app import build_services

    connector = FakeConnector()
    connector.start()
    replicas = [await Harness(build_services(teams_config(pg_url, connector.url), analyzer=analyzer),
                              connector).start() for _ in range(2)]
    try:
        a, b = replicas
        drafts = [a.post(f"{CLEAN_DRAFT} #{i}") for i in range(4)]
        for d in drafts:
            statuses = await asyncio.gather(a.send(d), b.send(d))
            assert [s for s, _ in statuses] == [201, 201]
        async def cards_posted():
            for _ in range(600):  # a Teams turn may finish its intake after answering 201
                if all(any(c.activity_id == d["id"] and c.card for c in connector.of_kind("reply")) for d in drafts):
                    return
                await asyncio.sleep(0.05)
            raise AssertionError("not every draft got a card")

        await cards_posted()
        await asyncio.gather(a.settle(), b.settle())
        views = [a.review(d) for d in drafts]
        for view in views:
            answers = await asyncio.gather(a.send(a.click(view.id, "approve", TEAMS_OFFICER)),
                                           b.send(b.click(view.id, "approve", TEAMS_OFFICER)))
            assert [s for s, _ in answers] == [200, 200]
        await asyncio.gather(a.settle(), b.settle())
        await asyncio.sleep(1.0)  # duplicates, if any, have time to show up
        engine = a.services.engine
        with transaction(engine) as s:
            audit = Counter((e.review_id, e.action) for e in s.exec(select(AuditEvent)))
        for d, view in zip(drafts, views):
            replies = [c for c in connector.of_kind("reply") if c.activity_id == d["id"] and c.card]
            assert len(replies) == 1, f"{len(replies)} cards for one draft"
            assert audit[(view.id, "checks_run")] == 1 and audit[(view.id, "approve")] == 1
            assert a.services.reviews.get_by_id(view.id).state == State.CLEARED
    finally:
        for h in replicas:
            await h.close()
        connector.stop()
