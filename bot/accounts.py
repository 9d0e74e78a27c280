"""Local console accounts: who may sign in to the web console, and with what role.

Passwords are hashed with scrypt from the standard library (memory-hard, on
OWASP's list of acceptable password hashes) so the console needs no native
dependency. The parameters travel inside each stored hash, so they can be
raised later without invalidating existing accounts: a hash made with weaker
parameters is upgraded on the next successful sign-in.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import delete, update
from sqlalchemy.engine import Engine
from sqlmodel import select

from bot import audit
from bot.db import transaction
from bot.models import ConsoleSession, ConsoleUser, utcnow

ROLES = ("officer", "staff")
MIN_PASSWORD_CHARS = 12  # NIST SP 800-63B allows 8; a shared practice laptop deserves more
MAX_PASSWORD_CHARS = 1024
USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,62}$")

# OWASP (2024) scrypt option: N=2^15, r=8, p=3 -> 32 MiB per hash.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 15, 8, 3
_SALT_BYTES, _KEY_BYTES = 16, 32

# console sessions (adapters/console/sessions.py): automatic logoff after this long idle (HIPAA), and at most
# ABSOLUTE after signing in; a sign-in waiting for its second factor lasts SECOND_STEP
SESSION_IDLE = timedelta(minutes=30)
SESSION_ABSOLUTE = timedelta(hours=12)
SECOND_STEP = timedelta(minutes=5)


class AccountError(ValueError):
    """A request about accounts that cannot be carried out (message is safe to show)."""


@dataclass(frozen=True)
class Account:
    username: str
    role: str
    created_at: datetime
    credential_version: int = 1  # what a session signed in now is valid under (ConsoleUser.credential_version)
    totp_enabled: bool = False  # sign-in asks for a TOTP code after the password (bot/totp.py)


def _account(row: ConsoleUser) -> Account:
    return Account(row.username, row.role, row.created_at, row.credential_version, row.totp_enabled_at is not None)


@dataclass(frozen=True)
class SessionInfo:
    """One live console session as `clearpost users sessions` shows it (never its token)."""

    created_at: datetime
    last_seen: datetime
    expires_at: datetime  # the earlier of the idle and the absolute limit
    address: str | None
    waiting_for_code: bool  # password accepted, second factor not yet


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * n * r, dklen=_KEY_BYTES)


def hash_password(password: str) -> str:
    """``scrypt$N$r$p$salt$key`` (base64 salt and key)."""
    salt = os.urandom(_SALT_BYTES)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, stored: str) -> bool:
    """Constant-time comparison; any malformed stored value fails closed."""
    try:
        scheme, n, r, p, salt, key = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(key)
        actual = _scrypt(password, _unb64(salt), int(n), int(r), int(p))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def needs_rehash(stored: str) -> bool:
    try:
        scheme, n, r, p, _salt, _key = stored.split("$")
        return scheme != "scrypt" or (int(n), int(r), int(p)) != (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    except ValueError:
        return True


# A hash of nothing in particular, so a sign-in for an unknown user costs as much
# as one for a known user (no timing oracle for user names).
_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = hash_password(os.urandom(16).hex())
    return _DUMMY_HASH


def validate_username(username: str) -> str:
    name = (username or "").strip().lower()
    if not USERNAME.match(name):
        raise AccountError("a user name is 2-63 characters: lower-case letters, digits, '.', '_' or '-', "
                           "starting with a letter or digit")
    return name


def validate_password(password: str, username: str | None = None) -> str:
    """Length first, then what NIST SP 800-63B asks a verifier to refuse: passwords that are
    easy to guess whatever their length (one character repeated, a keyboard or number run,
    a well-known password, the user's own name)."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"the password is too short: at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"the password is too long: at most {MAX_PASSWORD_CHARS} characters")
    plain = password.strip().casefold()
    if len(set(plain)) <= 2:
        raise AccountError("the password is too easy to guess: it repeats one or two characters")
    if plain.isdigit() or any(run in plain for run in _RUNS) or plain in _COMMON:
        raise AccountError("the password is too easy to guess: choose a few unrelated words")
    if username and plain.rstrip("0123456789!") in (username.strip().casefold(), ""):
        raise AccountError("the password must not be the user name")
    return password


# runs of keys and digits a guesser tries first, and passwords long enough to pass the length rule
# that still top the breach lists
_RUNS = ("123456789", "234567890", "987654321", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghij", "1q2w3e4r5t")
_COMMON = {"passwordpassword", "password1234", "password12345", "password123456", "iloveyou1234", "letmeinletmein",
           "welcome12345", "administrator", "administrator1", "changeme1234", "trustno1trustno1", "football1234",
           "baseball1234", "superman1234", "sunshine1234", "princess1234", "therapist123", "counseling123",
           "harborlight1", "correcthorsebatterystaple"}


def add_user(engine: Engine, username: str, password: str, role: str, actor: str = "cli") -> Account:
    name = validate_username(username)
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
    validate_password(password, name)
    hashed = hash_password(password)
    with transaction(engine) as s:
        if s.get(ConsoleUser, name) is not None:
            raise AccountError(f"user {name} already exists")
        row = ConsoleUser(username=name, password_hash=hashed, role=role)
        s.add(row)
        audit.append(s, actor, "console_user_added", details={"username": name, "role": role})
        return Account(row.username, row.role, row.created_at)


def set_password(engine: Engine, username: str, password: str, actor: str = "cli") -> None:
    name = validate_username(username)
    validate_password(password, name)
    hashed = hash_password(password)
    with transaction(engine) as s:
        row = s.get(ConsoleUser, name)
        if row is None:
            raise AccountError(f"no user {name}")
        row.password_hash = hashed
        # a new password ends every session signed in with the old one (someone may have it), and the
        # version makes a sign-in still hashing the old password unable to open one afterwards
        row.credential_version += 1
        s.add(row)
        ended = s.execute(delete(ConsoleSession).where(ConsoleSession.username == name)).rowcount
        audit.append(s, actor, "console_password_set", details={"username": name, "sessions_ended": ended})


def set_role(engine: Engine, username: str, role: str, actor: str = "cli") -> None:
    """A changed role ends the user's sessions: they sign in again under the new role."""
    name = validate_username(username)
    if role not in ROLES:
        raise AccountError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
    with transaction(engine) as s:
        row = s.get(ConsoleUser, name)
        if row is None:
            raise AccountError(f"no user {name}")
        before, row.role = row.role, role
        if before != role:  # a changed role starts from a fresh sign-in
            row.credential_version += 1
            s.execute(delete(ConsoleSession).where(ConsoleSession.username == name))
        s.add(row)
        audit.append(s, actor, "console_role_set", details={"username": name, "from": before, "to": role})


def remove_user(engine: Engine, username: str, actor: str = "cli") -> None:
    """Delete an account and end its sessions at once (someone leaves the practice).
    What they did stays in the audit trail under their name."""
    name = validate_username(username)
    with transaction(engine) as s:
        row = s.get(ConsoleUser, name)
        if row is None:
            raise AccountError(f"no user {name}")
        s.execute(delete(ConsoleSession).where(ConsoleSession.username == name))
        s.delete(row)
        audit.append(s, actor, "console_user_removed", details={"username": name})


def list_users(engine: Engine) -> list[Account]:
    with transaction(engine) as s:
        rows = s.exec(select(ConsoleUser).order_by(ConsoleUser.username)).all()
        return [_account(r) for r in rows]


def get_user(engine: Engine, username: str) -> Account | None:
    with transaction(engine) as s:
        row = s.get(ConsoleUser, username)
        return _account(row) if row else None


def _aware(at: datetime) -> datetime:
    return at if at.tzinfo else at.replace(tzinfo=timezone.utc)


def list_sessions(engine: Engine, username: str) -> list[SessionInfo]:
    """The user's live console sessions, oldest first: not expired, not idle too long, made under
    the current credential version. Tokens are never shown (only their hash is stored anyway)."""
    name = validate_username(username)
    now = utcnow()
    with transaction(engine) as s:
        user = s.get(ConsoleUser, name)
        if user is None:
            raise AccountError(f"no user {name}")
        rows = s.exec(select(ConsoleSession).where(ConsoleSession.username == name)
                      .order_by(ConsoleSession.created_at)).all()
        out = []
        for r in rows:
            ends = min(_aware(r.expires_at), _aware(r.last_seen) + SESSION_IDLE)
            if ends > now and r.credential_version == user.credential_version:
                out.append(SessionInfo(_aware(r.created_at), _aware(r.last_seen), ends, r.address,
                                       r.second_factor_due))
        return out


def end_sessions(engine: Engine, username: str, actor: str = "cli") -> int:
    """End every console session of the user at once (a lost laptop, a shared computer left signed
    in); returns how many rows went. Audited even when there were none, so the request is on record."""
    name = validate_username(username)
    with transaction(engine) as s:
        if s.get(ConsoleUser, name) is None:
            raise AccountError(f"no user {name}")
        ended = s.execute(delete(ConsoleSession).where(ConsoleSession.username == name)).rowcount
        audit.append(s, actor, "console_sessions_ended", details={"username": name, "sessions_ended": ended})
        return ended


def authenticate(engine: Engine, username: str, password: str) -> Account | None:
    """The account when the password matches, else None (same cost either way)."""
    name = (username or "").strip().lower()
    if len(password) > MAX_PASSWORD_CHARS:
        return None
    with transaction(engine) as s:
        row = s.get(ConsoleUser, name) if name else None
        stored = row.password_hash if row else None
        # read with the hash: a session made from this sign-in is valid only if nothing changed since
        account = _account(row) if row else None
    if stored is None:
        verify_password(password, _dummy_hash())
        return None
    if not verify_password(password, stored):
        return None
    if needs_rehash(stored):
        with transaction(engine) as s:
            s.execute(update(ConsoleUser).where(ConsoleUser.username == name, ConsoleUser.password_hash == stored)
                      .values(password_hash=hash_password(password)))
    return account
