"""Posts the review card as a reply in the draft's thread, then updates it in place.

Registered as ``services.reviews.publishers["teams"]``; the review service
stores the returned activity id as the review's ``report_message_id``. Uses
only stored conversation references, so it works the same after a restart."""
from __future__ import annotations

import asyncio
import logging
import weakref

from botbuilder.core import CardFactory, MessageFactory, TurnContext
from botbuilder.integration.aiohttp import CloudAdapter
from botbuilder.schema import Attachment as BfAttachment

from adapters import cleaned
from adapters.teams.files import inline_copy
from bot.images import CleanedImage
from bot.review_service import ReviewService, ReviewView
from adapters.teams.cards import review_card
from adapters.teams.refs import ConversationRefStore

log = logging.getLogger(__name__)


def card_activity(card: dict):
    return MessageFactory.attachment(CardFactory.adaptive_card(card))


CLEANED_TEXT = ("Cleaned copy of image {n}: metadata removed and flagged areas blurred. "
                "If the post goes ahead, post this copy instead of the original.")
PREVIEW_NOTE = (" This preview is scaled down to fit in a Teams message; a privacy officer can download the "
                "full-size cleaned copy from the review's page in the ClearPost console{link}.")


def cleaned_activity(image: CleanedImage, review_page: str | None = None):
    """A reply carrying the cleaned copy inline (a data URI: Teams renders it in channels, and
    the bytes need no public address; a copy too big for a message is sent as a smaller preview)."""
    uri, scaled = inline_copy(image)
    link = f" ({review_page})" if review_page else ""
    text = CLEANED_TEXT.format(n=image.index) + (PREVIEW_NOTE.format(link=link) if scaled else "")
    mimetype = "image/jpeg" if scaled else image.mimetype
    return MessageFactory.attachment(BfAttachment(content_type=mimetype, content_url=uri, name=image.name), text=text)


class TeamsPublisher:
    def __init__(self, adapter: CloudAdapter, refs: ConversationRefStore, app_id: str,
                 reviews: ReviewService | None = None):
        self.adapter = adapter
        self.refs = refs
        self.app_id = app_id
        self.reviews = reviews  # for the cleaned copies of images (None: none are posted)
        self._image_locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

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
        if sent:
            lock = self._image_locks.get(view.id)
            if lock is None:
                lock = self._image_locks[view.id] = asyncio.Lock()
            async with lock:  # two publishes at once must not post the same copy twice
                await self._post_cleaned(view, reference)  # after the card, never instead of it
        return sent[0] if sent else view.report_message_id

    def _review_page(self, view: ReviewView) -> str | None:
        """The console's page for this review, when the console has a public address."""
        origin = self.reviews.config.profile.server.public_origin if self.reviews else None
        return f"{origin.rstrip('/')}/console/reviews/{view.id}" if origin else None

    async def _post_cleaned(self, view: ReviewView, reference) -> None:
        """Each cleaned copy not yet posted, as an inline image in a reply in the draft's
        thread. Never raises: a copy not posted is tried again at the next publish."""
        try:
            images = await cleaned.pending(self.reviews, view, "teams") if self.reviews else []
        except Exception as e:  # noqa: BLE001 - e.g. the database; the card stands
            log.error("teams: could not read the cleaned images of review %s (%s)", view.id, type(e).__name__)
            return
        for image in images:
            try:
                # re-encoding a big copy takes CPU: off the event loop
                activity = await asyncio.to_thread(cleaned_activity, image, self._review_page(view))
            except Exception as e:  # noqa: BLE001 - a copy Pillow cannot shrink: the console still has it
                log.error("teams: cleaned image %d of review %s cannot be sent (%s)", image.index, view.id,
                          type(e).__name__)
                continue
            posted: list[str] = []

            async def send(turn_context: TurnContext, activity=activity, posted=posted) -> None:
                turn_context.activity.id = reference.activity_id
                response = await turn_context.send_activity(activity)
                posted.append(response.id if response and response.id else "")

            try:
                await self.adapter.continue_conversation(reference, send, bot_app_id=self.app_id or None)
                await cleaned.record(self.reviews, view, "teams", image, posted[0] if posted else "")
            except Exception as e:  # noqa: BLE001 - logged without content; the next publish tries again
                log.warning("teams: could not post cleaned image %d of review %s: %s", image.index, view.id,
                            type(e).__name__)
                return
