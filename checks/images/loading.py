"""Decoding attached images with limits, before any pixel is decoded (issue 20).

Only JPEG (and the MPO variant phones write), PNG and WebP are read: the formats the issue names that Pillow decodes
without extra native libraries. Everything else is refused with a reason (never content):
- GIF and animated WebP/APNG: only one frame would be checked while the others could show PHI, so they fail closed.
- HEIC: pillow-heif is well kept but adds libheif/libde265/x265 (~45 MB installed) to a budget OCR already mostly
  uses, and Slack/Teams show HEIC uploads as files, not pictures; phones' "most compatible" setting sends JPEG.
- PDF, SVG, TIFF, BMP and the rest are not images a social post carries.
Size limits come before decoding: bytes first, then width x height from the header (also against Pillow's own
decompression-bomb guard), so a tiny file declaring huge dimensions costs nothing. Truncated or corrupt data fails
closed (Pillow's LOAD_TRUNCATED_IMAGES stays off). Pixels come back upright (EXIF orientation applied), in sRGB RGB.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

from checks.images.model import ImageLimits, ImageUnreadable

FORMATS = ("JPEG", "MPO", "PNG", "WEBP")
"""Pillow format names accepted; MPO is a JPEG with extra pictures appended (phones' depth maps and previews)."""

MIMETYPES = {"JPEG": "image/jpeg", "MPO": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}

_SIGNATURES = (
    (b"%PDF", "a PDF document"),
    (b"GIF8", "a GIF (animations are not checked; send a JPEG or PNG)"),
    (b"<?xml", "an XML/SVG file"),
    (b"<svg", "an SVG drawing"),
    (b"II*\x00", "a TIFF"),
    (b"MM\x00*", "a TIFF"),
    (b"BM", "a BMP"),
)


@dataclass
class Opened:
    """A header-checked image whose pixels are not decoded yet; ``image`` keeps its metadata for metadata.py."""

    image: Image.Image
    format: str
    data: bytes

    @property
    def mimetype(self) -> str:
        return MIMETYPES[self.format]


def _describe(data: bytes) -> str:
    """What the file is instead of an image, for the refusal message (from its magic bytes only)."""
    head = data[:64].lstrip()
    for magic, what in _SIGNATURES:
        if head.startswith(magic):
            return what
    if data[4:12] in (b"ftypheic", b"ftypheix", b"ftypmif1", b"ftypmsf1", b"ftyphevc", b"ftypavif"):
        return "a HEIC/AVIF photo (set the phone to 'Most Compatible' or send a JPEG)"
    return "not a JPEG, PNG or WebP image"


def open_image(data: bytes, limits: ImageLimits = ImageLimits()) -> Opened:
    """Check size, format and dimensions from the header; raise ImageUnreadable saying why."""
    if not data:
        raise ImageUnreadable("the file is empty")
    if len(data) > limits.max_bytes:
        raise ImageUnreadable(f"the file is too large ({len(data):,} bytes; the limit is {limits.max_bytes:,})")
    try:
        im = Image.open(io.BytesIO(data), formats=("JPEG", "PNG", "WEBP"))  # JPEG's opener yields MPO
    except Image.DecompressionBombError:
        raise ImageUnreadable("the image is too large (its header declares more pixels than Pillow's decompression-bomb limit)") from None
    except Exception:  # UnidentifiedImageError, and any parser error on a damaged header
        raise ImageUnreadable(_describe(data)) from None
    fmt = im.format or ""
    if fmt not in FORMATS:
        raise ImageUnreadable(_describe(data))
    width, height = im.size
    if width < 1 or height < 1:
        raise ImageUnreadable("the image has no pixels")
    bomb = Image.MAX_IMAGE_PIXELS
    if width * height > limits.max_pixels or (bomb is not None and width * height > bomb):
        raise ImageUnreadable(f"the image is too large ({width}x{height} pixels; the limit is "
                              f"{limits.max_pixels:,} pixels)")
    if fmt != "MPO" and getattr(im, "is_animated", False):
        raise ImageUnreadable("animated images are not checked (only one frame would be); send a still JPEG or PNG")
    return Opened(im, fmt, data)


def _to_rgb(im: Image.Image) -> Image.Image:
    """Any decoded mode to 8-bit sRGB RGB; transparency is flattened onto white, as most viewers show it."""
    icc = im.info.get("icc_profile")
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        import numpy as np
        a = np.asarray(im).astype(np.uint32)
        a = (a >> 8) if a.max(initial=0) > 255 else a
        im = Image.fromarray(a.astype(np.uint8), "L")
    if im.mode == "P":
        im = im.convert("RGBA")
    if im.mode in ("RGBA", "LA", "PA", "La", "RGBa"):
        rgba = im.convert("RGBA")
        flat = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        flat.alpha_composite(rgba)
        im = flat.convert("RGB")
    if icc and im.mode in ("RGB", "CMYK", "L"):
        try:
            src = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            return ImageCms.profileToProfile(im, src, ImageCms.createProfile("sRGB"), outputMode="RGB")
        except Exception:  # a broken or unusual profile: fall back to Pillow's plain conversion
            pass
    return im.convert("RGB")


def decode(opened: Opened) -> Image.Image:
    """Decode the pixels, apply EXIF orientation and return a fresh upright RGB image (no metadata attached)."""
    im = opened.image
    try:
        if opened.format == "PNG":  # chunk checksums: Pillow's load() does not check them, verify() does
            Image.open(io.BytesIO(opened.data), formats=("PNG",)).verify()
        im.seek(0)
        im.load()
        upright = ImageOps.exif_transpose(im)
        rgb = _to_rgb(upright if upright is not None else im)
        rgb.load()
    except ImageUnreadable:
        raise
    except MemoryError:
        raise ImageUnreadable("the image is too large to decode") from None
    except Exception:  # truncated data, bad Huffman tables, CRC errors, broken EXIF...
        raise ImageUnreadable("the file is damaged or truncated") from None
    rgb.info = {}
    return rgb


def load_image(data: bytes, limits: ImageLimits = ImageLimits()) -> Image.Image:
    """open_image + decode: the upright RGB pixels of an allowed image, or ImageUnreadable."""
    return decode(open_image(data, limits))
