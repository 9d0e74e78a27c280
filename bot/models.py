"""Database tables (SQLModel). Schema changes go through Alembic migrations
in ``bot/migrations``; nothing creates tables behind their back.

Minimum necessary storage: a review keeps the content hash, findings (types
and positions only) and, only when the profile asks for it, the draft text
encrypted with ``CLEARPOST_DATA_KEY``.
"""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import Column, Text, UniqueConstraint
from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class Review(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    ref_key: str = Field(index=True, unique=True, max_length=400)
    platform: str = Field(max_length=20)
    workspace: str = Field(max_length=100)
    channel: str = Field(max_length=200)
    message_id: str = Field(max_length=200)
    thread_id: str | None = Field(default=None, max_length=200)
    author: str = Field(max_length=200)
    targets: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    attachments: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    content_hash: str = Field(max_length=64)
    state: str = Field(index=True, max_length=20)
    check_outcome: str | None = Field(default=None, max_length=20)
    verdict: str | None = Field(default=None, max_length=10)
    findings: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON, no PHI
    rewrite: str | None = Field(default=None, sa_column=Column(Text))  # encrypted like the text
    draft_text: str | None = Field(default=None, sa_column=Column(Text))  # encrypted, optional
    report_message_id: str | None = Field(default=None, max_length=200)
    decided_by: str | None = Field(default=None, max_length=200)
    decided_at: datetime | None = None
    override_reason: str | None = Field(default=None, sa_column=Column(Text))
    revision: int = 0  # bumped by every edit; stale check runs are discarded
    source_version: str | None = Field(default=None, max_length=40)  # the platform's stamp of this revision
    lease_owner: str | None = Field(default=None, max_length=100)
    lease_until: datetime | None = None
    # attached images (1-based) a privacy officer marked "staff only": their faces are not patients'
    staff_only: str = Field(default="[]", sa_column=Column(Text, nullable=False, server_default="[]"))  # JSON
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class ReviewImage(SQLModel, table=True):
    """A cleaned copy of an attached image (metadata stripped, PHI text and uncovered faces
    blurred), sealed like the draft text and deleted with the review's stored texts. The
    original file is never stored."""

    __tablename__ = "review_image"
    __table_args__ = (UniqueConstraint("review_id", "image"),)
    id: int | None = Field(default=None, primary_key=True)
    review_id: int = Field(index=True, foreign_key="review.id")
    image: int  # 1-based, as findings count the draft's images
    name: str = Field(max_length=400)
    mimetype: str = Field(max_length=50)
    data: str = Field(sa_column=Column(Text, nullable=False))  # sealed (bot/vault.py)
    created_at: datetime = Field(default_factory=utcnow)


class ProcessedEvent(SQLModel, table=True):
    """Platform event ids already taken in (Slack retries reuse event_id)."""

    __tablename__ = "processed_event"
    event_id: str = Field(primary_key=True, max_length=200)
    platform: str = Field(max_length=20)
    received_at: datetime = Field(default_factory=utcnow)


class AuditEvent(SQLModel, table=True):
    """Append-only, hash-chained evidence rows. Never holds draft text."""

    __tablename__ = "audit_event"
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, index=True)
    actor: str = Field(max_length=200)
    action: str = Field(index=True, max_length=50)
    review_id: int | None = Field(default=None, index=True)
    consent_id: str | None = Field(default=None, max_length=40)
    details: str = Field(default="{}", sa_column=Column(Text, nullable=False))  # JSON
    prev_hash: str = Field(max_length=64)
    hash: str = Field(max_length=64)


class Patient(SQLModel, table=True):
    id: str = Field(primary_key=True, max_length=40)  # internal id, e.g. P-000123
    display_name: str = Field(max_length=200)
    aliases: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    handles: str = Field(default="[]", sa_column=Column(Text, nullable=False))  # JSON list
    created_at: datetime = Field(default_factory=utcnow)


class PatientName(SQLModel, table=True):
    """Normalised names, aliases, handles and initials: the matching index."""

    __tablename__ = "patient_name"
    __table_args__ = (UniqueConstraint("name_key", "patient_id"),)
    id: int | None = Field(default=None, primary_key=True)
    name_key: str = Field(index=True, max_length=200)
    kind: str = Field(max_length=20)  # name | alias | handle | initials
    patient_id: str = Field(index=True, foreign_key="patient.id", max_length=40)


