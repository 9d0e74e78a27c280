"""Posts the review card as a reply in the draft's thread, then updates it in place.

Registered as ``services.reviews.publishers["teams"]``; the review service
stores the returned activity id as the review's ``report_message_id``. Uses
only stored conversation references, so it works the same after a restart."""
from __future__ import annotations

import asyncio
import logging

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter

from bot.review_service import ReviewView
from adapters.teams.cards import review_card
from adapters.teams.refs import ConversationRefStore

log = logging.getLogger(__name__)


def card_activity(card: dict):
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


class TeamsPublisher:
    def __init__(self, adapter: CloudAdapter, refs: ConversationRefStore, app_id: str):
        self.adapter = adapter
        self.refs = refs
        self.app_id = app_id

    async def publish(self, view: ReviewView, maybe_posted: bool = False) -> str | None:
        """Post or refresh the card; never raises (the review itself is already stored).
        ``maybe_posted`` is not acted on: a card posted just before a crash is posted again
        (Bot Framework offers no read-back of a thread; docs/deployment.md)."""
        reference = await asyncio.to_thread(self.refs.load, view.ref.key)
        if reference is None:
            log.warning("teams: no conversation reference for review %s; card not posted", view.id)
            return view.report_message_id
        sent: list[str] = []

        async def send(turn_context: TurnContext) -> None:
            if view.report_message_id:
                update = card_activity(review_card(view))
                update.id = view.report_message_id
                try:
                    await turn_context.update_activity(update)
                    sent.append(view.report_message_id)
                    return
                except Exception as e:  # noqa: BLE001 - e.g. the card was deleted
                    # a stale card could show a voided clearance: post a fresh one instead
                    log.warning("teams: could not update the card of review %s (%s); posting a new one",
                                view.id, type(e).__name__)
            # reply to the draft itself, so the card lands in the draft's thread
            turn_context.activity.id = reference.activity_id
            response = await turn_context.send_activity(card_activity(review_card(view)))
            if response and response.id:
                sent.append(response.id)

        try:
            await self.adapter.continue_conversation(reference, send, bot_app_id=self.app_id or None)
        except Exception as e:  # noqa: BLE001 - a failed post must not lose the stored review
            log.warning("teams: could not publish review %s: %s", view.id, type(e).__name__)
            return view.report_message_id
        return sent[0] if sent else view.report_message_id
