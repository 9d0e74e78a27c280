"""Officer decisions from Teams: Action.Execute buttons and reactions on the card.

Only the configured officers' Azure AD object ids, in the configured tenant
(when one is set), may act; the review service additionally refuses
self-approval and a plain approval of a blocking draft. Every answer to a
button is a card: the refreshed review card, or the same card under a notice
saying why nothing changed."""
from __future__ import annotations

import asyncio
import logging

from botbuilder.schema import Activity, AdaptiveCardInvokeResponse

from bot import audit
from bot.app import Services
from bot.db import transaction
from bot.states import Event
from adapters.teams.cards import (CARD_CONTENT_TYPE, NOT_AUTHORISED, REASON_INPUT, VERB_APPROVE,
                                  VERB_OVERRIDE, VERB_REJECT, VERB_STAFF_ONLY, notice_card, review_card)
from adapters.teams.translate import PLATFORM, actor_of, channel_id, tenant_id

log = logging.getLogger(__name__)

EVENTS = {VERB_APPROVE: Event.APPROVE, VERB_REJECT: Event.REJECT, VERB_OVERRIDE: Event.OVERRIDE}
APPROVE_REACTIONS = frozenset({"like"})
NOT_AUTHORISED_TEXT = (f"{NOT_AUTHORISED}: only the practice's designated privacy officers can approve, "
                       "reject or override a draft. Nothing was changed.")


def in_tenant(services: Services, activity: Activity) -> bool:
    tenant = services.config.secrets.teams_tenant_id
    return not tenant or tenant_id(activity) == tenant


def is_officer(services: Services, activity: Activity) -> bool:
    """An officer's Azure AD object id, in the configured tenant when one is set."""
    actor = actor_of(activity)
    return in_tenant(services, activity) and bool(actor) and actor in services.config.officers_for(PLATFORM)


def _refuse(services: Services, activity: Activity, review_id: int, event: Event) -> None:
    """Audit a refused attempt (the service is never asked, so nothing can change)."""
    actor = actor_of(activity) or (activity.from_property.id if activity.from_property else "") or "unknown"
    why = "not_officer" if in_tenant(services, activity) else "other_tenant"
    with transaction(services.engine) as s:
        audit.append(s, actor, "decision_refused", review_id=review_id,
                     details={"attempted": event.value, "why": why, "platform": PLATFORM})


def _card_response(card: dict) -> AdaptiveCardInvokeResponse:
    return AdaptiveCardInvokeResponse(status_code=200, type=CARD_CONTENT_TYPE, value=card)


async def on_card_action(services: Services, activity: Activity) -> AdaptiveCardInvokeResponse:
    """Handle an ``adaptiveCard/action`` invoke; the returned card replaces the clicked one."""
    value = activity.value if isinstance(activity.value, dict) else {}
    action = value.get("action") if isinstance(value.get("action"), dict) else {}
    data = action.get("data") if isinstance(action.get("data"), dict) else {}
    event = EVENTS.get(action.get("verb"))
    try:
        review_id = int(data.get("review_id"))
    except (TypeError, ValueError):
        review_id = None
    if action.get("verb") == VERB_STAFF_ONLY and review_id is not None:
        return await _staff_only(services, activity, review_id, data)
    if event is None or review_id is None:
        return _card_response(notice_card("Unknown action", "This button is not one ClearPost knows."))
    view = await asyncio.to_thread(services.reviews.get_by_id, review_id)
    if view is None or view.ref.platform != PLATFORM:
        return _card_response(notice_card("Unknown review", "ClearPost has no such review."))
    if not is_officer(services, activity):
        log.info("teams: refused %s on review %s by a non-officer", event.value, review_id)
        await asyncio.to_thread(_refuse, services, activity, review_id, event)
        if in_tenant(services, activity) and channel_id(activity) == view.ref.channel:
            return _card_response(review_card(view, notice=NOT_AUTHORISED_TEXT))  # the card this channel shows
        return _card_response(notice_card(NOT_AUTHORISED, NOT_AUTHORISED_TEXT))  # the review stays in its channel
    reason = data.get(REASON_INPUT) if isinstance(data.get(REASON_INPUT), str) else None
    revision = data.get("revision")
    revision = revision if isinstance(revision, int) and not isinstance(revision, bool) else None  # an older card
    result = await asyncio.to_thread(services.reviews.decide_by_id, review_id, actor_of(activity), event, reason,
                                     revision)
    if not result.ok:
        return _card_response(review_card(result.review or view, notice=f"Not done: {result.message}."))
    await services.reviews.publish(result.review)  # everyone else's copy of the card
    return _card_response(review_card(result.review))


async def _staff_only(services: Services, activity: Activity, review_id: int, data: dict) -> AdaptiveCardInvokeResponse:
    """"Staff only: image N": the review service decides who may (designated officers, not on
    their own draft) and audits refusals; another tenant is refused (and audited) here."""
    view = await asyncio.to_thread(services.reviews.get_by_id, review_id)
    if view is None or view.ref.platform != PLATFORM:
        return _card_response(notice_card("Unknown review", "ClearPost has no such review."))
    image, revision = data.get("image"), data.get("revision")
    if not isinstance(image, int) or isinstance(image, bool):
        return _card_response(notice_card("Unknown action", "This button is not one ClearPost knows."))
    revision = revision if isinstance(revision, int) and not isinstance(revision, bool) else None
    if not in_tenant(services, activity):
        await asyncio.to_thread(_refuse_staff_only, services, activity, review_id, image)
        return _card_response(notice_card(NOT_AUTHORISED, NOT_AUTHORISED_TEXT))
    actor = actor_of(activity) or (activity.from_property.id if activity.from_property else "") or "unknown"
    result = await asyncio.to_thread(services.reviews.mark_staff_only, review_id, image, actor, revision)
    if not result.ok:
        if channel_id(activity) != view.ref.channel:
            return _card_response(notice_card("Not done", f"Not done: {result.message}."))  # the review stays put
        return _card_response(review_card(result.review or view, notice=f"Not done: {result.message}."))
    await services.reviews.publish(result.review)
    return _card_response(review_card(result.review))


def _refuse_staff_only(services: Services, activity: Activity, review_id: int, image: int) -> None:
    actor = actor_of(activity) or (activity.from_property.id if activity.from_property else "") or "unknown"
    with transaction(services.engine) as s:
        audit.append(s, actor, "decision_refused", review_id=review_id,
                     details={"attempted": "staff_only", "image": image, "why": "other_tenant", "platform": PLATFORM})


async def on_reaction(services: Services, activity: Activity) -> str | None:
    """An approving reaction on the bot's own card; returns a refusal to post, if any."""
    kinds = {(r.type or "").lower() for r in (activity.reactions_added or [])}
    if not kinds & APPROVE_REACTIONS or not activity.reply_to_id:
        return None
    view = await asyncio.to_thread(services.reviews.find_by_report, PLATFORM, channel_id(activity),
                                   activity.reply_to_id)
    if view is None:
        return None
    if not is_officer(services, activity):
        log.info("teams: ignored an approving reaction on review %s by a non-officer", view.id)
        return None
    result = await asyncio.to_thread(services.reviews.decide_by_id, view.id, actor_of(activity), Event.APPROVE)
    if not result.ok:
        return f"Not approved: {result.message}."
    await services.reviews.publish(result.review)
    return None
