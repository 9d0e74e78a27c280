"""Server-side console sessions.

The browser holds a random token in an HttpOnly, SameSite=Strict cookie; the
database holds only its SHA-256, the user name, a per-session CSRF token and
the expiry. A server-side row (rather than a signed cookie) means signing out,
deleting an account or changing a role takes effect at once, and there is no
signing key to manage. Sessions end after IDLE of inactivity (HIPAA automatic
logoff) and at the latest after ABSOLUTE.

Each row carries the user's credential version from the moment the password was
checked: a password, role or second-factor change raises the version, so every
session made before it is dead, including one whose sign-in was still hashing
the old password when the change landed. A row with ``second_factor_due`` is a
sign-in waiting for its TOTP code: no page accepts it, only the code step.
"""
from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete
from sqlalchemy.engine import Engine

from bot.accounts import SECOND_STEP, SESSION_ABSOLUTE, SESSION_IDLE
from bot.db import transaction
from bot.models import ConsoleSession, ConsoleUser, utcnow

IDLE = SESSION_IDLE
ABSOLUTE = SESSION_ABSOLUTE
TOUCH_EVERY = timedelta(minutes=1)  # write last_seen at most this often


@dataclass(frozen=True)
class SignedIn:
    username: str
    role: str
    csrf_token: str
    totp_enabled: bool = False
    token_hash: str = ""


@dataclass(frozen=True)
class SecondStep:
    """A sign-in whose password was right, waiting for the TOTP code."""

    username: str
    csrf_token: str
    credential_version: int
    address: str | None


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


digest = _digest


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


class SessionStore:
    def __init__(self, engine: Engine):
        self.engine = engine

    def create(self, username: str, credential_version: int | None = None, address: str | None = None,
               second_factor_due: bool = False) -> str | None:
        """A new session for ``username`` signed in under ``credential_version`` (the version read
        with the password hash; None: the current one); returns the cookie value, or None when the
        user's credentials changed since (or the user went) meanwhile.
        ``second_factor_due``: a sign-in waiting for its code, for SECOND_STEP at most."""
        token = secrets.token_urlsafe(32)
        now = utcnow()
        with transaction(self.engine) as s:
            s.execute(delete(ConsoleSession).where(ConsoleSession.expires_at < now))
            user = s.get(ConsoleUser, username)
            if user is None or credential_version not in (None, user.credential_version):
                return None
            credential_version = user.credential_version
            s.add(ConsoleSession(token_hash=_digest(token), username=username,
                                 csrf_token=secrets.token_urlsafe(32), created_at=now, last_seen=now,
                                 expires_at=now + (SECOND_STEP if second_factor_due else ABSOLUTE),
                                 credential_version=credential_version, address=(address or None) and address[:64],
                                 second_factor_due=second_factor_due))
        return token

    def _live(self, s, token: str | None, second_factor_due: bool):
        """(row, user) for a cookie value still valid as a session (or as a sign-in waiting for
        its code), else None; a dead row is deleted on the way."""
        if not token or len(token) > 200:
            return None
        now = utcnow()
        row = s.get(ConsoleSession, _digest(token))
        if row is None or row.second_factor_due != second_factor_due:
            return None
        user = s.get(ConsoleUser, row.username)
        if (_aware(row.expires_at) < now or _aware(row.last_seen) + IDLE < now or user is None
                or row.credential_version != user.credential_version):
            s.delete(row)
            return None
        return row, user

    def lookup(self, token: str | None) -> SignedIn | None:
        """The signed-in user for a cookie value, or None (expired, signed out, unknown, made
        before a credential change, or still waiting for its second factor)."""
        with transaction(self.engine) as s:
            live = self._live(s, token, second_factor_due=False)
            if live is None:
                return None
            row, user = live
            now = utcnow()
            if now - _aware(row.last_seen) > TOUCH_EVERY:
                row.last_seen = now
                s.add(row)
            return SignedIn(user.username, user.role, row.csrf_token, user.totp_enabled_at is not None,
                            row.token_hash)

    def second_step(self, token: str | None) -> SecondStep | None:
        """The sign-in waiting for its code that a cookie value names, or None."""
        with transaction(self.engine) as s:
            live = self._live(s, token, second_factor_due=True)
            if live is None:
                return None
            row, _user = live
            return SecondStep(row.username, row.csrf_token, row.credential_version, row.address)

    def end(self, token: str | None) -> None:
        if not token:
            return
        with transaction(self.engine) as s:
            s.execute(delete(ConsoleSession).where(ConsoleSession.token_hash == _digest(token)))
