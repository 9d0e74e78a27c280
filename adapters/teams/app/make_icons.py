"""Draws the two Teams app icons (stdlib only: zlib + struct).

color.png: 192x192, a filled rounded shield with a check mark on the accent colour.
outline.png: 32x32, white on transparent (Teams' rule for outline icons).
Run: python teams/make_icons.py  (writes next to this file)."""
from __future__ import annotations

import struct
import zlib
from pathlib import Path

ACCENT = (38, 97, 156)
WHITE = (255, 255, 255)


def png(width: int, height: int, pixel) -> bytes:
    """An RGBA PNG; ``pixel(x, y)`` returns (r, g, b, a)."""
    rows = b"".join(b"\0" + b"".join(bytes(pixel(x, y)) for x in range(width)) for y in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))


def _in_shield(u: float, v: float) -> bool:
    """Unit-square coordinates inside a shield outline."""
    if not (0.2 <= u <= 0.8 and 0.15 <= v <= 0.88):
        return False
    if v <= 0.55:
        return True
    half = 0.3 * (0.88 - v) / 0.33  # the lower part narrows to a point
    return abs(u - 0.5) <= half


def _on_check(u: float, v: float, width: float) -> bool:
    """A check mark from (0.36, 0.5) down to (0.47, 0.62) and up to (0.66, 0.38)."""
    def near(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0.0, min(1.0, ((u - ax) * dx + (v - ay) * dy) / (dx * dx + dy * dy)))
        return (u - ax - t * dx) ** 2 + (v - ay - t * dy) ** 2 <= width ** 2
    return near(0.36, 0.5, 0.47, 0.62) or near(0.47, 0.62, 0.66, 0.38)


def color_pixel(x: int, y: int, size: int = 192):
    u, v = (x + 0.5) / size, (y + 0.5) / size
    if _in_shield(u, v):
        return (*WHITE, 255) if _on_check(u, v, 0.045) else (*ACCENT, 255)
    return (235, 242, 250, 255)


def outline_pixel(x: int, y: int, size: int = 32):
    u, v = (x + 0.5) / size, (y + 0.5) / size
    inside = _in_shield(u, v)
    edge = inside and not _in_shield(u + 0.07, v) or inside and not _in_shield(u - 0.07, v) \
        or inside and not _in_shield(u, v + 0.07) or inside and not _in_shield(u, v - 0.07)
    return (*WHITE, 255) if edge or _on_check(u, v, 0.05) else (0, 0, 0, 0)


def main() -> None:
    here = Path(__file__).parent
    (here / "color.png").write_bytes(png(192, 192, color_pixel))
    (here / "outline.png").write_bytes(png(32, 32, outline_pixel))


if __name__ == "__main__":
    main()
