"""Whether a patient's consents cover one scope on one platform today.
Shared by the consent check and the look-up service so they never disagree."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, select

from bot.consent.vocab import IMPLIED_BY
from bot.models import Consent

ACTIVE, EXPIRING, EXPIRED, WITHDRAWN, NONE = "active", "expiring", "expired", "withdrawn", "none"


@dataclass(frozen=True)
class Grant:
    """A consent row in the shape decisions need (parsed once)."""

    id: str
    patient_id: str
    scopes: frozenset[str]
    platforms: frozenset[str]
    granted_on: date
    expires_on: date | None
    withdrawn_on: date | None
    superseded_by: str | None

    @classmethod
    def of(cls, c: Consent) -> "Grant":
        return cls(c.id, c.patient_id, frozenset(json.loads(c.scopes)), frozenset(json.loads(c.platforms)),
                   c.granted_on, c.expires_on, c.withdrawn_on, c.superseded_by)


@dataclass(frozen=True)
class PairStatus:
    scope: str
    platform: str
    state: str  # active | expiring | expired | withdrawn | none
    on: date | None = None  # expiry or withdrawal date
    consent_id: str | None = None


def current_grants(session: Session, patient_ids: list[str]) -> dict[str, list[Grant]]:
    """Every consent of these patients that no correction has replaced."""
    out: dict[str, list[Grant]] = {p: [] for p in patient_ids}
    if patient_ids:
        t = Consent.__table__.c  # Core rows: no ORM identity map on the check's hot path
        rows = session.connection().execute(
            select(t.id, t.patient_id, t.scopes, t.platforms, t.granted_on, t.expires_on, t.withdrawn_on,
                   t.superseded_by).where(t.patient_id.in_(patient_ids), t.superseded_by.is_(None)))
        for r in rows:
            out[r.patient_id].append(Grant(r.id, r.patient_id, frozenset(json.loads(r.scopes)),
                                           frozenset(json.loads(r.platforms)), r.granted_on, r.expires_on,
                                           r.withdrawn_on, r.superseded_by))
    return out


def resolve_consents(session: Session, ids: list[str]) -> dict[str, Grant]:
    """Cited consent ids -> the current consent (following corrections); unknown ids are absent."""
    out: dict[str, Grant] = {}
    for cid in ids:
        c = session.get(Consent, cid) or session.get(Consent, cid.upper())
        hops = 0
        while c is not None and c.superseded_by and hops < 20:
            c, hops = session.get(Consent, c.superseded_by), hops + 1
        if c is not None:
            out[cid] = Grant.of(c)
    return out


def pair_status(grants: list[Grant], scope: str | None, platform: str, today: date,
                expiring_days: int) -> PairStatus:
    """The best standing of any consent for (scope, platform); scope None = any scope. A
    broader scope grants the narrower one (vocab.IMPLIED_BY: a testimonial covers quoting it)."""
    accepted = None if scope is None else {scope, *IMPLIED_BY.get(scope, ())}
    covering = [g for g in grants if (accepted is None or accepted & set(g.scopes)) and platform in g.platforms]
    label = scope or "any"
    active = [g for g in covering if g.granted_on <= today
              and (g.withdrawn_on is None or g.withdrawn_on > today)
              and (g.expires_on is None or g.expires_on >= today)]
    if active:
        best = max(active, key=lambda g: g.expires_on or date.max)
        if best.expires_on is not None and (best.expires_on - today).days <= expiring_days:
            return PairStatus(label, platform, EXPIRING, best.expires_on, best.id)
        return PairStatus(label, platform, ACTIVE, best.expires_on, best.id)
    withdrawn = [g for g in covering if g.withdrawn_on is not None and g.withdrawn_on <= today]
    if withdrawn:
        last = max(withdrawn, key=lambda g: g.withdrawn_on)
        return PairStatus(label, platform, WITHDRAWN, last.withdrawn_on, last.id)
    expired = [g for g in covering if g.expires_on is not None and g.expires_on < today]
    if expired:
        last = max(expired, key=lambda g: g.expires_on)
        return PairStatus(label, platform, EXPIRED, last.expires_on, last.id)
    return PairStatus(label, platform, NONE)
