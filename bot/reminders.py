"""What the scheduler sends: nudges about waiting drafts and the weekly
consent expiry notice (docs/reminders.md). Platform-neutral: each chat adapter
registers a ``Notifier`` in ``services.notifiers`` that delivers them.

Nothing here carries draft text: a nudge names the review number, its state,
how many findings and how long it has waited; the consent notice names
patient ids, consent ids, scopes and end dates (no names, no documents).

"At most once a day per draft": a draft's reminder slots start when it has
waited the configured time and follow every 24 hours after; a slot's row is
keyed by the UTC date the slot starts on. Two slot starts 24 hours apart
always fall on different dates, and every replica computes the same slot from
the same stored times, so a slot is claimed once and nudges are 24 hours apart.
"""
from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Protocol

from sqlmodel import select

from bot.config import WEEKDAYS, Config
from bot.consent.registry import ConsentRegistry
from bot.db import transaction
from bot.domain import MessageRef
from bot.models import Review
from bot.scheduler import Due
from bot.states import State

log = logging.getLogger(__name__)

NUDGE_OFFICERS = "nudge_officers"
NUDGE_AUTHOR = "nudge_author"
CONSENT_NOTICE = "consent_notice"
WAITING_FOR_DECISION = (State.CLEAN.value, State.FLAGGED.value, State.FAILED.value)
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Nudge:
    """A draft someone should act on. No text: where it is, its state, how long it waited."""

    review_id: int
    ref: MessageRef
    author: str
    state: str
    findings: int
    blocking: bool
    waiting_since: datetime
    waited: timedelta

    def officers_text(self) -> str:
        found = f"{self.findings} finding{'' if self.findings == 1 else 's'}"
        return (f"Review #{self.review_id} has waited {duration(self.waited)} for a privacy officer's decision "
                f"({self.state}, {found}). Please approve, override or reject it.")

    def author_text(self) -> str:
        why = ("a privacy officer sent it back" if self.state == State.REJECTED.value
               else "it has blocking findings (see the report)")
        return (f"Your draft (review #{self.review_id}) needs changes: {why}, {duration(self.waited)} ago. "
                "Edit the post and ClearPost checks it again.")


@dataclass(frozen=True)
class ExpiringConsent:
    patient_id: str
    consent_id: str
    scopes: tuple[str, ...]
    platforms: tuple[str, ...]
    expires_on: date


@dataclass(frozen=True)
class ConsentNotice:
    as_of: date
    days: int
    consents: tuple[ExpiringConsent, ...]

    def lines(self) -> list[str]:
        return [f"{c.patient_id} (consent {c.consent_id}): {', '.join(c.scopes)} on {', '.join(c.platforms)}; "
                f"ends {c.expires_on.isoformat()}" for c in self.consents]

    def text(self) -> str:
        head = (f"Consents ending within {self.days} days (as of {self.as_of.isoformat()}): "
                f"{len(self.consents)}. Renew or plan for them; posts relying on them are blocked once they end.")
        return "\n".join([head, *(f"- {line}" for line in self.lines())])


class Notifier(Protocol):
    """One chat platform's delivery of reminders. Each returns True when delivered, never raises."""

    async def nudge_officers(self, nudge: Nudge) -> bool: ...

    async def nudge_author(self, nudge: Nudge) -> bool: ...

    async def consent_notice(self, notice: ConsentNotice, officer: str) -> bool:
        """Privately to one officer (a Slack DM, a Teams 1:1 chat)."""


