"""One attached image -> what it holds: text lines, faces, identifying metadata (issue 20).

Decoding happens once with limits (loading.py); OCR (helper A's ocr.read_text) is imported only when asked for, so
the metadata and face checks work without the OCR engine loaded.
"""

from __future__ import annotations

from checks.images.loading import decode, open_image
from checks.images.metadata import read_metadata
from checks.images.model import ImageLimits, ImageReport


def inspect_image(data: bytes, limits: ImageLimits = ImageLimits(), *, ocr: bool = True,
                  faces: bool = True) -> ImageReport:
    """Raise ImageUnreadable for anything not read; otherwise report sizes of the upright image and its findings."""
    opened = open_image(data, limits)
    metadata = read_metadata(opened)
    image = decode(opened)
    opened.image.close()
    found_faces = ()
    if faces:
        from checks.images.faces import find_faces
        found_faces = tuple(find_faces(image))
    lines = ()
    if ocr:
        from checks.images.ocr import read_text
        lines = tuple(read_text(image))
    return ImageReport(width=image.width, height=image.height, lines=lines, faces=found_faces, metadata=metadata)
