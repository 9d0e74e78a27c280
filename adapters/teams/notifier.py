"""Reminders and notices in Teams (bot/reminders.py), sent proactively through
stored conversation references: a nudge (to the officers, or to the author) is
a reply in the draft's thread, under its card; the weekly consent notice opens
a 1:1 chat with each officer by Azure AD object id, using the service URL, and bot
of the most recent stored reference and the tenant of ``TEAMS_TENANT_ID``
(stored references do not keep it); Teams accepts an AAD id there when the app
is installed for that person. None of them carries draft text."""
from __future__ import annotations

import asyncio
import logging

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import ChannelAccount, ConversationParameters, ConversationReference
from sqlmodel import select

from bot.db import transaction
from bot.models import ConversationRef
from bot.reminders import ConsentNotice, Nudge
from adapters.teams.refs import PLATFORM, ConversationRefStore

log = logging.getLogger(__name__)


class TeamsNotifier:
    def __init__(self, adapter: CloudAdapter, refs: ConversationRefStore, app_id: str, tenant_id: str | None):
        self.adapter = adapter
        self.refs = refs
        self.app_id = app_id
        self.tenant_id = tenant_id

    async def _in_thread(self, nudge: Nudge, text: str) -> bool:
        reference = await asyncio.to_thread(self.refs.load, nudge.ref.key)
        if reference is None:
            log.warning("teams: no conversation reference for review %s; reminder not sent", nudge.review_id)
            return False

        async def send(turn_context: TurnContext) -> None:
            turn_context.activity.id = reference.activity_id  # a reply to the draft: its thread
            await turn_context.send_activity(MessageFactory.text(text))

        try:
            await self.adapter.continue_conversation(reference, send, bot_app_id=self.app_id or None)
        except Exception as e:  # noqa: BLE001 - the scheduler tries again later
            log.warning("teams: could not send a reminder for review %s: %s", nudge.review_id, type(e).__name__)
            return False
        return True

    async def nudge_officers(self, nudge: Nudge) -> bool:
        return await self._in_thread(nudge, f"Privacy officers: {nudge.officers_text()}")

    async def nudge_author(self, nudge: Nudge) -> bool:
        return await self._in_thread(nudge, nudge.author_text())

    def _latest_reference(self) -> ConversationReference | None:
        with transaction(self.refs.engine) as s:
            row = s.exec(select(ConversationRef.key).where(ConversationRef.platform == PLATFORM)
                         .order_by(ConversationRef.updated_at.desc()).limit(1)).first()
        return self.refs.load(row) if row else None

    async def consent_notice(self, notice: ConsentNotice, officer: str) -> bool:
        reference = await asyncio.to_thread(self._latest_reference)
        if reference is None:
            log.warning("teams: no conversation seen yet, so no service URL: consent notice not sent")
            return False
        conversation = reference.conversation
        extra = getattr(conversation, "additional_properties", None) or {}  # Teams writes "tenantId"
        tenant = self.tenant_id or getattr(conversation, "tenant_id", None) or extra.get("tenantId") or None
        params = ConversationParameters(
            is_group=False, bot=reference.bot, members=[ChannelAccount(id=officer, aad_object_id=officer)],
            tenant_id=tenant, channel_data={"tenant": {"id": tenant}} if tenant else None)

        async def send(private_ctx: TurnContext) -> None:
            await private_ctx.send_activity(MessageFactory.text(notice.text()))

        try:
            await self.adapter.create_conversation(self.app_id or None, send, params,
                                                   channel_id=reference.channel_id or "msteams",
                                                   service_url=reference.service_url)
        except Exception as e:  # noqa: BLE001 - the scheduler tries again later
            log.warning("teams: could not send the consent notice to an officer: %s", type(e).__name__)
            return False
        return True
