"""Core value types shared by checks, the review service and the adapters.

Findings carry types and positions, never the matched text, so they can be
logged, stored and posted without leaking PHI.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, asdict
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from enum import Enum

MAX_DRAFT_CHARS = 40_000  # Slack's message limit; longer drafts are refused


class Severity(str, Enum):
    BLOCK = "block"
    WARN = "warn"
    INFO = "info"


class Verdict(str, Enum):
    BLOCK = "block"
    WARN = "warn"
    PASS = "pass"


@dataclass(frozen=True)
class MessageRef:
    """Where a draft was posted; its key is the idempotency key of a review."""

    platform: str  # slack | teams | console | cli
    workspace: str
    channel: str
    message_id: str
    thread_id: str | None = None

    @property
    def key(self) -> str:
        return f"{self.platform}:{self.workspace}:{self.channel}:{self.message_id}"


@dataclass(frozen=True)
class Attachment:
    """A file attached to a draft. ``url``/``file_id`` say where the platform keeps it (so a
    restarted replica can fetch it again); ``data`` is a console upload's bytes, held in
    memory only for the check and never stored (bot/images.py)."""

    name: str
    mimetype: str = "application/octet-stream"
    url: str | None = None
    file_id: str | None = None
    data: bytes | None = field(default=None, repr=False, compare=False)

    def stored(self) -> list:
        """The review row's form: ``[name, mimetype]`` as before, plus where to fetch it."""
        out: list = [self.name, self.mimetype]
        if self.url or self.file_id:
            out += [self.url, self.file_id]
        return out

    @classmethod
    def from_stored(cls, item) -> "Attachment":
        """Reads both the old ``[name, mimetype]`` rows and ``[name, mimetype, url, file_id]``."""
        name, mimetype, *rest = list(item)
        url = rest[0] if len(rest) > 0 else None
        file_id = rest[1] if len(rest) > 1 else None
        return cls(name, mimetype, url=url, file_id=file_id)

    @property
    def kind(self) -> str:
        if self.mimetype.startswith("image/"):
            return "image"
        if self.mimetype.startswith("video/"):
            return "video"
        return "file"


@dataclass(frozen=True)
class Draft:
    text: str = field(repr=False)  # never in a repr, so never in a log line or traceback
    author: str
    ref: MessageRef
    platforms: tuple[str, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    received_at: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    version: str | None = None  # the platform's stamp of this revision (Slack: edited.ts, else ts)

    @property
    def content_hash(self) -> str:
        """What an approval is bound to: text plus attachment names, and which file each is
        (its platform id or address, or a console upload's bytes): a re-uploaded image under
        the same name voids a clearance. Attachments with neither hash as they always did."""
        h = hashlib.sha256(self.text.encode("utf-8"))
        for a in self.attachments:
            h.update(b"\0" + a.name.encode("utf-8") + b"\0" + a.mimetype.encode("utf-8"))
            if a.file_id or a.url:
                h.update(b"\1" + (a.file_id or "").encode("utf-8") + b"\0" + (a.url or "").encode("utf-8"))
            if a.data is not None:
                h.update(b"\2" + hashlib.sha256(a.data).digest())
        return h.hexdigest()

    @property
    def has_photo(self) -> bool:
        return any(a.kind == "image" for a in self.attachments)

    @property
    def has_video(self) -> bool:
        return any(a.kind == "video" for a in self.attachments)


def is_older(version: str | None, than: str | None) -> bool:
    """Whether a revision stamp (Slack's "1700000000.000200") comes before
    another; a missing or unreadable one is never older."""
    try:
        return version is not None and than is not None and Decimal(version) < Decimal(than)
    except InvalidOperation:
        return False


@dataclass(frozen=True)
class Finding:
    check: str
    code: str
    severity: Severity
    message: str  # never contains the matched text
    entity: str | None = None
    start: int | None = None
    end: int | None = None
    suggestion: str | None = None
    # on a consent finding that covers its patient: the consent id(s) and every scope they
    # grant on all target platforms today (read by checks.decision)
    consent: str | None = None
    covers: tuple[str, ...] = ()
    # a finding about an attached image: its 1-based index, and the area (x, y, width, height in
    # pixels of the upright image) it is about; start/end then stay None (they are characters)
    image: int | None = None
    box: tuple[int, int, int, int] | None = None

    @property
    def where(self) -> str:
        """" at characters N–M" for a finding about a span, " in image 1, area …" for one
        about an image, else ""."""
        if self.image is not None:
            return f" in {image_position_text(self.image, self.box)}"
        return f" at {position_text(self.start, self.end)}" if self.start is not None and self.end is not None else ""

    @property
    def place(self) -> str:
        """The position alone, for a column of positions: "characters 5-9", "image 1, area …" or ""."""
        if self.image is not None:
            return image_position_text(self.image, self.box)
        return position_text(self.start, self.end) if self.start is not None and self.end is not None else ""

    def to_dict(self) -> dict:
        d = asdict(self)
        d["severity"] = self.severity.value
        d["covers"] = list(self.covers)
        for k in ("consent", "covers"):
            if not d[k]:
                d.pop(k)
        if self.image is None:
            d.pop("image")
        if self.box is None:
            d.pop("box")
        else:
            d["box"] = list(self.box)
        if self.start is None:
            for k in ("entity", "start", "end"):
                if d[k] is None:
                    d.pop(k)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Finding":
        return cls(
            check=d["check"], code=d["code"], severity=Severity(d["severity"]),
            message=d["message"], entity=d.get("entity"), start=d.get("start"),
            end=d.get("end"), suggestion=d.get("suggestion"),
            consent=d.get("consent"), covers=tuple(d.get("covers") or ()),
            image=d.get("image"), box=tuple(d["box"]) if d.get("box") else None,
        )


def position_text(start: int, end: int) -> str:
    """The one way a position is shown to people: 1-based and inclusive, in
    characters of the text the author wrote ("characters 5–9" is the 5th to
    the 9th). JSON and storage keep 0-based ``start`` and exclusive ``end``."""
    return f"characters {start + 1}-{end}"


def image_position_text(image: int, box: tuple[int, int, int, int] | None) -> str:
    """The one way a place in an image is shown: "image 2, area 40,310 220x36" (x,y of the
    top-left corner, width x height, in pixels of the upright image), or "image 2"."""
    if box is None:
        return f"image {image}"
    x, y, w, h = box
    return f"image {image}, area {x},{y} {w}x{h}"


def verdict_of(findings: list[Finding]) -> Verdict:
    severities = {f.severity for f in findings}
    if Severity.BLOCK in severities:
        return Verdict.BLOCK
    if Severity.WARN in severities:
        return Verdict.WARN
    return Verdict.PASS


class DraftRejected(ValueError):
    """Input that cannot be reviewed (empty, too long, not text)."""


def validate_draft_text(text: str, *, has_attachments: bool = False) -> str:
    """Refuse what cannot be reviewed; a photo with no caption is still a draft."""
    if (not text or not text.strip()) and not has_attachments:
        raise DraftRejected("the draft is empty")
    if len(text) > MAX_DRAFT_CHARS:
        raise DraftRejected(
            f"the draft has {len(text)} characters; the limit is {MAX_DRAFT_CHARS}"
        )
    if "\x00" in text:
        raise DraftRejected("the draft contains binary data (NUL bytes)")
    return text
