"""The scheduler: a periodic loop that runs jobs, each of which names what is
due now (a reminder for a draft, the weekly consent notice) and sends it.

Exactly once across replicas: before sending, the scheduler inserts a row
``reminder_sent(kind, subject, day)`` with INSERT .. ON CONFLICT DO NOTHING;
the unique constraint lets one insert through, on SQLite and PostgreSQL
alike, and only the replica whose insert went through sends. A send that
fails is marked ``failed`` and taken up again by a later tick (a conditional
UPDATE that, again, only one replica wins), up to ``MAX_ATTEMPTS``. A process
that dies between the insert and the send loses that one reminder: at most
once, never twice.

The clock is injected (``clock() -> aware datetime``): every "is it due"
decision reads it, so tests move time forward and call ``tick()``.
"""
from __future__ import annotations

import asyncio
import logging
import os
import socket
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Awaitable, Callable, Protocol

from sqlalchemy import or_, select, update

from bot.db import transaction
from bot.models import ReminderSent, utcnow

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
MAX_ATTEMPTS = 3  # a reminder whose sending failed is tried again by later ticks, this many times in all
MAX_PER_TICK = 100  # sends per job per tick; the rest wait for the next tick


@dataclass(frozen=True)
class Due:
    """One thing a job wants sent: unique by (kind, subject, day)."""

    kind: str
    subject: str
    day: date
    payload: Any = field(default=None, compare=False, repr=False)
    review_id: int | None = None


class Job(Protocol):
    name: str

    def due(self, now: datetime) -> list[Due]:
        """What is due at ``now`` (database reads: runs in a worker thread)."""

    async def send(self, item: Due) -> bool:
        """Send it; True when it went out. Never raises for a platform failure."""


def _insert_ignoring_duplicates(bind, values: dict):
    dialect = bind.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    elif dialect == "sqlite":
        from sqlalchemy.dialects.sqlite import insert
    else:
        raise NotImplementedError(f"database {dialect!r}: ClearPost supports SQLite and PostgreSQL")
    return (insert(ReminderSent.__table__).values(**values)
            .on_conflict_do_nothing(index_elements=["kind", "subject", "day"])
            .returning(ReminderSent.id))


class Scheduler:
    def __init__(self, engine, jobs: list[Job] | None = None, clock: Clock = utcnow, every_seconds: float = 60.0,
                 owner: str | None = None):
        self.engine = engine
        self.jobs: list[Job] = list(jobs or [])
        self.clock = clock
        self.every_seconds = every_seconds
        self.owner = owner or f"{socket.gethostname()[:60]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._wake = asyncio.Event()

    # ---- claiming -----------------------------------------------------
    def claim(self, item: Due) -> bool:
        """Take the right to send ``item``: True for exactly one caller across processes
        (a new row, or a failed one taken up again)."""
        now = self.clock()
        with transaction(self.engine) as s:
            db = s.connection()
            new = db.execute(_insert_ignoring_duplicates(db, {
                "kind": item.kind, "subject": item.subject, "day": item.day, "review_id": item.review_id,
                "claimed_by": self.owner, "claimed_at": now, "status": "sending", "attempts": 1,
            })).scalar()
            if new is not None:
                return True
            retried = db.execute(
                update(ReminderSent)
                .where(ReminderSent.kind == item.kind, ReminderSent.subject == item.subject,
                       ReminderSent.day == item.day, ReminderSent.status == "failed",
                       ReminderSent.attempts < MAX_ATTEMPTS)
                .values(status="sending", attempts=ReminderSent.attempts + 1, claimed_by=self.owner, claimed_at=now)
            ).rowcount
            return bool(retried)

    def _mark(self, item: Due, status: str) -> None:
        with transaction(self.engine) as s:
            s.execute(update(ReminderSent)
                      .where(ReminderSent.kind == item.kind, ReminderSent.subject == item.subject,
                             ReminderSent.day == item.day, ReminderSent.claimed_by == self.owner)
                      .values(status=status))

    # ---- running ------------------------------------------------------
    async def tick(self) -> int:
        """Run every job once; returns how many items this process sent."""
        now = self.clock()
        sent = 0
        for job in self.jobs:
            try:
                items = await asyncio.to_thread(job.due, now)
            except Exception as e:  # noqa: BLE001 - the database may be down: next tick
                log.warning("scheduler: %s could not list what is due: %s", job.name, type(e).__name__)
                continue
            try:
                items = await asyncio.to_thread(self._unsettled, items)
            except Exception as e:  # noqa: BLE001
                log.warning("scheduler: %s could not read what was sent: %s", job.name, type(e).__name__)
                continue
            for item in items[:MAX_PER_TICK]:
                sent += await self._run(job, item)
        return sent

    def _unsettled(self, items: list[Due]) -> list[Due]:
        """Leave out what was sent, is being sent or was given up on: a draft waiting for days stays
        due all that time, and must not take the place of a new one in a tick's share."""
        if not items:
            return []
        with transaction(self.engine) as s:
            settled = set(s.execute(
                select(ReminderSent.kind, ReminderSent.subject, ReminderSent.day)
                .where(ReminderSent.day.in_(sorted({i.day for i in items})),
                       ReminderSent.kind.in_(sorted({i.kind for i in items})),
                       or_(ReminderSent.status != "failed", ReminderSent.attempts >= MAX_ATTEMPTS))).all())
        return [i for i in items if (i.kind, i.subject, i.day) not in settled]

    async def _run(self, job: Job, item: Due) -> int:
        try:
            if not await asyncio.to_thread(self.claim, item):
                return 0  # sent (or being sent) by another replica, or given up
        except Exception as e:  # noqa: BLE001
            log.warning("scheduler: could not claim a %s: %s", item.kind, type(e).__name__)
            return 0
        try:
            ok = await job.send(item)
        except Exception as e:  # noqa: BLE001 - a job must not stop the loop
            log.warning("scheduler: sending a %s failed: %s", item.kind, type(e).__name__)
            ok = False
        try:
            await asyncio.to_thread(self._mark, item, "sent" if ok else "failed")
        except Exception as e:  # noqa: BLE001 - left "sending": it is not sent again
            log.warning("scheduler: could not record a %s: %s", item.kind, type(e).__name__)
        if ok:
            log.info("scheduler: sent %s for %s", item.kind, item.subject)
        return int(ok)

    def wake(self) -> None:
        """Run a tick now instead of at the end of the current wait."""
        self._wake.set()

    async def run_forever(self) -> None:
        while True:
            try:
                await self.tick()
            except Exception as e:  # noqa: BLE001
                log.warning("scheduler tick failed: %s", type(e).__name__)
            try:
                await asyncio.wait_for(self._wake.wait(), self.every_seconds)
            except asyncio.TimeoutError:
                pass
            self._wake.clear()


def start(scheduler: Scheduler) -> Callable[[], Awaitable[None]]:
    """Start the loop on the running event loop; returns a coroutine function that stops it."""
    task = asyncio.get_running_loop().create_task(scheduler.run_forever())

    async def stop() -> None:
        task.cancel()
        try:
            await task
        except (asyncio.CancelledError, Exception):  # noqa: BLE001
            pass
    return stop
