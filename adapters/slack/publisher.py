"""Posts the report as one threaded reply and updates that same reply
afterwards. Publishes for one review are serialised and always render the
stored state, so two racing updates cannot leave an older state on screen or
post a second report."""
from __future__ import annotations

import asyncio
import logging
import weakref

from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.review_service import ReviewService, ReviewView

from .report import render, summary_text

log = logging.getLogger(__name__)


class SlackPublisher:
    def __init__(self, client: AsyncWebClient, reviews: ReviewService, approve_reaction: str, officers: list[str]):
        self.client = client
        self.reviews = reviews
        self.approve_reaction = approve_reaction
        self.officers = officers
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()
        self._posted: dict[int, str] = {}  # review id -> report ts, until the service has stored it

    async def publish(self, view: ReviewView) -> str | None:
        lock = self._locks.get(view.id)
        if lock is None:
            lock = self._locks[view.id] = asyncio.Lock()
        async with lock:
            latest = await asyncio.to_thread(self.reviews.get_by_id, view.id) or view
            if latest.report_message_id:
                self._posted.pop(view.id, None)
            ts = latest.report_message_id or self._posted.get(view.id)
            blocks = render(latest, self.approve_reaction, self.officers)
            text = summary_text(latest)
            try:
                if ts:
                    try:
                        await self.client.chat_update(channel=latest.ref.channel, ts=ts, text=text, blocks=blocks)
                        return ts
                    except SlackApiError as e:
                        if e.response.get("error") not in ("message_not_found", "cant_update_message"):
                            raise
                        log.warning("review %s: report %s is gone; posting a new one", view.id, ts)
                resp = await self.client.chat_postMessage(
                    channel=latest.ref.channel, thread_ts=latest.ref.message_id, text=text, blocks=blocks,
                    unfurl_links=False, unfurl_media=False)
                self._posted[view.id] = resp["ts"]
                return resp["ts"]
            except SlackApiError as e:
                log.error("review %s: could not publish the report (%s)", view.id, e.response.get("error"))
                return None
