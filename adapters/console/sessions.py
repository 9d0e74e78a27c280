"""Server-side console sessions.

The browser holds a random token in an HttpOnly, SameSite=Strict cookie; the
database holds only its SHA-256, the user name, a per-session CSRF token and
the expiry. A server-side row (rather than a signed cookie) means signing out,
deleting an account or changing a role takes effect at once, and there is no
signing key to manage. Sessions end after IDLE of inactivity (HIPAA automatic
logoff) and at the latest after ABSOLUTE.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete
from sqlalchemy.engine import Engine

from bot.db import transaction
from bot.models import ConsoleSession, ConsoleUser, utcnow

IDLE = timedelta(minutes=30)
ABSOLUTE = timedelta(hours=12)
TOUCH_EVERY = timedelta(minutes=1)  # write last_seen at most this often


@dataclass(frozen=True)
class SignedIn:
    username: str
    role: str
    csrf_token: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


class SessionStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def create(self, username: str) -> str:
        """A new session for ``username``; returns the cookie value."""
        token = secrets.token_urlsafe(32)
        now = utcnow()
        with transaction(self.engine) as s:
            s.execute(delete(ConsoleSession).where(ConsoleSession.expires_at < now))
            s.add(ConsoleSession(token_hash=_digest(token), username=username,
                                 csrf_token=secrets.token_urlsafe(32), created_at=now,
                                 last_seen=now, expires_at=now + ABSOLUTE))
        return token

    def lookup(self, token: str | None) -> SignedIn | None:
        """The signed-in user for a cookie value, or None (expired, signed out, unknown)."""
        if not token or len(token) > 200:
            return None
        now = utcnow()
        with transaction(self.engine) as s:
            row = s.get(ConsoleSession, _digest(token))
            if row is None:
                return None
            if _aware(row.expires_at) < now or _aware(row.last_seen) + IDLE < now:
                s.delete(row)
                return None
            user = s.get(ConsoleUser, row.username)
            if user is None:
                s.delete(row)
                return None
            if now - _aware(row.last_seen) > TOUCH_EVERY:
                row.last_seen = now
                s.add(row)
            return SignedIn(user.username, user.role, row.csrf_token)

    def end(self, token: str | None) -> None:
        if not token:
            return
        with transaction(self.engine) as s:
            s.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == _digest(token)))
