"""Attached images: how the review service gets their bytes, and the cleaned copies it hands back.

Adapters implement ``ImageFetcher`` for their platform (Slack: the bot token through
SLACK_API_URL; Teams: through the connector) and pass them to ``ReviewService(fetchers=...)``
keyed by platform. A console upload carries its bytes in ``Attachment.data`` instead.

The original bytes are never stored: a restart before the check makes the fetcher fetch
again (Slack/Teams), or, for a console upload, the check fails closed ("upload it again").
What is stored is the cleaned copy (metadata stripped, PHI text and uncovered faces blurred),
sealed with the vault like the draft text and deleted whenever the draft text is.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from bot.domain import Attachment


class ImageUnavailable(Exception):
    """The image could not be fetched (gone, forbidden, too big, timed out). The message
    says why in a few words and never holds the file's content or a token."""


class ImageFetcher(Protocol):
    async def fetch(self, attachment: Attachment, max_bytes: int) -> bytes:
        """The attachment's bytes, at most ``max_bytes`` (more raises ImageUnavailable)."""


@dataclass(frozen=True)
class CleanedImage:
    """A cleaned copy of the ``index``-th attached image (1-based, as findings count them:
    the draft's images only, in the order attached). ``name`` is ``image-<index>-cleaned.<ext>``."""

    index: int
    name: str
    mimetype: str
    data: bytes = field(repr=False)


def cleaned_name(index: int, mimetype: str) -> str:
    """``image-2-cleaned.jpg``: never the uploaded file's name, which may be a patient's."""
    ext = {"image/png": "png", "image/jpeg": "jpg", "image/webp": "webp"}.get(mimetype, "bin")
    return f"image-{index}-cleaned.{ext}"
