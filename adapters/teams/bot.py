"""The turn handler: routes each Teams activity to intake, decisions or consent.

A plain ``Bot`` with its own dispatch rather than ``TeamsActivityHandler``:
the stock invoke path double-serialises ``adaptiveCard/action`` answers in
botbuilder 4.17.1 (HTTP 500), so invokes are answered here with the response
model left unserialised for the HTTP layer to serialise once."""
from __future__ import annotations

import asyncio
import logging

from botbuilder.core import Bot, InvokeResponse, TurnContext
from botbuilder.schema import Activity, ActivityTypes

from bot.app import Services
from bot.domain import DraftRejected
from adapters.teams import consent, decisions
from adapters.teams.refs import ConversationRefStore
from adapters.teams.translate import (PLATFORM, channel_id, clean_text, draft_of, event_type, from_teams,
                                      is_personal, is_thread_reply, mentions_bot, message_ref, actor_of, tenant_id)

log = logging.getLogger(__name__)

HELP = ("I review social-media drafts posted in your practice's review channels and reply with "
        "my findings. Privacy officers can send `consent NAME` here to look up a patient's consent.")
NOT_A_REVIEW_CHANNEL = ("This channel is not a ClearPost review channel. Post drafts in a review "
                        "channel, or ask your administrator to add this one.")
HELP_WORDS = ("", "help", "?")
POST_AS_NEW = "To have a draft reviewed, post it as a new message in the channel, not as a reply."


class TeamsBot(Bot):
    def __init__(self, services: Services, refs: ConversationRefStore, adapter, app_id: str):
        self.services = services
        self.refs = refs
        self.adapter = adapter
        self.app_id = app_id

    async def on_turn(self, ctx: TurnContext) -> None:
        a = ctx.activity
        allowed_tenant = self.services.config.secrets.teams_tenant_id
        if not from_teams(a):
            log.info("teams: ignored an activity from another Bot Framework channel")
            if a.type == ActivityTypes.invoke:
                await ctx.send_activity(Activity(type=ActivityTypes.invoke_response,
                                                 value=InvokeResponse(status=403)))
            return
        if a.type == ActivityTypes.invoke and a.name == "adaptiveCard/action":
            await self._answer_invoke(ctx, await decisions.on_card_action(self.services, a))
            return
        if allowed_tenant and tenant_id(a) != allowed_tenant:
            log.info("teams: ignored an activity from another tenant")
            return
        if self._from_bot(a):
            return
        if a.type == ActivityTypes.message:
            await self._on_message(ctx)
        elif a.type == ActivityTypes.message_update and event_type(a) == "editMessage":
            await self._on_edit(ctx)
        elif a.type == ActivityTypes.message_delete and event_type(a) == "softDeleteMessage":
            await self._on_delete(ctx)
        elif a.type == ActivityTypes.message_reaction:
            refusal = await decisions.on_reaction(self.services, a)
            if refusal:
                await ctx.send_activity(refusal)

    @staticmethod
    def _from_bot(a: Activity) -> bool:
        sender = a.from_property
        if sender is None:
            return True
        return sender.role == "bot" or (a.recipient is not None and sender.id == a.recipient.id)

    @staticmethod
    async def _answer_invoke(ctx: TurnContext, body) -> None:
        await ctx.send_activity(Activity(type=ActivityTypes.invoke_response,
                                         value=InvokeResponse(status=200, body=body)))

    def _review_channel(self, a: Activity):
        return self.services.config.channel(PLATFORM, channel_id(a))

    async def _on_message(self, ctx: TurnContext) -> None:
        a = ctx.activity
        addressed = is_personal(a) or mentions_bot(a)
        if addressed:
            text = clean_text(a)
            query = consent.parse(text)
            if query is not None:
                await consent.handle(ctx, self.services, self.adapter, self.app_id, query)
                return
            if text.lower() in HELP_WORDS and not a.attachments:
                await ctx.send_activity(HELP)
                return
        if is_personal(a):
            await ctx.send_activity(HELP)
            return
        channel = self._review_channel(a)
        if channel is None:
            if addressed:
                await ctx.send_activity(NOT_A_REVIEW_CHANNEL)
            return
        if is_thread_reply(a):
            if addressed:
                await ctx.send_activity(POST_AS_NEW)
            return
        ref = message_ref(a)
        draft = draft_of(a, channel.default_targets)
        await asyncio.to_thread(self.refs.save, ref.key, TurnContext.get_conversation_reference(a))
        try:
            # the activity is recorded with the draft, in one transaction: a redelivery is
            # recognised, and a failed write records neither, so the retry is not lost
            await self.services.intake.take_in(draft, event_id=ref.key.split(":", 1)[1])
        except DraftRejected as e:
            await ctx.send_activity(f"ClearPost cannot review this post: {e}.")

    async def _on_edit(self, ctx: TurnContext) -> None:
        a = ctx.activity
        channel = self._review_channel(a)
        if channel is None or is_thread_reply(a):
            return
        draft = draft_of(a, channel.default_targets)
        await asyncio.to_thread(self.refs.save, draft.ref.key, TurnContext.get_conversation_reference(a))
        try:
            review_id = await asyncio.to_thread(self.services.reviews.edit, draft)
        except DraftRejected as e:
            await ctx.send_activity(f"ClearPost cannot review this edit: {e}.")
            return
        if review_id is None:
            return
        view = await asyncio.to_thread(self.services.reviews.get_by_id, review_id)
        if view is not None:
            await self.services.reviews.publish(view)  # show at once that any clearance is void
        self.services.reviews.schedule(review_id)

    async def _on_delete(self, ctx: TurnContext) -> None:
        a = ctx.activity
        if self._review_channel(a) is None:
            return
        result = await asyncio.to_thread(self.services.reviews.withdraw, message_ref(a), actor_of(a) or "teams")
        if result.ok and result.review is not None:
            await self.services.reviews.publish(result.review)
