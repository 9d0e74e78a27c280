"""Which cleaned copies of a review's images still need posting in its thread.

The review service hands back the cleaned copies (``ReviewService.cleaned_images``);
the chat publishers post each one once, after the report. A posted copy is
recorded as an audit event (``cleaned_image_posted``: platform, image number,
the copy's SHA-256 and the platform's id for the post), so a later update of
the report, a restart or another replica does not post it again, while a new
copy (the draft was edited and checked again) is posted. Nothing here holds
image bytes or draft text.
"""
from __future__ import annotations

import asyncio
import hashlib
import json

from sqlmodel import select

from bot import audit
from bot.db import transaction
from bot.images import CleanedImage
from bot.models import AuditEvent
from bot.review_service import ReviewService, ReviewView
from bot.states import State

ACTION = "cleaned_image_posted"
# a withdrawn or rejected draft is not going to be posted: no copy is offered for it
POSTABLE = (State.CLEAN, State.FLAGGED, State.FAILED, State.CLEARED)


def digest(image: CleanedImage) -> str:
    return hashlib.sha256(image.data).hexdigest()


def _posted(engine, review_id: int, platform: str) -> set[str]:
    with transaction(engine) as s:
        rows = s.exec(select(AuditEvent.details).where(AuditEvent.review_id == review_id,
                                                       AuditEvent.action == ACTION)).all()
    out = set()
    for details in rows:
        try:
            d = json.loads(details)
        except (TypeError, ValueError):
            continue
        if d.get("platform") == platform:
            out.add(d.get("sha256"))
    return out


async def pending(reviews: ReviewService, view: ReviewView, platform: str) -> list[CleanedImage]:
    """The cleaned copies of this review not yet posted on ``platform`` (oldest first)."""
    if view.state not in POSTABLE:
        return []
    images = await asyncio.to_thread(reviews.cleaned_images, view.id)
    if not images:
        return []
    done = await asyncio.to_thread(_posted, reviews.engine, view.id, platform)
    return [i for i in images if digest(i) not in done]


def _record(engine, review_id: int, platform: str, image: CleanedImage, where: str) -> None:
    with transaction(engine) as s:
        audit.append(s, "clearpost", ACTION, review_id=review_id, details={
            "platform": platform, "image": image.index, "sha256": digest(image), "posted_as": where})


async def record(reviews: ReviewService, view: ReviewView, platform: str, image: CleanedImage, where: str) -> None:
    await asyncio.to_thread(_record, reviews.engine, view.id, platform, image, where)