def duration(d: timedelta) -> str:
    hours = int(d.total_seconds() // 3600)
    if hours >= 48:
        return f"{hours // 24} days"
    if hours >= 1:
        return f"{hours} hour{'' if hours == 1 else 's'}"
    minutes = max(1, int(d.total_seconds() // 60))
    return f"{minutes} minute{'' if minutes == 1 else 's'}"


def aware(at: datetime) -> datetime:
    return at if at.tzinfo is not None else at.replace(tzinfo=timezone.utc)


def slot_day(waiting_since: datetime, after: timedelta, now: datetime) -> date | None:
    """The UTC date of the reminder slot ``now`` falls in, or None before the first one."""
    first = aware(waiting_since) + after
    if now < first:
        return None
    n = (now - first) // DAY
    return (first + n * DAY).astimezone(timezone.utc).date()


def _blocking(findings_json: str) -> tuple[int, bool]:
    findings = json.loads(findings_json or "[]")
    return len(findings), any(f.get("severity") == "block" for f in findings if isinstance(f, dict))


class DraftReminders:
    """Nudges to officers about drafts waiting for a decision, and to authors about drafts
    that need changes and were not edited (both: waiting since the review last changed state)."""

    name = "draft reminders"

    def __init__(self, config: Config, engine, notifiers: dict[str, Notifier]):
        self.settings = config.profile.reminders
        self.engine = engine
        self.notifiers = notifiers

    def due(self, now: datetime) -> list[Due]:
        platforms = sorted(self.notifiers)
        if not platforms:
            return []
        s = self.settings
        decision, changes = timedelta(hours=s.decision_after_hours), timedelta(hours=s.changes_after_hours)
        oldest = now - timedelta(days=s.stop_after_days)
        with transaction(self.engine) as db:
            rows = db.exec(select(Review.id, Review.platform, Review.workspace, Review.channel, Review.message_id,
                                  Review.thread_id, Review.author, Review.state, Review.findings, Review.updated_at)
                           .where(Review.platform.in_(platforms),
                                  Review.state.in_([*WAITING_FOR_DECISION, State.REJECTED.value]),
                                  Review.updated_at <= now - min(decision, changes), Review.updated_at >= oldest)
                           .order_by(Review.updated_at, Review.id)).all()
        out = []
        for rid, platform, workspace, channel, message_id, thread_id, author, state, findings, since in rows:
            count, blocking = _blocking(findings)
            nudge = Nudge(rid, MessageRef(platform, workspace, channel, message_id, thread_id), author, state,
                          count, blocking, aware(since), now - aware(since))
            subject = f"review:{rid}"
            if state in WAITING_FOR_DECISION:
                day = slot_day(since, decision, now)
                if day is not None:
                    out.append(Due(NUDGE_OFFICERS, subject, day, nudge, rid))
            if state == State.REJECTED.value or (state == State.FLAGGED.value and blocking):
                day = slot_day(since, changes, now)
                if day is not None:
                    out.append(Due(NUDGE_AUTHOR, subject, day, nudge, rid))
        return out

    async def send(self, item: Due) -> bool:
        nudge: Nudge = item.payload
        notifier = self.notifiers.get(nudge.ref.platform)
        if notifier is None:
            return False
        if item.kind == NUDGE_OFFICERS:
            return await notifier.nudge_officers(nudge)
        return await notifier.nudge_author(nudge)


def expiring_consents(engine, days: int, today: date) -> ConsentNotice:
    rows = ConsentRegistry(engine, today=lambda: today).expiring(days)
    return ConsentNotice(today, days, tuple(
        ExpiringConsent(c.patient_id, c.id, tuple(json.loads(c.scopes)), tuple(json.loads(c.platforms)), c.expires_on)
        for c in rows))


class ConsentNotices:
    """Once a week (``reminders.consent_notice_day``, from ``consent_notice_hour`` UTC) the officers of
    each chat platform get the consents ending within ``expiring_days``; nothing when none are."""

    name = "consent notices"

    def __init__(self, config: Config, engine, notifiers: dict[str, Notifier], expiring_days: int):
        self.settings = config.profile.reminders
        self.config = config
        self.engine = engine
        self.notifiers = notifiers
        self.days = expiring_days

    def is_notice_time(self, now: datetime) -> bool:
        day = self.settings.consent_notice_day
        return day != "never" and WEEKDAYS[now.weekday()] == day and now.hour >= self.settings.consent_notice_hour

    def due(self, now: datetime) -> list[Due]:
        now = now.astimezone(timezone.utc)
        platforms = [p for p in sorted(self.notifiers) if self.config.officers_for(p)]
        if not platforms or not self.is_notice_time(now):
            return []
        notice = expiring_consents(self.engine, self.days, now.date())
        if not notice.consents:
            return []
        # one item per officer: one officer's failed delivery is retried without repeating the others'
        return [Due(CONSENT_NOTICE, f"consents:{p}:{officer}"[:100], now.date(), (p, officer, notice))
                for p in platforms for officer in self.config.officers_for(p)]

    async def send(self, item: Due) -> bool:
        platform, officer, notice = item.payload
        return await self.notifiers[platform].consent_notice(notice, officer)


def jobs(config: Config, engine, notifiers: dict[str, Notifier], expiring_days: int) -> list:
    return [DraftReminders(config, engine, notifiers), ConsentNotices(config, engine, notifiers, expiring_days)]
