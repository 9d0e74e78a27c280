"""Group commit for new drafts.

A chat platform's event is acknowledged only once its draft is stored, so
nothing acknowledged can be lost. Drafts come in bursts (a campaign pasted
all at once), and one transaction per draft queues them all behind the
database's single writer and one commit each: the 50th acknowledgement then
waits for 49 commits. Here every draft that arrives while a write is under
way goes into the next write, so a burst costs a handful of commits.
"""
from __future__ import annotations

import asyncio
import logging

from bot.domain import Draft, validate_draft_text
from bot.review_service import ReviewService

log = logging.getLogger(__name__)

MAX_BATCH = 200  # a bound on one transaction's size; bursts beyond it take several


class Intake:
    def __init__(self, reviews: ReviewService, max_batch: int = MAX_BATCH):
        self.reviews = reviews
        self.max_batch = max_batch
        self._waiting: list[tuple[Draft, str | None, asyncio.Future]] = []
        self._writer: asyncio.Task | None = None

    async def take_in(self, draft: Draft, event_id: str | None = None) -> int | None:
        """Store a new draft with its platform event id and schedule its checks.

        Returns the review id, or None for a retry of an event already taken
        in or a message already known. Raises ``DraftRejected`` (nothing is
        stored) for a draft that cannot be reviewed, and the database's error
        when the write fails, so the platform's retry is not lost."""
        validate_draft_text(draft.text, has_attachments=bool(draft.attachments))
        loop = asyncio.get_running_loop()
        stored = loop.create_future()
        self._waiting.append((draft, event_id, stored))
        if self._writer is None or self._writer.done():
            self._writer = loop.create_task(self._write())
        return await stored

    async def idle(self, timeout: float) -> None:
        """Shutdown: wait (up to ``timeout`` seconds) for the drafts being
        stored, so their reviews are scheduled before the drain looks for them."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while self._writer is not None and not self._writer.done() and loop.time() < deadline:
            await asyncio.wait({self._writer}, timeout=deadline - loop.time())

    async def _write(self) -> None:
        """Write whatever is waiting, batch after batch, until nothing is."""
        while self._waiting:
            batch, self._waiting = self._waiting[:self.max_batch], self._waiting[self.max_batch:]
            try:
                ids = await asyncio.to_thread(self.reviews.submit_many, [(d, e) for d, e, _ in batch])
            except Exception as e:  # noqa: BLE001 - every waiting handler answers with the error
                log.warning("storing %d draft(s) failed: %s", len(batch), type(e).__name__)
                for _, _, stored in batch:
                    if not stored.done():
                        stored.set_exception(e)
                continue
            for (_, _, stored), review_id in zip(batch, ids):
                if not stored.done():
                    stored.set_result(review_id)
            # after the answers, so the acknowledgements go out first; checked even if the handler has gone
            for review_id in ids:
                if review_id is not None:
                    self.reviews.schedule(review_id)
