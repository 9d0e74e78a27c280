"""Reminders and notices in Slack (bot/reminders.py): a nudge to the officers
is a reply in the draft's thread (under the report) that mentions them; a
nudge to the author mentions the author there; the weekly consent notice is a
direct message to each officer (``chat.postMessage`` to the user id opens the
bot's DM with them). None of them carries draft text.

Posts go through the report client, which retries only 429s: a post whose
answer was lost is not posted again behind the scheduler's back (the
scheduler decides about retries, once per tick)."""
from __future__ import annotations

import logging

from slack_sdk.web.async_client import AsyncWebClient

from bot.reminders import ConsentNotice, Nudge

from .publisher import classify

log = logging.getLogger(__name__)


class SlackNotifier:
    def __init__(self, client: AsyncWebClient, officers: list[str]):
        self.client = client
        self.officers = officers

    async def _post(self, what: str, **params) -> bool:
        try:
            await self.client.chat_postMessage(unfurl_links=False, unfurl_media=False, **params)
            return True
        except Exception as e:  # noqa: BLE001 - classified; the scheduler tries again later
            log.warning("slack: could not send a %s (%s)", what, classify(e).detail)
            return False

    async def nudge_officers(self, nudge: Nudge) -> bool:
        mentions = " ".join(f"<@{o}>" for o in self.officers if o != nudge.author)
        text = f"{mentions} {nudge.officers_text()}".strip()
        return await self._post("reminder", channel=nudge.ref.channel, thread_ts=nudge.ref.message_id, text=text)

    async def nudge_author(self, nudge: Nudge) -> bool:
        return await self._post("reminder", channel=nudge.ref.channel, thread_ts=nudge.ref.message_id,
                                text=f"<@{nudge.author}> {nudge.author_text()}")

    async def consent_notice(self, notice: ConsentNotice, officer: str) -> bool:
        return await self._post("consent notice", channel=officer, text=notice.text())
