"""`consent NAME` sent to the bot: a consent look-up answered privately.

Only the users allowed by ``consent_lookup.teams`` (default: the Teams privacy
officers) get an answer. In a 1:1 chat the answer is the reply; for an
@mention in a channel the answer goes to a new 1:1 chat with the asker and
the channel only hears that it was sent. The answer never goes to a channel."""
from __future__ import annotations

import asyncio
import inspect
import logging
import re

from botbuilder.core import MessageFactory, TurnContext
from botbuilder.schema import ChannelAccount, ConversationParameters

from bot.app import Services
from adapters.teams.translate import actor_of, is_personal, tenant_id

log = logging.getLogger(__name__)

COMMAND = re.compile(r"^consent(?:\s+(?P<query>.*))?$", re.IGNORECASE | re.DOTALL)
UNAVAILABLE = "consent registry unavailable"
NOT_ALLOWED = "You are not allowed to look up consents. Ask your privacy officer."
USAGE = "Usage: consent NAME (a patient's name, alias or handle)."
SENT_PRIVATELY = "I sent you the answer in a private chat."
NO_PRIVATE_CHAT = ("I could not open a private chat with you, so I am not answering here. "
                   "Send `consent NAME` to me in a 1:1 chat.")


def parse(text: str) -> str | None:
    """The query of a consent command ('' when the name is missing), or None if not one."""
    m = COMMAND.match(text.strip())
    if not m:
        return None
    return (m.group("query") or "").strip()


def may_look_up(services: Services, activity) -> bool:
    actor = actor_of(activity)
    tenant = services.config.secrets.teams_tenant_id
    if tenant and tenant_id(activity) != tenant:
        return False
    return bool(actor) and actor in services.config.consent_lookup_users("teams")


async def answer_for(services: Services, query: str) -> str:
    consents = getattr(services, "consents", None)
    if consents is None:
        return UNAVAILABLE
    try:
        if inspect.iscoroutinefunction(consents.lookup):
            result = await consents.lookup(query)
        else:  # database work off the event loop
            result = await asyncio.to_thread(consents.lookup, query)
        return result.text()
    except Exception as e:  # noqa: BLE001 - fail closed, never guess an answer
        log.warning("teams: consent look-up failed: %s", type(e).__name__)
        return UNAVAILABLE


async def handle(ctx: TurnContext, services: Services, adapter, app_id: str, query: str) -> None:
    activity = ctx.activity
    if not may_look_up(services, activity):
        await ctx.send_activity(NOT_ALLOWED)
        return
    if not query:
        await ctx.send_activity(USAGE)
        return
    answer = await answer_for(services, query)
    if is_personal(activity):
        await ctx.send_activity(answer)
        return
    if await _send_privately(adapter, app_id, activity, answer):
        await ctx.send_activity(SENT_PRIVATELY)
    else:
        await ctx.send_activity(NO_PRIVATE_CHAT)


async def _send_privately(adapter, app_id: str, activity, text: str) -> bool:
    tenant = tenant_id(activity)
    params = ConversationParameters(
        is_group=False, bot=activity.recipient,
        members=[ChannelAccount(id=activity.from_property.id)],
        tenant_id=tenant or None, channel_data={"tenant": {"id": tenant}} if tenant else None)

    async def send(private_ctx: TurnContext) -> None:
        await private_ctx.send_activity(MessageFactory.text(text))

    try:
        await adapter.create_conversation(app_id or None, send, params, channel_id=activity.channel_id,
                                          service_url=activity.service_url)
    except Exception as e:  # noqa: BLE001 - say so in the channel, without the answer
        log.warning("teams: could not open a private chat: %s", type(e).__name__)
        return False
    return True