class Consent(SQLModel, table=True):
    """A written authorization. Withdrawals and corrections add rows or set
    ``withdrawn_on``/``superseded_by``; nothing is erased."""

    id: str = Field(primary_key=True, max_length=40)  # e.g. C-1042
    patient_id: str = Field(index=True, foreign_key="patient.id", max_length=40)
    scopes: str = Field(sa_column=Column(Text, nullable=False))  # JSON list
    platforms: str = Field(sa_column=Column(Text, nullable=False))  # JSON list
    granted_on: date
    expires_on: date | None = Field(default=None, index=True)
    withdrawn_on: date | None = None
    withdrawn_reason: str | None = Field(default=None, sa_column=Column(Text))
    document_ref: str = Field(max_length=400)
    recorded_by: str = Field(max_length=200)
    recorded_at: datetime = Field(default_factory=utcnow)
    superseded_by: str | None = Field(default=None, max_length=40)


class ConversationRef(SQLModel, table=True):
    """Teams conversation references, so replies and card updates survive a restart."""

    __tablename__ = "conversation_ref"
    key: str = Field(primary_key=True, max_length=400)
    platform: str = Field(max_length=20)
    payload: str = Field(sa_column=Column(Text, nullable=False))  # JSON
    updated_at: datetime = Field(default_factory=utcnow)


class ConsoleUser(SQLModel, table=True):
    __tablename__ = "console_user"
    username: str = Field(primary_key=True, max_length=100)
    password_hash: str = Field(max_length=300)
    role: str = Field(max_length=20)  # officer | staff
    created_at: datetime = Field(default_factory=utcnow)
    # raised by every change of credentials (password, role, second factor): a session made under
    # an older version is dead, even one whose sign-in was still hashing when the change landed
    credential_version: int = Field(default=1)
    # TOTP second factor (bot/totp.py): the secret sealed with CLEARPOST_DATA_KEY; enrolled once
    # totp_enabled_at is set (a secret without it is an enrolment not yet confirmed with a code)
    totp_secret: str | None = Field(default=None, max_length=300)
    totp_enabled_at: datetime | None = None
    totp_last_step: int | None = None  # the time step of the last code accepted: a code counts once


class ConsoleSession(SQLModel, table=True):
    """A signed-in console browser. Only a hash of the cookie value is stored,
    so a copy of the database cannot be used to take over a session."""

    __tablename__ = "console_session"
    token_hash: str = Field(primary_key=True, max_length=64)
    username: str = Field(index=True, foreign_key="console_user.username", max_length=100)
    csrf_token: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen: datetime = Field(default_factory=utcnow)
    expires_at: datetime = Field(index=True)
    credential_version: int = Field(default=1)  # the user's credential_version when it was signed in
    address: str | None = Field(default=None, max_length=64)  # the client address at sign-in
    # password accepted, second factor not yet: such a row is no session for any page, only for
    # the code step of sign-in (adapters/console/signin.py)
    second_factor_due: bool = Field(default=False)


class LeaseHolder(SQLModel, table=True):
    """A process that may hold review leases (``review.lease_owner`` is its id).
    Where it runs and its heartbeat tell the others whether it is still alive."""

    __tablename__ = "lease_holder"
    id: str = Field(primary_key=True, max_length=100)
    host: str = Field(max_length=255)
    pid: int
    pid_started: str | None = Field(default=None, max_length=40)  # tells a reused process id apart
    started_at: datetime = Field(default_factory=utcnow)
    heartbeat_at: datetime = Field(default_factory=utcnow)


class ReminderSent(SQLModel, table=True):
    """One reminder or notice the scheduler sends: the row is inserted before sending, and its
    uniqueness (kind, subject, day) is what makes several replicas send it once (bot/scheduler.py)."""

    __tablename__ = "reminder_sent"
    __table_args__ = (UniqueConstraint("kind", "subject", "day"),)
    id: int | None = Field(default=None, primary_key=True)
    kind: str = Field(max_length=40)  # nudge_officers | nudge_author | consent_notice
    subject: str = Field(max_length=100)  # "review:42", or "consents" for the weekly notice
    day: date
    review_id: int | None = Field(default=None, index=True)
    claimed_by: str = Field(max_length=100)  # the scheduler (process) that sends it
    claimed_at: datetime = Field(default_factory=utcnow)
    status: str = Field(default="sending", max_length=20)  # sending | sent | failed
    attempts: int = 1
