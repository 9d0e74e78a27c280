"""Pillow-made test images for the checks/images unit tests (no files, no network)."""

from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

PORTRAIT = Path(__file__).resolve().parent / "data" / "face_portrait.jpg"


def encode(im: Image.Image, fmt: str, **kw) -> bytes:
    out = io.BytesIO()
    im.save(out, fmt, **kw)
    return out.getvalue()


def portrait() -> Image.Image:
    return Image.open(PORTRAIT).convert("RGB")


def text_image(lines=("Jane Doe", "(555) 201-3344"), size=(900, 300), font_size=56) -> Image.Image:
    im = Image.new("RGB", size, (255, 255, 255))
    d = ImageDraw.Draw(im)
    font = ImageFont.truetype("DejaVuSans.ttf", font_size) if _has_dejavu() else ImageFont.load_default(font_size)
    y = 30
    for line in lines:
        d.text((30, y), line, font=font, fill=(0, 0, 0))
        y += int(font_size * 1.5)
    return im


def _has_dejavu() -> bool:
    try:
        ImageFont.truetype("DejaVuSans.ttf", 10)
        return True
    except OSError:
        return False


def png_with_declared_size(width: int, height: int) -> bytes:
    """A tiny valid-looking PNG whose header claims width x height (a decompression bomb's shape)."""
    data = encode(Image.new("L", (1, 1)), "PNG")
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    return data[:8] + struct.pack(">I", 13) + chunk + struct.pack(">I", zlib.crc32(chunk)) + data[33:]


def with_app_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """Insert a JPEG APPn segment right after the start-of-image marker."""
    return jpeg[:2] + bytes([0xFF, marker]) + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]
