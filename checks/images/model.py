"""Plain data shared by the image checks (issue 20).

Kept free of Pillow/OpenCV imports so that the pipeline, adapters and tests can name these types without loading
image libraries. Values found in an image (text, metadata) never appear in a repr: findings carry kinds, entities
and boxes only.
"""

from __future__ import annotations

from dataclasses import dataclass, field

Box = tuple[int, int, int, int]
"""x, y, width, height in pixels of the upright (EXIF-rotated) image."""


@dataclass(frozen=True)
class TextLine:
    """One line of recognised text; the text stays out of repr so it cannot reach a log by accident."""

    text: str = field(repr=False)
    box: Box
    confidence: float


@dataclass(frozen=True)
class MetadataItem:
    """A kind of identifying metadata present in the file; never its value.

    kind: "gps" | "capture_date" | "device_serial" | "owner" | "thumbnail"
    entity: "LOCATION" | "DATE" | "DEVICE_ID" | "PERSON" | "PHOTO"
    """

    kind: str
    entity: str


@dataclass(frozen=True)
class ImageReport:
    """What one image holds: its upright size, text lines, face boxes and identifying metadata kinds."""

    width: int
    height: int
    lines: tuple[TextLine, ...]
    faces: tuple[Box, ...]
    metadata: tuple[MetadataItem, ...]


class ImageUnreadable(ValueError):
    """The bytes could not be read as an allowed image; the message says why (never any content)."""


@dataclass(frozen=True)
class ImageLimits:
    """Refuse files above these sizes before decoding pixels (memory and decompression bombs)."""

    max_bytes: int = 25_000_000
    max_pixels: int = 50_000_000
