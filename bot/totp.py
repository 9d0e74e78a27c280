"""TOTP second factor for console accounts (RFC 6238: 6 digits, 30-second steps, HMAC-SHA1, the
parameters every authenticator app reads from an ``otpauth://`` URI), computed with pyotp.

- **Enrolment** stores a fresh 160-bit secret (RFC 4226's recommended length) sealed with
  ``CLEARPOST_DATA_KEY``; it is switched on only when the user confirms it with a current code,
  so nobody is locked out by a secret their phone never took. Without the data key there is no
  enrolment: a plaintext secret in the database would let a copy of it make codes.
- **Checking** accepts the current step and one step either side (clock drift, a code typed as
  it turned over), and each code once: the step of the last accepted code is stored, and only a
  later step is accepted, by one conditional UPDATE, so two replicas cannot both take one code.
- **Reset** (``clearpost users totp-reset``) removes the factor for a lost phone.

Every change of the factor raises the account's credential version, ending its other sessions.
"""
from __future__ import annotations

import hmac
from dataclasses import dataclass
from datetime import datetime

import pyotp
from cryptography.fernet import InvalidToken
from sqlalchemy import delete, or_, update
from sqlalchemy.engine import Engine

from bot import audit
from bot.accounts import AccountError, validate_username
from bot.db import transaction
from bot.models import ConsoleSession, ConsoleUser, utcnow
from bot.vault import Vault

ISSUER = "ClearPost"
DIGITS, STEP_SECONDS, DRIFT_STEPS = 6, 30, 1


class SecondFactorError(AccountError):
    """The second factor cannot be used as asked (message safe to show)."""


NO_KEY = ("two-step sign-in needs CLEARPOST_DATA_KEY on the server (the secrets are stored encrypted "
          "with it); ask the administrator to set it")
UNREADABLE = ("this account's second-factor secret cannot be read on this server (CLEARPOST_DATA_KEY is "
              "missing or changed); an administrator can remove it with `clearpost users totp-reset NAME`")


@dataclass(frozen=True)
class Enrolment:
    secret: str  # base32, as typed into an app by hand
    uri: str  # otpauth://totp/ClearPost:NAME?secret=...&issuer=ClearPost


@dataclass(frozen=True)
class Status:
    enabled_at: datetime | None
    pending: bool  # a secret shown but not yet confirmed with a code


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)


def _clean(code: str | None) -> str | None:
    """What people type: spaces or a dash in the middle are fine; anything but 6 digits is wrong."""
    text = "".join(str(code or "").split()).replace("-", "")
    return text if len(text) == DIGITS and text.isascii() and text.isdigit() else None


def _open(vault: Vault, sealed: str) -> str:
    if not sealed.startswith("enc:") or not vault.enabled:
        raise SecondFactorError(UNREADABLE)
    try:
        return vault.open(sealed)
    except InvalidToken:
        raise SecondFactorError(UNREADABLE) from None


def matching_step(secret: str, code: str | None, at: datetime | None = None) -> int | None:
    """The time step whose code ``code`` is (now, or one step either side), or None.
    Every candidate is compared in constant time."""
    clean = _clean(code)
    if clean is None:
        return None
    totp = _totp(secret)
    now_step = totp.timecode(at or utcnow())
    found = None
    for step in range(now_step - DRIFT_STEPS, now_step + DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), clean):
            found = step
    return found


def status(engine: Engine, username: str) -> Status:
    with transaction(engine) as s:
        row = s.get(ConsoleUser, validate_username(username))
        if row is None:
            raise AccountError(f"no user {username}")
        return Status(row.totp_enabled_at, row.totp_secret is not None and row.totp_enabled_at is None)


def _not_yet_enrolled(s, name: str) -> ConsoleUser:
    """The account's row, for enrolling: it must exist and not have the factor on yet."""
    row = s.get(ConsoleUser, name)
    if row is None:
        raise AccountError(f"no user {name}")
    if row.totp_enabled_at is not None:
        raise SecondFactorError("two-step sign-in is already on for this account")
    return row


