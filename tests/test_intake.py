"""Group commit of new drafts (bot/intake.py), on SQLite and PostgreSQL: a
burst is stored in a few transactions, each draft once, and a failed write
fails every draft in it so that the platform's retry is not mistaken for a
duplicate."""
from __future__ import annotations

import asyncio
import threading

import pytest
from sqlalchemy import event, func
from sqlalchemy import text as sql
from sqlmodel import Session, select

from bot.audit.verify import verify
from bot.db import make_engine
from bot.domain import Draft, DraftRejected, MessageRef
from bot.models import AuditEvent, ProcessedEvent, Review
from bot.review_service import ReviewService
from bot.states import State
from tests.conftest import make_config

CLEAN_TEXT = "Five grounding techniques to try when anxiety spikes"


def draft(i: int, text: str = CLEAN_TEXT) -> Draft:
    return Draft(text=f"{text} #{i}", author="U0STAFF", ref=MessageRef("slack", "T1", "C0REVIEW1", f"17.{i:06d}"),
                 platforms=("instagram",))


def count(engine, model) -> int:
    with Session(engine) as s:
        return s.exec(select(func.count()).select_from(model)).one()


def commits_of(engine) -> list[int]:
    seen: list[int] = []
    event.listen(engine, "commit", lambda _conn: seen.append(1))
    return seen


async def test_when_fifty_drafts_arrive_together_then_each_is_stored_once_in_a_few_commits(services):
    commits = commits_of(services.engine)
    ids = await asyncio.gather(*(services.intake.take_in(draft(i), f"Ev{i}") for i in range(50)))
    assert len(set(ids)) == 50 and None not in ids
    assert len(commits) <= 5  # one per draft would be 50
    await services.reviews.drain(60)
    with Session(services.engine) as s:
        states = {row.state for row in s.exec(select(Review))}
    assert states == {State.CLEAN.value}  # every one was scheduled and checked
    assert count(services.engine, ProcessedEvent) == 50
    assert verify(services.engine).ok


async def test_when_an_event_comes_twice_in_one_burst_or_later_then_one_review(services):
    first = await asyncio.gather(services.intake.take_in(draft(1), "EvA"), services.intake.take_in(draft(1), "EvA"),
                                 services.intake.take_in(draft(2), "EvB"))
    assert first[0] is not None and first[1] is None and first[2] not in (None, first[0])
    await services.reviews.drain(30)  # the two checks write their own audit rows; let them land first
    audit_rows = count(services.engine, AuditEvent)
    assert await services.intake.take_in(draft(1), "EvA") is None  # Slack's retry
    assert await services.intake.take_in(draft(1), "EvC") is None  # the same message under another event
    assert count(services.engine, Review) == 2 and count(services.engine, AuditEvent) == audit_rows
    await services.reviews.drain(30)


async def test_when_a_draft_cannot_be_reviewed_then_it_alone_is_refused(services):
    results = await asyncio.gather(services.intake.take_in(draft(1), "EvA"),
                                   services.intake.take_in(Draft(text="  ", author="U0STAFF",
                                                                 ref=MessageRef("slack", "T1", "C0REVIEW1", "18.1")),
                                                           "EvB"),
                                   return_exceptions=True)
    assert isinstance(results[0], int) and isinstance(results[1], DraftRejected)
    assert count(services.engine, Review) == 1
    assert count(services.engine, ProcessedEvent) == 1  # the refused event is not marked as taken in
    await services.reviews.drain(30)


async def test_when_the_write_fails_then_every_draft_in_it_fails_and_their_retries_are_stored(services):
    with services.engine.begin() as c:
        c.execute(sql("ALTER TABLE processed_event RENAME TO processed_event_away"))
    results = await asyncio.gather(*(services.intake.take_in(draft(i), f"Ev{i}") for i in range(5)),
                                   return_exceptions=True)
    assert all(isinstance(r, Exception) and not isinstance(r, DraftRejected) for r in results)
    assert count(services.engine, Review) == 0
    with services.engine.begin() as c:
        c.execute(sql("ALTER TABLE processed_event_away RENAME TO processed_event"))
    retried = await asyncio.gather(*(services.intake.take_in(draft(i), f"Ev{i}") for i in range(5)))
    assert None not in retried and count(services.engine, Review) == 5
    await services.reviews.drain(30)


async def test_when_the_waiting_handler_is_cancelled_then_the_draft_is_still_stored_and_checked(services):
    waiting = asyncio.get_running_loop().create_task(services.intake.take_in(draft(1), "EvA"))
    await asyncio.sleep(0)  # queued
    waiting.cancel()
    await asyncio.gather(waiting, return_exceptions=True)
    state = None
    for _ in range(600):  # stored, then scheduled, then checked: no task to wait on from here
        with Session(services.engine) as s:
            state = s.exec(select(Review.state)).first()
        if state not in (None, State.CHECKING.value):
            break
        await asyncio.sleep(0.05)
    assert state == State.CLEAN.value


def test_when_two_replicas_store_the_same_burst_at_once_then_each_message_is_stored_once(db_url):
    if not db_url.startswith("postgres"):
        pytest.skip("replicas share a PostgreSQL database")
    config = make_config(db_url)
    engines = [make_engine(db_url), make_engine(db_url)]
    from bot.db import upgrade
    upgrade(engines[0])
    replicas = [ReviewService(config, e, pipeline=None) for e in engines]
    rounds = 20
    try:
        for r in range(rounds):
            items = [(draft(r * 100 + i), f"Ev{r}-{i}") for i in range(10)]
            results: list[list[int | None]] = [[], []]
            start = threading.Barrier(2)

            def store(k: int) -> None:
                start.wait()
                results[k] = replicas[k].submit_many(items)

            threads = [threading.Thread(target=store, args=(k,)) for k in (0, 1)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            for a, b in zip(*results):
                assert (a is None) != (b is None)  # exactly one replica took each draft in
        assert count(engines[0], Review) == rounds * 10 == count(engines[0], ProcessedEvent)
        assert verify(engines[0]).ok
    finally:
        for e in engines:
            e.dispose()
