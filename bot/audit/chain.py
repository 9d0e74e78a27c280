"""Append-only, hash-chained audit rows.

Each row's hash covers its content and the previous row's hash, so an edited,
inserted or deleted row breaks the chain. Rows hold ids, hashes, codes and
positions: never draft text or matched values. The digest covers the audit
row alone (not the review it points at), so purging a stored draft text
never touches the chain.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import insert
from sqlalchemy import text as sql
from sqlmodel import Session, select

from bot.models import AuditEvent, utcnow

GENESIS = "0" * 64
STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def stamp(at: datetime) -> str:
    """The canonical UTC text of a timestamp, as hashed.

    Databases hand timestamps back as aware UTC (PostgreSQL) or naive UTC
    (SQLite), always to the microsecond; both normalise to the same text."""
    at = at.replace(tzinfo=timezone.utc) if at.utcoffset() is None else at.astimezone(timezone.utc)
    return at.strftime(STAMP)


def row_digest(prev_hash: str, at: datetime, actor: str, action: str,
               review_id: int | None, consent_id: str | None, details: str) -> str:
    """SHA-256 of the JSON array [prev_hash, at, actor, action, review_id,
    consent_id, details] (compact separators, ASCII): documented in
    docs/audit.md so anyone can recompute it from an export."""
    payload = json.dumps(
        [prev_hash, stamp(at), actor, action, review_id, consent_id, details],
        separators=(",", ":"), ensure_ascii=True,
    )
    return hashlib.sha256(payload.encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One audit row to append: who did what to which review or consent."""

    actor: str
    action: str
    review_id: int | None = None
    consent_id: str | None = None
    details: dict | None = None


def append(session: Session, actor: str, action: str, *, review_id: int | None = None,
           consent_id: str | None = None, details: dict | None = None) -> None:
    """Add one row in the caller's transaction (committed with it)."""
    append_many(session, [Entry(actor, action, review_id, consent_id, details)])


def append_many(session: Session, entries: list[Entry]) -> None:
    """Add rows in the caller's transaction, chained in order, in one INSERT.

    Callers use ``bot.db.transaction``, which serialises writers (a process
    lock on SQLite); on PostgreSQL an advisory lock held until commit keeps
    replicas from forking the chain."""
    if not entries:
        return
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sql("SELECT pg_advisory_xact_lock(724242)"))
    prev = session.exec(select(AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1)).first() or GENESIS
    at = utcnow()
    rows = []
    for e in entries:
        body = json.dumps(e.details or {}, sort_keys=True, separators=(",", ":"))
        digest = row_digest(prev, at, e.actor, e.action, e.review_id, e.consent_id, body)
        rows.append({"at": at, "actor": e.actor, "action": e.action, "review_id": e.review_id,
                     "consent_id": e.consent_id, "details": body, "prev_hash": prev, "hash": digest})
        prev = digest
    session.connection().execute(insert(AuditEvent.__table__), rows)
