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
from datetime import datetime, timezone

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


def append(session: Session, actor: str, action: str, *, review_id: int | None = None,
           consent_id: str | None = None, details: dict | None = None) -> AuditEvent:
    """Add one row in the caller's transaction (committed with it).

    Callers use ``bot.db.transaction``, which serialises writers (a process
    lock on SQLite); on PostgreSQL an advisory lock held until commit keeps
    replicas from forking the chain."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sql("SELECT pg_advisory_xact_lock(724242)"))
    last = session.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1)).first()
    prev = last.hash if last else GENESIS
    at = utcnow()
    body = json.dumps(details or {}, sort_keys=True, separators=(",", ":"))
    row = AuditEvent(at=at, actor=actor, action=action, review_id=review_id,
                     consent_id=consent_id, details=body, prev_hash=prev,
                     hash=row_digest(prev, at, actor, action, review_id, consent_id, body))
    session.add(row)
    session.flush()
    return row
