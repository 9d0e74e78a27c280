"""The look-up behind the /consent slash command: by patient id, consent id,
@handle, name or alias, answering with the standing per scope and platform
and nothing more (no document references, reasons or history)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable

from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from bot.consent.names import handle_key, initials_in, name_key, name_variants
from bot.consent.status import ACTIVE, EXPIRING, NONE, PairStatus, current_grants, pair_status
from bot.consent.vocab import PLATFORMS, SCOPES
from bot.models import Consent, Patient, PatientName

MAX_CANDIDATES = 10


def find_patient_ids(session: Session, query: str) -> list[str]:
    """Patients a look-up query means: an exact id first, else handle or name keys."""
    q = query.strip()
    if not q:
        return []
    if session.get(Patient, q) is not None:
        return [q]
    consent = session.get(Consent, q) or session.get(Consent, q.upper())
    if consent is not None:
        return [consent.patient_id]
    keys: set[str] = set()
    if q.startswith("@"):
        keys.add(handle_key(q))
    else:
        words = name_key(q).split()
        if words:
            rest = " ".join(words[1:])
            keys |= {f"{v} {rest}".strip() for v in name_variants(words[0])}
        keys |= {t.key for t in initials_in(q)}
        if " " not in q and len(handle_key(q)) > 1:
            keys.add(handle_key(q))
    if not keys:
        return []
    rows = session.exec(select(PatientName.patient_id).where(PatientName.name_key.in_(sorted(keys)))).all()
    if not rows and not q.startswith("@"):
        rows = _by_surname(session, name_key(q).split())
    return sorted(set(rows))


def _by_surname(session: Session, words: list[str]) -> set[str]:
    """No exact name: "Whitaker" alone, or "Roz Whitaker" (an alias or nickname with the
    surname), finds the patients whose full name ends with that surname."""
    if not words:
        return set()
    surname = words[-1].replace("\\", "").replace("%", "").replace("_", "")
    if len(surname) < 2:
        return set()
    ids = set(session.exec(select(PatientName.patient_id).where(
        PatientName.kind == "name", PatientName.name_key.like(f"% {surname}"))).all())
    if len(words) == 1 or not ids:
        return ids
    first = sorted(name_variants(words[0]))
    named = set(session.exec(select(PatientName.patient_id).where(
        PatientName.patient_id.in_(sorted(ids)),
        or_(PatientName.name_key.in_(first), *(PatientName.name_key.like(f"{v} %") for v in first)))).all())
    return ids & named


@dataclass(frozen=True)
class Candidate:
    patient_id: str
    display_name: str


@dataclass(frozen=True)
class LookupAnswer:
    """One patient's consent standing, or the candidates when the query is ambiguous."""

    patient_id: str | None = None
    display_name: str | None = None
    statuses: tuple[PairStatus, ...] = ()  # only pairs some consent mentions; the rest are "none"
    ambiguous: tuple[Candidate, ...] = ()
    more_candidates: int = 0

    @property
    def found(self) -> bool:
        return self.patient_id is not None

    def status(self, scope: str, platform: str) -> PairStatus:
        for s in self.statuses:
            if s.scope == scope and s.platform == platform:
                return s
        return PairStatus(scope, platform, NONE)

    def text(self) -> str:
        if self.ambiguous:
            lines = [f"That matches {len(self.ambiguous) + self.more_candidates} patients; look one up by id:"]
            lines += [f"• {c.display_name} ({c.patient_id})" for c in self.ambiguous]
            if self.more_candidates:
                lines.append(f"• … and {self.more_candidates} more")
            return "\n".join(lines)
        if not self.found:
            return "No patient in the consent registry matches that name or id."
        lines = [f"*{self.display_name}* ({self.patient_id})"]
        if not self.statuses:
            lines.append("No consent on file: nothing about this patient may be published.")
            return "\n".join(lines)
        for scope in SCOPES:
            groups: dict[tuple, list[str]] = {}
            for st in (st for st in self.statuses if st.scope == scope):
                groups.setdefault((st.state, st.on, st.consent_id), []).append(st.platform)
            parts = []
            for (state, on, cid), platforms in groups.items():
                label = {ACTIVE: "active" + (f" until {on}" if on else ""), EXPIRING: f"expires {on}"}.get(
                    state, f"{state} {on}" if on else state)
                parts.append(f"{', '.join(platforms)} {label}" + (f" ({cid})" if cid else ""))
            if parts:
                lines.append(f"• {scope}: " + "; ".join(parts))
        lines.append("Anything not listed: no consent on file.")
        return "\n".join(lines)


class ConsentLookup:
    """Thread-safe (stateless apart from the engine); one instance per process."""

    def __init__(self, engine: Engine, expiring_days: int = 30, today: Callable[[], date] = date.today):
        self.engine = engine
        self.expiring_days = expiring_days
        self.today = today

    def lookup(self, query: str) -> LookupAnswer:
        with Session(self.engine) as s:
            ids = find_patient_ids(s, query)
            if not ids:
                return LookupAnswer()
            if len(ids) > 1:
                shown = ids[:MAX_CANDIDATES]
                names = dict(s.exec(select(Patient.id, Patient.display_name).where(Patient.id.in_(shown))).all())
                return LookupAnswer(ambiguous=tuple(Candidate(i, names.get(i, "?")) for i in shown),
                                    more_candidates=len(ids) - len(shown))
            patient = s.get(Patient, ids[0])
            grants = current_grants(s, ids)[ids[0]]
        today = self.today()
        pairs = sorted({(sc, pl) for g in grants for sc in g.scopes for pl in g.platforms},
                       key=lambda p: (SCOPES.index(p[0]) if p[0] in SCOPES else 99,
                                      PLATFORMS.index(p[1]) if p[1] in PLATFORMS else 99))
        statuses = tuple(pair_status(grants, sc, pl, today, self.expiring_days) for sc, pl in pairs)
        return LookupAnswer(patient.id, patient.display_name, statuses)
