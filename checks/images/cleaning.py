"""The cleaned copy of an image: pixels only, upright, chosen boxes made unreadable (issue 20).

The copy is a new image made from decoded pixels, so nothing of the original file survives: no EXIF, XMP, IPTC,
ICC profile (colours are converted to sRGB on decoding), text chunks, thumbnails or extra MPO frames. JPEG stays
JPEG, PNG stays PNG, WebP stays WebP; transparency is flattened onto white.

Each box is widened a little (OCR and face boxes are tight), pixelated to blocks of about a third of its shorter
side (at least 12 px) and then blurred, so neither a reader, OCR nor a face detector can recover it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageFilter

from checks.images.loading import MIMETYPES, decode, open_image
from checks.images.model import Box, ImageLimits

MARGIN = 0.15
"""Fraction of a box's shorter side added on every side before blurring."""


def obscure(image: Image.Image, box: Box) -> None:
    """Pixelate and blur ``box`` of ``image`` in place (clipped to the image)."""
    x, y, w, h = box
    pad = int(round(min(w, h) * MARGIN)) + 2
    x0, y0 = max(0, x - pad), max(0, y - pad)
    x1, y1 = min(image.width, x + w + pad), min(image.height, y + h + pad)
    if x1 <= x0 or y1 <= y0:
        return
    region = image.crop((x0, y0, x1, y1))
    rw, rh = region.size
    block = max(12, min(rw, rh) // 3)
    small = region.resize((max(1, rw // block), max(1, rh // block)), Image.Resampling.BOX)
    region = small.resize((rw, rh), Image.Resampling.NEAREST).filter(ImageFilter.GaussianBlur(block / 2))
    image.paste(region, (x0, y0))


def clean_image(data: bytes, blur: Sequence[Box] = (), limits: ImageLimits = ImageLimits()) -> tuple[bytes, str]:
    """(bytes, mimetype) of a metadata-free, upright copy with every box in ``blur`` obscured; ImageUnreadable if
    the original cannot be read."""
    opened = open_image(data, limits)
    fmt = opened.format
    pixels = decode(opened)
    opened.image.close()
    fresh = Image.new("RGB", pixels.size)
    fresh.paste(pixels, (0, 0))
    for box in blur:
        obscure(fresh, box)
    out = io.BytesIO()
    if fmt in ("JPEG", "MPO"):
        fresh.save(out, "JPEG", quality=90, optimize=True)
    elif fmt == "WEBP":
        fresh.save(out, "WEBP", quality=90)
    else:
        fresh.save(out, "PNG", optimize=False)
    return out.getvalue(), MIMETYPES[fmt]
