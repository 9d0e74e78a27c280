"""Purging stored draft texts after N days.

Only ``Review.draft_text`` and ``Review.rewrite`` are cleared, with the cleaned copies of
the draft's images (``review_image``); the audit rows
(which never held text and whose hashes cover only themselves) stay, so the
chain remains valid and the evidence (hashes, findings, decisions) survives
for the six years HIPAA asks. Reviews still being checked keep their text:
checking an erased text would find nothing and pass it (fail open).
"""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, or_, select, update
from sqlalchemy.engine import Engine

from bot.audit.chain import append, stamp
from bot.db import transaction
from bot.models import Review, ReviewImage, utcnow
from bot.states import State


def purge_texts(engine: Engine, days: int, actor: str, now: datetime | None = None) -> int:
    """Clear texts of reviews untouched for ``days`` days; audit the purge. Returns the count."""
    if days < 0:
        raise ValueError("days must be 0 or more")
    cutoff = (now or utcnow()) - timedelta(days=days)
    with transaction(engine) as s:
        purged = s.execute(
            update(Review)
            .where(Review.updated_at < cutoff, Review.state != State.CHECKING.value,
                   or_(Review.draft_text.is_not(None), Review.rewrite.is_not(None)))
            .values(draft_text=None, rewrite=None)
        ).rowcount
        images = s.execute(delete(ReviewImage).where(ReviewImage.review_id.in_(
            select(Review.id).where(Review.updated_at < cutoff, Review.state != State.CHECKING.value))
        )).rowcount
        details = {"older_than_days": days, "cutoff": stamp(cutoff), "reviews": purged}
        if images:
            details["images"] = images
        append(s, actor, "texts_purged", details=details)
    return purged