def begin_enrolment(engine: Engine, vault: Vault, username: str) -> Enrolment:
    """The secret to show: the one already waiting for confirmation, or a new one (so reloading the
    page does not change the QR code under a half-finished app entry)."""
    if not vault.enabled:
        raise SecondFactorError(NO_KEY)
    name = validate_username(username)
    with transaction(engine) as s:
        row = _not_yet_enrolled(s, name)
        secret = None
        if row.totp_secret:
            try:
                secret = _open(vault, row.totp_secret)
            except SecondFactorError:
                secret = None  # sealed under an earlier key: start again
        if secret is None:
            secret = pyotp.random_base32(32)
            row.totp_secret = vault.seal(secret)
            s.add(row)
    return Enrolment(secret, _totp(secret).provisioning_uri(name=name, issuer_name=ISSUER))


def confirm_enrolment(engine: Engine, vault: Vault, username: str, code: str | None,
                      keep_session: str | None = None, actor: str | None = None) -> bool:
    """Switch the factor on if ``code`` is current for the waiting secret. The code counts as used,
    and the account's other sessions end (``keep_session``: the token hash of the one enrolling,
    which moves to the new credential version)."""
    name = validate_username(username)
    with transaction(engine) as s:
        row = _not_yet_enrolled(s, name)
        if not row.totp_secret:
            raise SecondFactorError("open the two-step sign-in page first: it shows the secret to add")
        step = matching_step(_open(vault, row.totp_secret), code)
        if step is None:
            return False
        row.totp_enabled_at, row.totp_last_step = utcnow(), step
        row.credential_version += 1
        s.add(row)
        others = delete(ConsoleSession).where(ConsoleSession.username == name)
        if keep_session:
            others = others.where(ConsoleSession.token_hash != keep_session)
            s.execute(update(ConsoleSession).where(ConsoleSession.token_hash == keep_session)
                      .values(credential_version=row.credential_version))
        ended = s.execute(others).rowcount
        audit.append(s, actor or name, "console_totp_enrolled", details={"username": name, "sessions_ended": ended})
    return True


def verify(engine: Engine, vault: Vault, username: str, code: str | None, credential_version: int) -> bool:
    """Whether ``code`` is a current code of the user's factor not used before. Taking it is one
    conditional UPDATE (a later step than the last accepted, the same credentials as at the password
    step), so a code replayed within its window, even at once on another replica, is refused."""
    name = validate_username(username)
    with transaction(engine) as s:
        row = s.get(ConsoleUser, name)
        if row is None or row.totp_enabled_at is None or not row.totp_secret:
            return False
        sealed = row.totp_secret
    step = matching_step(_open(vault, sealed), code)
    if step is None:
        return False
    with transaction(engine) as s:
        taken = s.execute(
            update(ConsoleUser)
            .where(ConsoleUser.username == name, ConsoleUser.credential_version == credential_version,
                   ConsoleUser.totp_enabled_at.is_not(None),
                   or_(ConsoleUser.totp_last_step.is_(None), ConsoleUser.totp_last_step < step))
            .values(totp_last_step=step)).rowcount
    return taken == 1


def reset(engine: Engine, username: str, actor: str = "cli") -> bool:
    """Remove the user's second factor (a lost phone) and end their sessions; they sign in with the
    password alone and may enrol again. Returns False, changing nothing, when there was none."""
    name = validate_username(username)
    with transaction(engine) as s:
        row = s.get(ConsoleUser, name)
        if row is None:
            raise AccountError(f"no user {name}")
        if row.totp_secret is None:
            return False
        was_enabled = row.totp_enabled_at is not None
        row.totp_secret, row.totp_enabled_at, row.totp_last_step = None, None, None
        row.credential_version += 1
        s.add(row)
        ended = s.execute(delete(ConsoleSession).where(ConsoleSession.username == name)).rowcount
        audit.append(s, actor, "console_totp_reset",
                     details={"username": name, "was_enabled": was_enabled, "sessions_ended": ended})
    return True
