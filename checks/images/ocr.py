"""Text in an image, read offline by Debian's tesseract (issue 20).

Why tesseract: see docs/images.md for the comparison with RapidOCR on our own image corpus.

The binary is found once per process (lazily, under a lock); each call runs one tesseract process on a greyscale,
downscaled copy of the image and maps its word boxes back to the caller's pixels. Nothing is downloaded: the
English model comes inside the Debian package ``tesseract-ocr-eng``. When the binary is missing the call fails
closed with :class:`OcrUnavailable` (an image must never pass unchecked because OCR could not run).

Recognised text is returned to the caller only; nothing here logs it.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checks.images.model import TextLine

if TYPE_CHECKING:  # Pillow is imported lazily so that naming this module stays cheap
    from PIL import Image

MAX_SIDE = 2600
"""Longest side tesseract sees. A 12-megapixel photo (4000x3000) is scaled to 2600x1950: text a reader can make out on
a phone screen keeps enough pixels per letter, and one core reads it within the time budget (docs/images.md)."""

MIN_SIDE = 1000
"""Small images (screenshot crops, thumbnails) are scaled up to this shortest side: tesseract misreads letters under
about 20 pixels high."""

MIN_CONFIDENCE = 30.0
"""Words tesseract itself rates below this (0-100) are mostly noise read from textures; dropping them keeps photos
without text from producing gibberish lines."""

TIMEOUT_S = 30.0
"""One image may not hold the check longer than this; the caller's own check timeout still applies."""


class OcrUnavailable(RuntimeError):
    """OCR cannot run here (tesseract or its English model is missing, or it failed); the image is not checked."""


@dataclass(frozen=True)
class _Engine:
    binary: str


_lock = threading.Lock()
_engine: _Engine | None = None


def _load() -> _Engine:
    """Find tesseract and its English model once per process; raise OcrUnavailable with the fix when missing."""
    global _engine
    if _engine is not None:
        return _engine
    with _lock:
        if _engine is not None:
            return _engine
        binary = os.environ.get("CLEARPOST_TESSERACT") or shutil.which("tesseract")
        if not binary:
            raise OcrUnavailable("tesseract is not installed; install the Debian package tesseract-ocr "
                                 "(scripts/setup.sh does) to check text inside images")
        try:
            out = subprocess.run([binary, "--list-langs"], capture_output=True, text=True, timeout=TIMEOUT_S,
                                 env=_env(), check=False)
        except (OSError, subprocess.TimeoutExpired) as e:
            raise OcrUnavailable(f"tesseract could not be started: {type(e).__name__}") from None
        langs = {ln.strip() for ln in (out.stdout + out.stderr).splitlines()}
        if "eng" not in langs:
            raise OcrUnavailable("tesseract has no English model; install the Debian package tesseract-ocr-eng")
        _engine = _Engine(binary)
        return _engine


def _env() -> dict[str, str]:
    """One thread per tesseract process: the server's other work shares the core."""
    env = dict(os.environ)
    env["OMP_THREAD_LIMIT"] = "1"
    return env


def _prepare(image: "Image.Image") -> tuple["Image.Image", float]:
    """Greyscale copy at a size tesseract reads well and fast; returns it with the factor back to input pixels."""
    from PIL import Image

    grey = image.convert("L")
    w, h = grey.size
    scale = 1.0
    if max(w, h) > MAX_SIDE:
        scale = MAX_SIDE / max(w, h)
    elif min(w, h) < MIN_SIDE:
        scale = min(MIN_SIDE / min(w, h), MAX_SIDE / max(w, h), 4.0)
    if scale != 1.0:
        grey = grey.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.LANCZOS)
    return grey, 1.0 / scale


def _run(engine: _Engine, grey: "Image.Image") -> str:
    buf = io.BytesIO()
    grey.save(buf, format="PPM")  # uncompressed: encoding a PNG of a large photo costs more than reading it
    try:
        out = subprocess.run([engine.binary, "stdin", "stdout", "-l", "eng", "--psm", "11", "tsv"],
                             input=buf.getvalue(), capture_output=True, timeout=TIMEOUT_S, env=_env(), check=False)
    except subprocess.TimeoutExpired:
        raise OcrUnavailable(f"tesseract took longer than {TIMEOUT_S:.0f} s on this image") from None
    except OSError as e:
        raise OcrUnavailable(f"tesseract could not be started: {type(e).__name__}") from None
    if out.returncode != 0:
        raise OcrUnavailable(f"tesseract failed (exit {out.returncode})")
    return out.stdout.decode("utf-8", errors="replace")


def _lines(tsv: str, back: float, width: int, height: int) -> list[TextLine]:
    """Group tesseract's words into lines (block, paragraph, line) with one box each, in the caller's pixels."""
    groups: dict[tuple[str, str, str, str], list[tuple[int, int, int, int, float, str]]] = {}
    for row in tsv.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        try:
            conf = float(cols[10])
            x, y, w, h = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        if not text or conf < MIN_CONFIDENCE:
            continue
        groups.setdefault((cols[1], cols[2], cols[3], cols[4]), []).append((x, y, w, h, conf, text))
    lines = []
    for words in groups.values():
        words.sort(key=lambda wd: wd[0])
        x0 = min(wd[0] for wd in words)
        y0 = min(wd[1] for wd in words)
        x1 = max(wd[0] + wd[2] for wd in words)
        y1 = max(wd[1] + wd[3] for wd in words)
        bx, by = int(x0 * back), int(y0 * back)
        bw = min(width, int(round(x1 * back + 0.5))) - bx
        bh = min(height, int(round(y1 * back + 0.5))) - by
        conf = sum(wd[4] for wd in words) / len(words) / 100.0
        lines.append(TextLine(text=" ".join(wd[5] for wd in words), box=(bx, by, max(1, bw), max(1, bh)),
                              confidence=round(conf, 3)))
    lines.sort(key=lambda ln: (ln.box[1], ln.box[0]))
    return lines


def read_text(image: "Image.Image") -> list[TextLine]:
    """Lines of text in an upright image, each with its box in that image's pixels; [] when there is none.

    Raises OcrUnavailable when tesseract cannot run: callers fail closed on it.
    """
    engine = _load()
    width, height = image.size
    if width == 0 or height == 0:
        return []
    grey, back = _prepare(image)
    return _lines(_run(engine, grey), back, width, height)
