"""The scheduler: each due item is sent once, whoever runs the tick (several
schedulers = several replicas on one database), failed sends are retried a
bounded number of times, and time is the injected clock's."""
from __future__ import annotations

import asyncio
import threading
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlmodel import select

from bot.db import transaction, upgrade
from bot.models import ReminderSent
from bot.scheduler import MAX_ATTEMPTS, Due, Scheduler

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, at: datetime = T0):
        self.at = at

    def __call__(self) -> datetime:
        return self.at

    def advance(self, **kw) -> None:
        self.at += timedelta(**kw)


class Job:
    """Due: one item per subject, keyed by the clock's date; sending can be made to fail."""

    name = "test job"

    def __init__(self, subjects=("a",), fail: int = 0):
        self.subjects = subjects
        self.fail = fail
        self.sent: list[Due] = []
        self.lock = threading.Lock()

    def due(self, now: datetime) -> list[Due]:
        return [Due("test", s, now.date()) for s in self.subjects]

    async def send(self, item: Due) -> bool:
        await asyncio.sleep(0)  # let the other replica run in between
        with self.lock:
            if self.fail:
                self.fail -= 1
                return False
            self.sent.append(item)
        return True


def rows(engine) -> list[ReminderSent]:
    with transaction(engine) as s:
        return list(s.exec(select(ReminderSent).order_by(ReminderSent.id)))


async def test_when_two_schedulers_tick_at_once_then_each_item_is_sent_once(engine):
    upgrade(engine)
    clock, job = Clock(), Job(subjects=("a", "b", "c"))
    replicas = [Scheduler(engine, [job], clock=clock) for _ in range(2)]
    for _ in range(3):
        await asyncio.gather(*(r.tick() for r in replicas))
    assert sorted(i.subject for i in job.sent) == ["a", "b", "c"]
    assert {(r.subject, r.status) for r in rows(engine)} == {("a", "sent"), ("b", "sent"), ("c", "sent")}

    clock.advance(days=1)  # a new day: due again, once
    await asyncio.gather(*(r.tick() for r in replicas))
    assert len(job.sent) == 6
    assert [i.day for i in job.sent[3:]] == [date(2026, 3, 3)] * 3


async def test_when_sending_fails_then_a_later_tick_retries_it_a_bounded_number_of_times(engine):
    upgrade(engine)
    job = Job(fail=1)
    scheduler = Scheduler(engine, [job], clock=Clock())
    assert await scheduler.tick() == 0
    assert rows(engine)[0].status == "failed"
    assert await scheduler.tick() == 1
    assert [r.status for r in rows(engine)] == ["sent"] and rows(engine)[0].attempts == 2
    assert await scheduler.tick() == 0  # sent: never again that day

    never = Job(subjects=("z",), fail=100)
    scheduler = Scheduler(engine, [never], clock=Clock())
    for _ in range(MAX_ATTEMPTS + 3):
        await scheduler.tick()
    assert never.fail == 100 - MAX_ATTEMPTS
    assert [(r.status, r.attempts) for r in rows(engine) if r.subject == "z"] == [("failed", MAX_ATTEMPTS)]


async def test_when_a_job_cannot_list_its_items_then_the_others_still_run(engine):
    upgrade(engine)

    class Broken:
        name = "broken"

        def due(self, now):
            raise RuntimeError("database down")

        async def send(self, item):  # pragma: no cover - never due
            raise AssertionError

    job = Job()
    assert await Scheduler(engine, [Broken(), job], clock=Clock()).tick() == 1
    assert len(job.sent) == 1


async def test_when_running_forever_then_woken_ticks_follow_the_clock(engine):
    upgrade(engine)
    clock, job = Clock(), Job()
    scheduler = Scheduler(engine, [job], clock=clock, every_seconds=3600)
    task = asyncio.get_running_loop().create_task(scheduler.run_forever())
    try:
        for _ in range(200):
            if job.sent:
                break
            await asyncio.sleep(0.01)
        assert len(job.sent) == 1
        clock.advance(days=1)
        scheduler.wake()
        for _ in range(200):
            if len(job.sent) == 2:
                break
            await asyncio.sleep(0.01)
        assert [i.day for i in job.sent] == [date(2026, 3, 2), date(2026, 3, 3)]
    finally:
        task.cancel()


async def test_when_more_items_are_due_than_a_tick_sends_then_settled_ones_do_not_crowd_out_new_ones(engine,
                                                                                                     monkeypatch):
    upgrade(engine)
    monkeypatch.setattr("bot.scheduler.MAX_PER_TICK", 2)
    job = Job(subjects=("a", "b"))
    scheduler = Scheduler(engine, [job], clock=Clock())
    assert await scheduler.tick() == 2
    job.subjects = ("a", "b", "c", "d")  # a and b stay due (sent), c and d are new
    assert await scheduler.tick() == 2
    assert [i.subject for i in job.sent] == ["a", "b", "c", "d"]


async def test_when_serve_starts_then_the_scheduler_loop_runs_unless_reminders_are_disabled(db_url, analyzer):
    from bot.app import build_services
    from tests.conftest import make_config
    from tests.fakes.slack_api import BotServer

    for enabled in (True, False):
        services = build_services(make_config(db_url, reminders={"enabled": enabled}), analyzer=analyzer)
        loop = asyncio.get_running_loop()
        ticked = asyncio.Event()

        class Probe:
            name = "probe"

            def due(self, now):  # runs in a worker thread
                loop.call_soon_threadsafe(ticked.set)
                return []

        services.scheduler.jobs.append(Probe())
        server = await BotServer(services).start()
        try:
            loops = [t for t in asyncio.all_tasks() if t.get_coro().__qualname__ == "Scheduler.run_forever"
                     and t.get_coro().cr_frame.f_locals.get("self") is services.scheduler]
            assert len(loops) == int(enabled)
            if enabled:
                await asyncio.wait_for(ticked.wait(), 20)  # the first tick runs at start-up
        finally:
            await server.stop()
            services.pipeline.close()
            services.engine.dispose()
